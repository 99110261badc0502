package org.xasdaml.xafs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.xasdaml.xafs.AutobkBackground;
import org.xasdaml.xafs.CauchyWavelet;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.XafsFourierTransform;
import org.xasdaml.xafs.io.XdiReader;

/**
 * Prints milliseconds per spectrum for xftf, cauchy_wavelet (full and the lean subsampled
 * magnitude), pre_edge and autobk on one measured Cu foil spectrum, single-threaded, after a
 * warm-up; thread CPU time is reported next to wall time so a busy machine does not inflate it. Not a JMH benchmark: the numbers are indicative (no forking, no blackhole beyond a
 * checksum), good enough to see whether 5000 spectra take seconds or hours.
 *
 * <p>Usage: {@code java -cp ... org.xasdaml.xafs.bench.XafsBench [cu_metal_rt.xdi] [iterations]};
 * the default file is Debian's python-xraylarch-doc example.
 */
public final class XafsBench {

    private static final String DEFAULT =
            "/usr/share/doc/python-xraylarch-doc/examples/xafsdata/cu_metal_rt.xdi";

    private XafsBench() {
    }

    /**
     * @param args optional XDI file and iteration count
     * @throws Exception if the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : DEFAULT);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        if (!Files.exists(file)) {
            System.err.println("no such file: " + file);
            System.exit(2);
        }
        MuSpectrum mu = XdiReader.read(file).muSpectrum();
        AutobkBackground.Options bkOpts = AutobkBackground.Options.of(1.0, 0, null, 2, 0.1);
        ChiSpectrum chi = AutobkBackground.autobk(mu, bkOpts).chi();
        XafsFourierTransform.ForwardOptions ft = XafsFourierTransform.ForwardOptions.of(2, 16, 2, 1,
                FourierWindow.Shape.HANNING);
        CauchyWavelet.Options wt = CauchyWavelet.Options.xasdaml();

        System.out.printf(Locale.ROOT, "spectrum: %s (%d energies), chi: %d k points; %d iterations; Java %s%n",
                file.getFileName(), mu.size(), chi.size(), iterations, System.getProperty("java.version"));
        time("pre_edge", iterations, () -> EdgeNormalization.preEdge(mu).edgeStep());
        time("autobk", iterations, () -> AutobkBackground.autobk(mu, bkOpts).edgeStep());
        time("xftf", iterations, () -> XafsFourierTransform.xftf(chi, ft).re()[10]);
        time("cauchy_wavelet full", Math.max(1, iterations / 4),
                () -> CauchyWavelet.transform(chi, wt).re(100, 100));
        time("cauchy_wavelet |W| 131x200 float", Math.max(1, iterations / 4),
                () -> (double) CauchyWavelet.magnitudeSubsampled(chi, wt, 1, 2, 2).at(50, 50));
    }

    private static void time(String name, int n, Supplier<Double> task) {
        double sink = 0;
        for (int i = 0; i < Math.max(5, n / 5); i++) {
            sink += task.get();
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += task.get();
        }
        double wall = (System.nanoTime() - t0) / 1e6 / n;
        double ms = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n;
        System.out.printf(Locale.ROOT, "%-34s %9.3f ms CPU/spectrum (wall %8.3f)  5000 spectra, 1 thread: %6.1f s  [checksum %.3g]%n",
                name, ms, wall, ms * 5000 / 1000, sink);
    }
}
