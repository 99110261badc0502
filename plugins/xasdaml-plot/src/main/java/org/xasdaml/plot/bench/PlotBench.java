package org.xasdaml.plot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xasdaml.plot.Chart;
import org.xasdaml.workflow.Figure;

/**
 * Times plotting 1000 synthetic μ(E) spectra (1000 points each), one figure per spectrum with PNG
 * and SVG, on all cores; then one figure overlaying all 1000. The budget is 10 s for the
 * 1000 figures (the Python reference took about 10 minutes with matplotlib).
 *
 * <p>Usage: {@code java -cp ... org.xasdaml.plot.bench.PlotBench [spectra] [threads] [outDir]};
 * with an output folder the files are also written (to look at them and to count write time).
 */
public final class PlotBench {
    private PlotBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        int points = 1000;
        double[] e = new double[points];
        for (int i = 0; i < points; i++) {
            e[i] = 8969 + 210.0 * i / (points - 1);
        }
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] mu = new double[n][points];
        for (int s = 0; s < n; s++) {
            double e0 = 8979 + rnd.nextDouble(-2, 2);
            double amp = 0.05 + 0.05 * rnd.nextDouble();
            for (int i = 0; i < points; i++) {
                double x = e[i] - e0;
                double step = 1 / (1 + Math.exp(-x / 1.5));
                double k = x > 0 ? Math.sqrt(0.2625 * x) : 0;
                mu[s][i] = step * (1 + amp * Math.sin(2 * 2.5 * k) * Math.exp(-0.01 * k * k));
            }
        }
        // warm-up: a few figures so that fonts and JIT are loaded, as in a long-running tool
        for (int s = 0; s < 200; s++) {
            figure(e, mu[s % n], s);
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        List<Future<long[]>> fs = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            final int idx = s;
            fs.add(pool.submit(() -> {
                Figure f = figure(e, mu[idx], idx);
                if (out != null) {
                    write(out, f);
                }
                return new long[] {f.png().length, f.svg().length()};
            }));
        }
        long png = 0;
        long svg = 0;
        for (Future<long[]> f : fs) {
            long[] r = f.get();
            png += r[0];
            svg += r[1];
        }
        double perFigureSet = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        pool.shutdown();

        long t1 = System.nanoTime();
        Chart overlay = new Chart().title(n + " spectra").xLabel("Energy", "eV").yLabel("μ(E)", "").legend(false);
        for (int s = 0; s < n; s++) {
            overlay.line(null, e, mu[s]);
        }
        Figure all = overlay.render("overlay");
        double overlayTime = (System.nanoTime() - t1) / 1e9;
        if (out != null) {
            write(out, all);
        }
        System.out.printf(Locale.ROOT, "PlotBench: %d spectra x %d points, %d threads, %d cores, Java %s%n", n, points, threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  one figure per spectrum (PNG + SVG%s): %.2f s total, %.1f ms per figure; PNG %.1f kB, SVG %.1f kB on average%n",
                out != null ? ", written" : "", perFigureSet, perFigureSet * 1000 / n, png / 1024.0 / n, svg / 1024.0 / n);
        System.out.printf(Locale.ROOT, "  CPU time of the figures: %.2f s, i.e. %.2f s on %d idle cores (load average during the run: %.1f)%n",
                cpu, cpu / threads, threads, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  one overlay figure of all %d spectra (PNG + SVG): %.2f s; PNG %.1f kB, SVG %.1f MB%n", n,
                overlayTime, all.png().length / 1024.0, all.svg().length() / 1048576.0);
        double budget = 10 * n / 1000.0;
        System.out.printf(Locale.ROOT, "  budget 10 s per 1000 spectra: wall clock %s; CPU time / cores %s%n",
                perFigureSet <= budget ? "met" : "NOT met (machine busy?)", cpu / threads <= budget ? "met" : "NOT met");
    }

    /** CPU time of this process (all threads), so that a busy shared machine does not hide the cost. */
    private static long cpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Figure figure(double[] e, double[] mu, int s) {
        return new Chart().title("Sample " + s + ": μ(E)").xLabel("Energy", "eV").yLabel("μ(E)", "")
                .line("frame " + s, e, mu).render("sample_" + s + "_mu");
    }

    private static void write(Path out, Figure f) throws IOException {
        Files.write(out.resolve(f.name() + ".png"), f.png());
        Files.writeString(out.resolve(f.name() + ".svg"), f.svg());
    }
}
