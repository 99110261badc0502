package org.xasdaml.model.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.model.BlasThreads;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.ModelTraining;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.NetworkTrainer;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.Task;

/**
 * Prints the training time of each model family on this machine, on synthetic spectra of the
 * demo's size (1000 samples, 7:2:1, so 700 for training; 201 k points), with the reference's
 * architectures. Usage: {@code TrainingBench [samples] [maxEpochs] [threads] [kinds, e.g. mlp,cnn,rf]}.
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : BlasThreads.defaultThreads();
        String kinds = args.length > 3 ? args[3] : "mlp,cnn,rf";
        System.out.println("native threads: " + BlasThreads.set(threads) + ", processors " + Runtime.getRuntime().availableProcessors());
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(samples, SyntheticSpectra.DEFAULT_SEED).generate();
        System.out.printf(Locale.ROOT, "data: %d samples x %d points%n", d.spectra().rows(), d.spectra().numericColumns());
        for (String k : kinds.split(",")) {
            ModelKind kind = ModelKind.parse(k);
            for (String target : List.of(SyntheticSpectra.CN, SyntheticSpectra.CR)) {
                NetworkOptions no = NetworkOptions.defaults(1).withEpochs(epochs, 20);
                long t0 = System.nanoTime();
                final int[] lastEpoch = {0};
                ModelTraining.Result r = ModelTraining.train(d.spectra(), d.labels(), d.split(), null,
                        new ModelTraining.Spec(kind, Task.REGRESSION, List.of(target), no, ForestOptions.defaults(1), null,
                                threads, threads), (m, e, l) -> lastEpoch[0] = e, w -> System.out.println("warning: " + w));
                double s = (System.nanoTime() - t0) / 1e9;
                Map<?, ?> test = (Map<?, ?>) ((Map<?, ?>) r.archive().metrics().get("test")).get(target);
                System.out.printf(Locale.ROOT, "%-4s %-10s train %7.1f s  epochs %3d  (%.2f s/epoch)  test R2 %.4f  MSE %.5f  MAE %.5f%n",
                        kind.id(), target, s, kind == ModelKind.RF ? 0 : lastEpoch[0],
                        kind == ModelKind.RF ? 0.0 : s / Math.max(1, lastEpoch[0]),
                        ((Number) test.get("R2")).doubleValue(), ((Number) test.get("MSE")).doubleValue(),
                        ((Number) test.get("MAE")).doubleValue());
            }
        }
    }
}
