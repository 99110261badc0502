package org.xasdaml.curation.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.xasdaml.curation.Standardizer;
import org.xasdaml.curation.analysis.KMeans;
import org.xasdaml.curation.analysis.PrincipalComponents;

/**
 * Times PCA, K-means and standardisation at the reference's dataset size (5000 spectra x 1000
 * grid points, synthetic μ(E) with four families). Usage: {@code AnalysisBench [samples] [points]}.
 */
public final class AnalysisBench {
    private AnalysisBench() {
    }

    /** CPU time of the calling thread (the kernels are single-threaded), robust on a busy shared machine. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        SplittableRandom rnd = new SplittableRandom(1);
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            int family = i % 4;
            double r = 2.4 + 0.1 * family + 0.02 * rnd.nextGaussian();
            for (int j = 0; j < m; j++) {
                double e = j * 210.0 / m - 10;
                double k = e > 0 ? Math.sqrt(0.2625 * e) : 0;
                x[i][j] = 1 / (1 + Math.exp(-e)) * (1 + 0.1 * Math.sin(2 * r * k) * Math.exp(-0.02 * k * k))
                        + 0.002 * rnd.nextGaussian();
            }
        }
        System.out.printf(Locale.ROOT, "AnalysisBench: %d x %d, %d cores, Java %s%n", n, m,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long t = cpu();
        PrincipalComponents p = PrincipalComponents.fit(x, 10);
        System.out.printf(Locale.ROOT, "  PCA (10 components): %.2f s CPU; PC1..3 ratio %.4f %.4f %.4f%n", (cpu() - t) / 1e9,
                p.explainedVarianceRatio()[0], p.explainedVarianceRatio()[1], p.explainedVarianceRatio()[2]);
        t = cpu();
        Standardizer s = Standardizer.fit(x, Standardizer.Options.zscore());
        s.apply(x);
        System.out.printf(Locale.ROOT, "  z-score fit + apply: %.2f s CPU%n", (cpu() - t) / 1e9);
        for (int k : new int[] {4, 12}) {
            t = cpu();
            KMeans km = KMeans.fit(x, k, 42);
            System.out.printf(Locale.ROOT, "  K-means k = %d, n_init 10 (one thread): %.2f s CPU, inertia %.6g, %d iterations%n", k,
                    (cpu() - t) / 1e9, km.inertia(), km.iterations());
        }
    }
}
