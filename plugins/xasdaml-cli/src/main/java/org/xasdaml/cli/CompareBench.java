package org.xasdaml.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.xasdaml.curation.analysis.PrincipalComponents;
import org.xasdaml.descriptor.BoxConvention;
import org.xasdaml.descriptor.NeighborFinder;
import org.xasdaml.descriptor.Neighbors;
import org.xasdaml.descriptor.SiteEnvironment;
import org.xasdaml.feff.bench.FeffOverheadBench;
import org.xasdaml.model.BlasThreads;
import org.xasdaml.model.Forest;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.bench.EpochRunner;
import org.xasdaml.model.ForestTrainer;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadOptions;
import org.xasdaml.structure.StructureFormat;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;
import org.xasdaml.xafs.AutobkBackground;
import org.xasdaml.xafs.CauchyWavelet;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.XafsFourierTransform;
import org.xasdaml.xafs.io.XdiReader;

/**
 * The Java half of the comparison with the Python tools the reference ran (pymatgen, Larch,
 * scikit-learn): {@code xasdaml bench compare} times the same operations on the same inputs as
 * {@code bench/python/*.py} and prints one machine-readable line per operation,
 * <pre>
 *   compare java &lt;operation&gt; items=&lt;n&gt; unit=&lt;frame|spectrum|fit&gt; wall_ms=&lt;x&gt; cpu_ms=&lt;y&gt; proc_cpu_ms=&lt;z&gt; threads=1 repeats=&lt;r&gt; detail=&lt;d&gt;
 * </pre>
 * which {@code bench/compare-python.sh} joins with the Python lines (same format) into one table.
 * Python is never called from here.
 *
 * <p>Every operation runs on one worker thread (a one-thread fork-join pool, so Smile's parallel
 * tree growing also stays on one thread), after a warm-up; the figures are medians over the
 * timed repeats of the time per item. CPU time is the summed thread CPU time of the pool's
 * threads: on a machine loaded by other builds wall time grows with the load, CPU time much less.
 * proc_cpu_ms is the whole JVM's CPU time over all timed repeats per item (a mean: process time
 * comes in coarse ticks; garbage collector and JIT compiler threads included), the fair
 * counterpart of Python's process time when Java allocates a lot.
 * The options mirror the Python scripts' arguments: the same frames, the same Larch parameters,
 * the same feature matrix and forest hyperparameters.
 */
final class CompareBench {
    static final String DEFAULT_XDI = "/usr/share/doc/python-xraylarch-doc/examples/xafsdata/cu_metal_rt.xdi";
    static final Set<String> OPTIONS = Set.of("frames", "repeats", "dump", "xdi", "spectra", "labels", "target", "samples",
            "seed", "write-table", "only", "warm-up-seconds", "feff-samples", "feff-warm", "help");
    static final List<String> SECTIONS = List.of("descriptors", "xafs", "ml", "nn", "feff");

    private CompareBench() {
    }

    static int run(CommandLine cl, PrintStream out) throws Exception {
        if (cl.flag("help")) {
            out.println("usage: xasdaml bench compare [--frames 20] [--repeats 5] [--dump FILE] [--xdi FILE]");
            out.println("           [--spectra X.npz --labels Y.csv | --samples 1000 --seed 42] [--target CN_JmolNN]");
            out.println("           [--write-table DIR] [--only descriptors,xafs,ml,nn,feff] [--warm-up-seconds 2]");
            out.println("           [--feff-samples 40] [--feff-warm 30]");
            out.println();
            out.println(Main.wrap("Times, on one thread, what bench/python/*.py time with pymatgen, Larch and scikit-learn: the "
                    + "six neighbour finders on the first N frames (40 Å box, site 0), Larch's pre_edge, autobk, xftf and "
                    + "cauchy_wavelet on one XDI spectrum (repeats x 20 runs, wavelet repeats x 4), a random forest fit "
                    + "(150 trees, depth 15, sqrt features; leaves of at least 1 and of 5 samples) and PCA(2) on a spectra table, "
                    + "and one training epoch of the MLP and the CNN (batch 32) on it; and FEFF in shared-potential mode on "
                    + "the dump's first --feff-samples frames after a warm-up batch of --feff-warm (one worker): CPU per sample of the FEFF programs "
                    + "and of this program around them (bench/python/larch_feff.py runs the same samples through Larch's "
                    + "FeffRunner; the timed batch's folders go to DIR/feff/timed with --write-table). Without --spectra the table is "
                    + "seeded synthetic k²χ spectra (--samples, --seed); --write-table DIR stores it as DIR/spectra.npz "
                    + "and DIR/labels.csv for the Python side. Prints one 'compare java ...' line per operation (medians); "
                    + "bench/compare-python.sh makes the side-by-side table. Each operation is first run for --warm-up-seconds of CPU "
                    + "(default 2), so the JIT has compiled it.", 0));
            return 0;
        }
        for (String o : cl.options().keySet()) {
            if (!OPTIONS.contains(o)) {
                throw new UsageException("unknown option --" + o + " for 'bench compare'; see --help");
            }
        }
        if (cl.words().size() > 2) {
            throw new UsageException("unexpected argument(s) " + cl.words().subList(2, cl.words().size()) + "; see --help");
        }
        int frames = positive(cl, "frames", 20);
        int repeats = positive(cl, "repeats", 5);
        List<String> only = List.of(cl.options().getOrDefault("only", String.join(",", SECTIONS)).split(","));
        for (String s : only) {
            if (!SECTIONS.contains(s)) {
                throw new UsageException("--only takes " + String.join(",", SECTIONS) + ", got '" + s + "'");
            }
        }
        out.printf(Locale.ROOT, "# xasdaml bench compare: Java %s, %d processors, load average %.2f; one worker thread; "
                        + "medians of per-item times%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double warmUp = 2;
        if (cl.options().containsKey("warm-up-seconds")) {
            try {
                warmUp = Double.parseDouble(cl.options().get("warm-up-seconds"));
            } catch (NumberFormatException e) {
                warmUp = -1;
            }
            if (!(warmUp >= 0 && warmUp <= 600)) {
                throw new UsageException("--warm-up-seconds takes a number of seconds from 0 to 600, got '"
                        + cl.options().get("warm-up-seconds") + "'");
            }
        }
        OneThread pool = new OneThread((long) (warmUp * 1e9));
        try {
            if (only.contains("descriptors")) {
                Path dump = cl.options().containsKey("dump") ? Main.requireFile(cl.options().get("dump")) : Benchmarks.bundledCuDump();
                descriptors(dump, frames, repeats, pool, out);
            }
            if (only.contains("xafs")) {
                xafs(Main.requireFile(cl.options().getOrDefault("xdi", DEFAULT_XDI)), repeats, pool, out);
            }
            if (only.contains("ml") || only.contains("nn")) {
                Table t = table(cl, out);
                if (only.contains("ml")) {
                    ml(t, repeats, pool, out);
                }
                if (only.contains("nn")) {
                    nn(t, repeats, pool, out);
                }
            }
            if (only.contains("feff")) {
                Path dump = cl.options().containsKey("dump") ? Main.requireFile(cl.options().get("dump")) : Benchmarks.bundledCuDump();
                int warm = positive(cl, "feff-warm", 30);
                int timed = positive(cl, "feff-samples", 40);
                Path dir = cl.options().containsKey("write-table") ? Path.of(cl.options().get("write-table")).resolve("feff")
                        : Files.createTempDirectory("xasdaml-compare-feff");
                feff(dump, warm, timed, dir, out);
            }
        } finally {
            pool.shutdown();
        }
        return 0;
    }

    private static int positive(CommandLine cl, String name, int def) {
        String v = cl.options().get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number of at least 1, got '" + v + "'");
    }

    // ------------------------------------------------------------------ operations

    /** pymatgen_descriptors.py: the six finders' get_nn_info and CR of site 0, per frame. */
    private static void descriptors(Path dump, int n, int repeats, OneThread pool, PrintStream out) throws Exception {
        List<Frame> raw = StructureFormat.read(dump, StructureFormat.detect(dump), ReadOptions.DEFAULT).frames();
        if (raw.size() < n) {
            throw new UsageException(dump + " has " + raw.size() + " frames, fewer than --frames " + n);
        }
        List<Frame> frames = new ArrayList<>();
        for (Frame f : raw.subList(0, n)) {
            frames.add(BoxConvention.CLUSTER_IN_BOX.apply(f, 40.0));
        }
        List<NeighborFinder> finders = NeighborFinder.REFERENCE_METHODS.stream().map(NeighborFinder::named).toList();
        Timing t = pool.measure(1, repeats, n, () -> {
            double s = 0;
            for (Frame f : frames) {
                SiteEnvironment env = SiteEnvironment.of(f, 0);
                for (NeighborFinder nf : finders) {
                    Neighbors nb = nf.find(env);
                    s += nb.cn() + nb.cr(env);
                }
            }
            return s;
        });
        print(out, "descriptors_six_methods", n, "frame", t, repeats, dump.getFileName() + ",site0,box40");
    }

    /** larch_xafs.py: pre_edge, autobk (rbkg 1, kweight 2), xftf (2-12, dk 1, kw 2, hanning), cauchy_wavelet (kw 2, rmax 8). */
    private static void xafs(Path xdi, int repeats, OneThread pool, PrintStream out) throws Exception {
        XdiReader.XdiFile file = XdiReader.read(xdi);
        double[] e = file.column("energy");
        double[] i0 = file.column("i0");
        double[] it = file.column("itrans");
        double[] m = new double[e.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.log(i0[i] / it[i]); // as the Python side computes it
        }
        MuSpectrum mu = new MuSpectrum(e, m);
        EdgeNormalization.Result pre = EdgeNormalization.preEdge(mu);
        // Larch's autobk takes e0 and the edge step from the group pre_edge filled in
        AutobkBackground.Options bk = new AutobkBackground.Options(1.0, null, pre.e0(), pre.edgeStep(), 0, null, 2, 0.1,
                FourierWindow.Shape.HANNING, 2048, 0.05, 3, 0, 1, EdgeNormalization.Options.defaults());
        ChiSpectrum chi = AutobkBackground.autobk(mu, bk).chi();
        XafsFourierTransform.ForwardOptions ft = XafsFourierTransform.ForwardOptions.of(2, 12, 2, 1, FourierWindow.Shape.HANNING);
        ChiSpectrum uniform = onGrid(chi, 0, 20, 0.05);
        CauchyWavelet.Options wt = new CauchyWavelet.Options(2, 8, 2048);
        int n = 20 * repeats;
        String detail = xdi.getFileName().toString();
        print(out, "larch_pre_edge", 1, "spectrum", pool.measure(Math.max(5, n / 5), n, 1,
                () -> EdgeNormalization.preEdge(mu).edgeStep()), n, detail);
        print(out, "larch_autobk", 1, "spectrum", pool.measure(Math.max(5, n / 5), n, 1,
                () -> AutobkBackground.autobk(mu, bk).chi().chi()[100]), n, detail + ",rbkg1,kw2");
        print(out, "larch_xftf", 1, "spectrum", pool.measure(Math.max(5, n / 5), n, 1,
                () -> XafsFourierTransform.xftf(chi, ft).re()[10]), n, detail + ",k2-12,dk1,kw2,hanning");
        int nw = 4 * repeats;
        print(out, "larch_cauchy_wavelet", 1, "spectrum", pool.measure(Math.max(3, nw / 4), nw, 1,
                () -> CauchyWavelet.transform(uniform, wt).re(100, 100)), nw, detail + ",k0-20,kw2,rmax8");
    }

    /** np.interp of χ onto kmin..kmax (ends held constant, as NumPy does). */
    static ChiSpectrum onGrid(ChiSpectrum chi, double kmin, double kmax, double kstep) {
        int n = (int) Math.round((kmax - kmin) / kstep) + 1;
        double[] k = chi.k();
        double[] c = chi.chi();
        double[] kk = new double[n];
        double[] cc = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            double x = kmin + i * kstep;
            kk[i] = x;
            if (x <= k[0]) {
                cc[i] = c[0];
            } else if (x >= k[k.length - 1]) {
                cc[i] = c[k.length - 1];
            } else {
                while (k[j + 1] < x) {
                    j++;
                }
                cc[i] = c[j] + (c[j + 1] - c[j]) * (x - k[j]) / (k[j + 1] - k[j]);
            }
        }
        return new ChiSpectrum(kk, cc);
    }

    /** The feature matrix both sides fit: rows of the spectra table that have a label, and the label. */
    record Table(double[][] x, double[] y) {
    }

    private static Table table(CommandLine cl, PrintStream out) throws Exception {
        String target = cl.options().getOrDefault("target", SyntheticSpectra.CN);
        SampleTable spectra;
        SampleTable labels;
        if (cl.options().containsKey("spectra")) {
            Path sp = Main.requireFile(cl.options().get("spectra"));
            if (!cl.options().containsKey("labels")) {
                throw new UsageException("--spectra needs --labels (a table with the column " + target + ")");
            }
            Path lb = Main.requireFile(cl.options().get("labels"));
            spectra = sp.toString().endsWith(".npz") ? TableCodec.readNpz(sp) : TableCodec.readCsv(sp);
            labels = lb.toString().endsWith(".npz") ? TableCodec.readNpz(lb) : TableCodec.readCsv(lb);
        } else {
            int samples = positive(cl, "samples", 1000);
            long seed = cl.options().containsKey("seed") ? Long.parseLong(cl.options().get("seed")) : SyntheticSpectra.DEFAULT_SEED;
            SyntheticSpectra.Dataset d = SyntheticSpectra.of(samples, seed).generate();
            spectra = d.spectra();
            labels = d.labels();
        }
        if (!labels.hasColumn(target)) {
            throw new UsageException("the labels have no column " + target + " (columns: " + labels.columnNames() + ")");
        }
        if (cl.options().containsKey("write-table")) {
            Path dir = Path.of(cl.options().get("write-table"));
            Files.createDirectories(dir);
            TableCodec.writeNpz(spectra, dir.resolve("spectra.npz"));
            TableCodec.writeCsv(labels.selectColumns(List.of(target)), dir.resolve("labels.csv"));
            out.println("# table written: " + dir.resolve("spectra.npz") + " " + dir.resolve("labels.csv"));
        }
        // the rows of the spectra table that have a label, in the spectra table's order (as the Python side)
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < spectra.rows(); r++) {
            if (labels.rowOf(spectra.ids().get(r)) >= 0) {
                keep.add(r);
            }
        }
        if (keep.size() < 2) {
            throw new UsageException("fewer than 2 samples of the spectra table have a " + target + " label");
        }
        double[][] x = new double[keep.size()][];
        double[] y = new double[keep.size()];
        double[] lab = labels.column(target);
        for (int i = 0; i < x.length; i++) {
            x[i] = spectra.row(keep.get(i));
            y[i] = lab[labels.rowOf(spectra.ids().get(keep.get(i)))];
        }
        return new Table(x, y);
    }

    /**
     * sklearn_models.py: RandomForestRegressor(150 trees, depth 15, sqrt features, bootstrap) fits with
     * smallest leaves of 1 and 5 samples, and PCA(2) fits, on one table. The detail also gives the
     * R² on the last fifth of the rows of a forest fitted on the first four fifths (same accuracy?).
     */
    private static void ml(Table table, int repeats, OneThread pool, PrintStream out) throws Exception {
        double[][] x = table.x();
        double[] y = table.y();
        int cut = x.length * 4 / 5;
        String shape = x.length + "x" + x[0].length;
        // Smile's node size is the smallest child a split may leave, scikit-learn's min_samples_leaf:
        // 1 is the reference's setting (scikit-learn's default), 5 the project's default
        for (int leaf : new int[] {1, 5}) {
            ForestOptions fo = ForestOptions.defaults(42).with(150, 15, 0, leaf);
            Forest held = ForestTrainer.regression(Arrays.copyOf(x, cut), Arrays.copyOf(y, cut), fo);
            double r2 = r2(held, Arrays.copyOfRange(x, cut, x.length), Arrays.copyOfRange(y, cut, y.length));
            print(out, "random_forest_fit_leaf" + leaf, 1, "fit", pool.measure(1, repeats, 1,
                    () -> ForestTrainer.regression(x, y, fo).trees().size()), repeats,
                    shape + ",150trees,depth15,sqrt,bootstrap,min_leaf" + leaf
                            + String.format(Locale.ROOT, ",holdout_r2=%.4f", r2));
        }
        int np = 4 * repeats;
        print(out, "pca2_fit", 1, "fit", pool.measure(2, np, 1,
                () -> PrincipalComponents.fit(x, 2).explainedVariance()[0]), np, shape);
    }

    /** R² of a forest on held-out rows, by the evaluation module's metrics (scikit-learn's r2_score). */
    private static double r2(Forest f, double[][] x, double[] y) {
        double[] p = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            p[i] = f.predict(x[i])[0];
        }
        return org.xasdaml.evaluation.RegressionMetrics.of(y, p).r2();
    }

    /**
     * torch_networks.py: one training epoch (shuffle, minibatches of 32, Adam) of the project's MLP and
     * CNN (NetworkTrainer.build with the defaults), Deeplearning4j's native threads set to 1.
     */
    private static void nn(Table table, int repeats, OneThread pool, PrintStream out) throws Exception {
        BlasThreads.set(1);
        String shape = table.x().length + "x" + table.x()[0].length;
        for (ModelKind kind : List.of(ModelKind.MLP, ModelKind.CNN)) {
            EpochRunner runner = new EpochRunner(kind, table.x(), table.y(), NetworkOptions.defaults(42));
            print(out, kind.name().toLowerCase(Locale.ROOT) + "_train_epoch", 1, "epoch", pool.measure(1, repeats, 1,
                    runner::epoch), repeats, shape + ",batch32,adam," + runner.describe());
        }
    }

    /**
     * larch_feff.py: shared-potential FEFF (rdinp, pathfinder, genfmt, ff2x per sample, SCF radius 3 Å) with one
     * worker, as {@link FeffOverheadBench#measure}: two lines, the FEFF programs' CPU per sample (the same work on
     * both sides) and this program's own CPU per sample around them (starting the programs, files, reading
     * xmu.dat and chi.dat, writing the result). Not through the one-thread pool: the batch has its own worker.
     */
    private static void feff(Path dump, int warm, int timed, Path dir, PrintStream out) throws Exception {
        FeffOverheadBench.Overhead o = FeffOverheadBench.measure(dump, timed, warm, 3.0, dir);
        String detail = String.format(Locale.ROOT, "%s,shared-potential,scf3A,warm%d,launch=%s,load=%.1f-%.1f", dump.getFileName(),
                o.warm(), o.launch(), o.loadBefore(), o.loadAfter());
        Timing programs = new Timing(o.wall() * 1e3, o.feffCpu() * 1e3, o.feffCpu() * 1e3, 1);
        Timing own = new Timing(o.wall() * 1e3, o.jvmCpu() * 1e3, o.jvmCpu() * 1e3, 1);
        print(out, "feff_programs", 1, "sample", programs, o.samples(), detail);
        print(out, "feff_own_overhead", 1, "sample", own, o.samples(), detail + String.format(Locale.ROOT, ",share=%.1f%%_of_FEFF_CPU",
                o.share()));
        out.println("# feff: this program's CPU per sample by thread: " + o.threads().entrySet().stream().limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue() * 1e3)).toList());
    }

    private static void print(PrintStream out, String op, int items, String unit, Timing t, int repeats, String detail) {
        out.printf(Locale.ROOT, "compare java %s items=%d unit=%s wall_ms=%.4f cpu_ms=%.4f proc_cpu_ms=%.4f threads=%d repeats=%d "
                + "detail=%s%n", op, items, unit, t.wallMs(), t.cpuMs(), t.processCpuMs(), t.threads(), repeats,
                detail.replace(' ', '_'));
    }

    // ------------------------------------------------------------------ timing

    /**
     * Milliseconds per item: median wall and median CPU of the worker thread(s); the whole JVM's CPU
     * (adding the garbage collector's and the JIT compiler's threads) as the mean over all timed
     * repeats, as the operating system counts process time in coarse ticks; and how many worker
     * threads existed.
     */
    record Timing(double wallMs, double cpuMs, double processCpuMs, int threads) {
    }

    @FunctionalInterface
    interface Work {
        double run() throws Exception;
    }

    /**
     * A fork-join pool of parallelism 1 that remembers its threads, so the CPU time of work
     * that forks (Smile grows trees on the current pool) is still counted in full.
     */
    static final class OneThread {
        /**
         * Warm-up: the given number of calls, then more until the worker has spent
         * {@code --warm-up-seconds} of CPU (2 s; at most 20 000 calls). Measured (xftf on one
         * spectrum): 130–200 µs per call over the first 4000 calls, while the JIT compiles, then
         * 14 µs; a run over thousands of spectra spends nearly all its time in compiled code, which
         * is what the comparison is about.
         */
        static final int WARM_UP_MAX_CALLS = 20_000;
        private final long warmUpCpuNanos;

        OneThread(long warmUpCpuNanos) {
            this.warmUpCpuNanos = warmUpCpuNanos;
        }

        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final ForkJoinPool pool = new ForkJoinPool(1, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            threads.add(t);
            return t;
        }, null, false);
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

        long cpuNanos() {
            long s = 0;
            for (Thread t : threads) {
                long c = mx.getThreadCpuTime(t.getId());
                if (c > 0) {
                    s += c;
                }
            }
            return s;
        }

        static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }

        Timing measure(int warmups, int repeats, int items, Work work) throws Exception {
            try {
                return pool.submit(() -> {
                    double sink = 0;
                    long w0 = cpuNanos();
                    for (int i = 0; i < warmups || (cpuNanos() - w0 < warmUpCpuNanos && i < WARM_UP_MAX_CALLS); i++) {
                        sink += work.run();
                    }
                    double[] wall = new double[repeats];
                    double[] cpu = new double[repeats];
                    long p0 = processCpuNanos();
                    for (int i = 0; i < repeats; i++) {
                        long c0 = cpuNanos();
                        long t0 = System.nanoTime();
                        sink += work.run();
                        wall[i] = (System.nanoTime() - t0) / 1e6 / items;
                        cpu[i] = (cpuNanos() - c0) / 1e6 / items;
                    }
                    double proc = (processCpuNanos() - p0) / 1e6 / items / repeats;
                    if (sink == 0.123456789) {
                        System.out.print("");
                    }
                    return new Timing(median(wall), median(cpu), proc, threads.size());
                }).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }

        void shutdown() {
            pool.shutdown();
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
