package org.xasdaml.model.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.model.BlasThreads;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.ModelTraining;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.Task;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;

/**
 * Prints the training time and test scores of each model family on this machine, with the
 * reference's architectures and early stopping (patience 20).
 *
 * <p>Without arguments: synthetic spectra of the demo's size (1000 samples, 7:2:1, 201 k points).
 * With data: {@code --spectra mu.npz --labels descriptors.csv [--split split.csv] [--targets
 * CN_JmolNN,CR_JmolNN] [--kinds mlp,cnn,rf] [--epochs 100] [--threads 1] [--samples 1000]
 * [--hidden 512,256,128,64,32] [--channels 32,64,128] [--dense 128,64]}; without
 * a split, a seeded 7:2:1 split is drawn. Spectra tables are read as stored by the workflow
 * (.npz or .csv). With {@code --structures cu.dump --labels descriptors.csv} the spectra are
 * {@link org.xasdaml.model.SingleScatteringChi} stand-ins computed from the real structures.
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "100"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        List<String> kinds = List.of(a.getOrDefault("kinds", "mlp,cnn,rf").split(","));
        List<String> targets = List.of(a.getOrDefault("targets", SyntheticSpectra.CN + "," + SyntheticSpectra.CR).split(","));
        System.out.println("native threads: " + BlasThreads.set(threads) + "; processors "
                + Runtime.getRuntime().availableProcessors());
        SampleTable spectra;
        SampleTable labels;
        SampleTable split;
        if (a.containsKey("structures")) {
            org.xasdaml.structure.ReadStructuresStep rs = new org.xasdaml.structure.ReadStructuresStep();
            org.xasdaml.structure.StructureSet set = org.xasdaml.structure.ReadStructuresStep.read(Path.of(a.get("structures")),
                    rs.defaults());
            spectra = org.xasdaml.model.SingleScatteringChi.copper().table(set);
            labels = read(Path.of(a.get("labels")));
            split = SyntheticSpectra.split(spectra.ids(), 0.7, 0.2, SyntheticSpectra.DEFAULT_SEED);
            System.out.println("spectra: single-scattering stand-in (SingleScatteringChi.copper), not FEFF");
        } else if (a.containsKey("spectra")) {
            spectra = read(Path.of(a.get("spectra")));
            labels = read(Path.of(a.get("labels")));
            split = a.containsKey("split") ? read(Path.of(a.get("split")))
                    : SyntheticSpectra.split(spectra.ids(), 0.7, 0.2, SyntheticSpectra.DEFAULT_SEED);
        } else {
            SyntheticSpectra.Dataset d = SyntheticSpectra.of(Integer.parseInt(a.getOrDefault("samples", "1000")),
                    SyntheticSpectra.DEFAULT_SEED).generate();
            spectra = d.spectra();
            labels = d.labels();
            split = d.split();
        }
        System.out.printf(Locale.ROOT, "data: %d samples x %d features (%s)%n", spectra.rows(), spectra.numericColumns(),
                spectra.axis() == null ? "no grid" : spectra.axis().toString());
        for (String k : kinds) {
            ModelKind kind = ModelKind.parse(k);
            for (String target : targets) {
                NetworkOptions no = NetworkOptions.defaults(1).withEpochs(epochs, 20);
                no = no.withLayers(sizes(a, "hidden", no.hidden()), sizes(a, "channels", no.channels()), sizes(a, "dense", no.dense()));
                long t0 = System.nanoTime();
                final int[] lastEpoch = {0};
                ModelTraining.Result r = ModelTraining.train(spectra, labels, split, null,
                        new ModelTraining.Spec(kind, Task.REGRESSION, List.of(target), no, ForestOptions.defaults(1), null,
                                threads, threads), (m, e, l) -> lastEpoch[0] = e, w -> System.out.println("warning: " + w));
                double s = (System.nanoTime() - t0) / 1e9;
                Map<?, ?> test = (Map<?, ?>) ((Map<?, ?>) r.archive().metrics().get("test")).get(target);
                System.out.printf(Locale.ROOT, "%-4s %-12s train %7.1f s  epochs %3d (%.2f s/epoch)  test R2 %.4f  MSE %.5f  MAE %.5f%n",
                        kind.id(), target, s, kind == ModelKind.RF ? 0 : lastEpoch[0],
                        kind == ModelKind.RF ? 0.0 : s / Math.max(1, lastEpoch[0]),
                        ((Number) test.get("R2")).doubleValue(), ((Number) test.get("MSE")).doubleValue(),
                        ((Number) test.get("MAE")).doubleValue());
            }
        }
    }

    private static List<Integer> sizes(Map<String, String> a, String key, List<Integer> dflt) {
        return a.containsKey(key) ? Arrays.stream(a.get(key).split(",")).map(String::strip).map(Integer::valueOf).toList() : dflt;
    }

    private static SampleTable read(Path file) throws java.io.IOException {
        String n = file.getFileName().toString();
        return n.endsWith(".npz") ? TableCodec.readNpz(file) : TableCodec.readCsv(file);
    }
}
