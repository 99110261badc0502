package org.xasdaml.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xasdaml.plot.Chart;
import org.xasdaml.table.SampleTable;

/**
 * The measured spectra over the pointwise range of the training spectra (section 1's figure): the
 * training features before their transform, found through the train stage's recorded inputs.
 *
 * @param measured the measured spectra by file name, added while section 1 reads the predictions
 */
record TrainingEnvelope(String quantity, double[] x, String xName, String xUnit, double[] min, double[] p05, double[] p95,
                double[] max, int n, Map<String, double[]> measured) {

    static TrainingEnvelope of(Path runDir, Map<String, RunStage> byName, RunStage train, ModelArchiveInfo archive, SampleTable spectra)
            throws IOException {
        SampleTable raw = null;
        if (train != null) {
            // the training spectra before the transform: the features table of the stage that made the transform
            String t = train.inputStage("transform");
            RunStage std = t == null ? null : byName.get(t);
            String f = std != null ? std.inputStage("features") : train.inputStage("features");
            RunStage src = f == null ? null : byName.get(f);
            if (src != null) {
                String port = std != null ? std.inputPort("features") : train.inputPort("features");
                raw = port == null ? null : RunFiles.table(src.dir().resolve(port));
            }
        }
        if (raw == null || raw.axis() == null || !raw.axis().sameGrid(spectra.axis(), 1e-9)) {
            return null;
        }
        int m = raw.numericColumns();
        double[] min = new double[m];
        double[] max = new double[m];
        double[] p05 = new double[m];
        double[] p95 = new double[m];
        double[][] x = raw.matrix();
        for (int j = 0; j < m; j++) {
            double[] c = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = x[i][j];
            }
            Arrays.sort(c);
            min[j] = c[0];
            max[j] = c[c.length - 1];
            p05[j] = Chart.percentile(c, 5);
            p95[j] = Chart.percentile(c, 95);
        }
        String q = spectra.meta().getOrDefault("quantity", "spectrum");
        q = switch (q) {
            case "mu", "norm", "flat", "mu_norm" -> "normalised μ(E)";
            case "chi" -> "k-weighted χ(k)"; // the recipe's kⁿ·χ(k)
            case "chi_k" -> "χ(k)";
            case "chir", "chi_r" -> "|χ(R)|";
            case "chi-chir" -> "k-weighted χ(k), then |χ(R)|";
            case "chi_k1" -> "k·χ(k)";
            case "chi_k2" -> "k²·χ(k)";
            case "chi_k3" -> "k³·χ(k)";
            default -> q;
        };
        return new TrainingEnvelope(q, spectra.axis().values(), spectra.axis().name(),
                spectra.axis().unit(), min, p05, p95, max, x.length, new LinkedHashMap<>());
    }

    Chart chart() {
        Color grey = new Color(150, 150, 150);
        Color light = new Color(190, 190, 190);
        Chart c = new Chart().size(760, 440).title("Measured " + quantity + " over the " + n + " simulated spectra")
                .xLabel(xName, xUnit).yLabel(quantity, "");
        c.line("training min", x, min, light, 1f, true);
        c.line("training 5 %", x, p05, grey, 1.5f, false);
        c.line("training 95 %", x, p95, grey, 1.5f, false);
        c.line("training max", x, max, light, 1f, true);
        Color[] cols = {new Color(200, 30, 30), new Color(30, 90, 200), new Color(20, 140, 60), new Color(160, 60, 170)};
        int k = 0;
        for (Map.Entry<String, double[]> e : measured.entrySet()) {
            c.line(e.getKey(), x, e.getValue(), cols[k++ % cols.length], 2.2f, false);
        }
        return c;
    }

    String caption() {
        return "The measured spectra as the models see them (normalised, aligned, on the models' " + xName + " grid) over the "
                + "training spectra: grey the 5th and 95th percentile at each point, dashed the minimum and maximum.";
    }
}
