package org.xasdaml.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.ModelTraining;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.NetworkTrainer;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.Task;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;

/**
 * A measured Cu foil spectrum (Larch's examples/xafsdata/cu_metal_rt.xdi, Cu K edge) given to a
 * model trained on μ(E) on an energy grid: normalised, aligned, interpolated, predicted; and
 * refused when it does not cover the model's grid.
 */
class PredictMeasuredTest {

    /** Synthetic normalised μ(E): a smooth unit edge at e0 plus the synthetic χ(k) above it. */
    static SampleTable muTable(SyntheticSpectra.Dataset d, double e0, double[] energy) {
        double[] k = d.spectra().axis().values();
        double[][] out = new double[d.spectra().rows()][energy.length];
        for (int s = 0; s < out.length; s++) {
            double[] k2chi = d.spectra().row(s);
            for (int i = 0; i < energy.length; i++) {
                double de = energy[i] - e0;
                double mu = 1 / (1 + Math.exp(-de / 1.5));
                double kk = de > 0 ? Math.sqrt(0.262468 * de) : 0;
                if (kk >= k[0] && kk <= k[k.length - 1]) {
                    int j = (int) Math.min(k.length - 2, Math.floor((kk - k[0]) / (k[1] - k[0])));
                    double t = (kk - k[j]) / (k[j + 1] - k[j]);
                    mu += ((1 - t) * k2chi[j] + t * k2chi[j + 1]) / (kk * kk);
                }
                out[s][i] = mu;
            }
        }
        return SampleTable.spectra(d.spectra().ids(), "norm", new Axis("energy", "eV", energy), out);
    }

    @Test
    void measuredCuFoilIsNormalisedAlignedAndPredicted(@TempDir Path dir) throws Exception {
        double e0 = 8979.0;
        double[] energy = new double[160];
        for (int i = 0; i < energy.length; i++) {
            energy[i] = 8940 + 2.5 * i; // 8940 .. 9337.5 eV
        }
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(120, 21).generate();
        SampleTable mu = muTable(d, e0, energy);
        ModelArchive model = ModelTraining.train(mu, d.labels(), d.split(), null, new ModelTraining.Spec(ModelKind.RF,
                Task.REGRESSION, List.of(SyntheticSpectra.CN), NetworkOptions.defaults(1), ForestOptions.defaults(1).withTrees(20),
                null, 1, 1), NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
        Path xdi = dir.resolve("cu_metal_rt.xdi");
        try (var in = getClass().getResourceAsStream("cu_metal_rt.xdi")) {
            Files.copy(in, xdi);
        }
        PredictMeasuredStep step = new PredictMeasuredStep();
        BasicContext ctx = BasicContext.quiet(dir.resolve("work"));
        StepData out = step.run(StepData.empty().with(PredictMeasuredStep.MODEL, model),
                new PredictMeasuredStep.Options(List.of(xdi.toString()), List.of(), 0, 1, -1, -1, -1, true, e0, true), ctx);
        SampleTable spectra = out.get(PredictMeasuredStep.SPECTRA);
        assertEquals(1, spectra.rows());
        assertTrue(spectra.axis().sameGrid(model.inputGrid(), 1e-12));
        double[] row = spectra.row(0);
        assertTrue(Math.abs(row[0]) < 0.05, "pre-edge near 0 after normalisation: " + row[0]);
        double post = 0;
        for (int i = 100; i < 160; i++) {
            post += row[i] / 60;
        }
        assertEquals(1.0, post, 0.15, "post-edge near 1 after normalisation");
        SampleTable p = out.get(PredictMeasuredStep.PREDICTIONS);
        double cn = p.column(SyntheticSpectra.CN)[0];
        assertTrue(cn >= 3 && cn <= 12 && cn == Math.rint(cn), "rounded CN in the training range: " + cn);
        assertEquals("cu_metal_rt.xdi", p.text(0, "source"));

        // the training edges' median E0 (one outlier ignored) aligns exactly like the explicit option
        SampleTable edges = SampleTable.ofColumns(List.of(new org.xasdaml.structure.SampleId(0, 0),
                new org.xasdaml.structure.SampleId(1, 0), new org.xasdaml.structure.SampleId(2, 0)), List.of("e0"),
                new double[][] {{e0, 9100.0, e0}});
        StepData viaEdges = step.run(StepData.empty().with(PredictMeasuredStep.MODEL, model).with(PredictMeasuredStep.EDGES, edges),
                new PredictMeasuredStep.Options(List.of(xdi.toString()), List.of(), 0, 1, -1, -1, -1, true, 0.0, true), BasicContext.quiet(dir.resolve("w3")));
        assertArrayEquals(row, viaEdges.get(PredictMeasuredStep.SPECTRA).row(0), 0.0);

        // distance from the training spectra: over the training rows, the mean square z-score is the
        // fraction of columns the standardiser scales (columns without spread map to 0)
        org.xasdaml.curation.Standardizer z = org.xasdaml.curation.Standardizer.fit(mu.matrix(),
                org.xasdaml.curation.Standardizer.Options.zscore(), mu.axis(), mu.columnNames());
        double[] dist = PredictMeasuredStep.trainingDistance(mu, z);
        double meanSquare = 0;
        for (double x : dist) {
            meanSquare += x * x / dist.length;
        }
        // (a column with too little spread keeps scale 1 and only a rounding-size remainder)
        int varying = (int) java.util.Arrays.stream(z.scale()).filter(v -> v != 1.0).count();
        assertTrue(varying > 0);
        assertEquals((double) varying / mu.numericColumns(), meanSquare, 1e-6);

        // a model whose grid reaches beyond the measurement (up to 10.5 keV) refuses it
        double[] wide = new double[160];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = 8940 + 10 * i; // .. 10530 eV, the file stops at 10145.86 eV
        }
        ModelArchive wideModel = ModelTraining.train(muTable(d, e0, wide), d.labels(), d.split(), null,
                new ModelTraining.Spec(ModelKind.RF, Task.REGRESSION, List.of(SyntheticSpectra.CN), NetworkOptions.defaults(1),
                        ForestOptions.defaults(1).withTrees(5), null, 1, 1), NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
        BasicContext ctx2 = BasicContext.quiet(dir.resolve("work2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step.run(
                StepData.empty().with(PredictMeasuredStep.MODEL, wideModel),
                new PredictMeasuredStep.Options(List.of(xdi.toString()), List.of(), 0, 1, -1, -1, -1, true, e0, false), ctx2));
        assertTrue(e.getMessage().contains("no measured spectrum"), e.getMessage());
        assertTrue(ctx2.failures().get(0).message().contains("refusing"), ctx2.failures().toString());
        Map<?, ?> unused = model.metrics();
        assertTrue(unused.containsKey("test"));
    }
}
