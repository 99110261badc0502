package org.xasdaml.feff.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;
import org.xasdaml.workflow.BasicContext;

/**
 * The program's own cost per sample around FEFF in shared-potential mode: CPU time of this JVM
 * (writing feff.inp, copying the shared potential files, starting the four per-sample FEFF
 * programs, reading and writing results) against the CPU time of the FEFF programs themselves,
 * and the wall time per sample, with the load average (on a shared machine wall time waits for a
 * core; CPU time does not).
 *
 * <p>Usage: {@code FeffOverheadBench [--dump FILE] [--frames 100] [--warm 40] [--scf-radius 3.0] [--work DIR]};
 * one worker. A small SCF radius keeps the one shared potential cheap; it does not change the
 * per-sample stages (rdinp, pathfinder, genfmt, ff2x). A warm-up batch of the first {@code warm}
 * samples (in WORK/warm) computes the shared potential and lets the JIT compile the program's own code
 * (class loading and compilation would otherwise be counted as per-sample cost); the timed batch (in
 * WORK/timed, with a copy of that shared potential) computes the first {@code frames} samples afresh,
 * so its figures are per-sample work only and it reads no earlier results. {@code xasdaml bench compare}
 * (section feff) runs the same measurement beside Larch's FeffRunner.
  */
public final class FeffOverheadBench {
    private FeffOverheadBench() {
    }

    /**
     * Figures of one measurement, per computed sample.
     *
     * @param samples      samples computed in the timed batch
     * @param warm         samples of the warm-up batch
     * @param feffCpu      CPU seconds of the FEFF programs (children of this JVM)
     * @param jvmCpu       CPU seconds of this JVM, all threads
     * @param wall         wall seconds
     * @param threads      CPU seconds per thread name (the batch's ended workers under one name), largest first
     * @param loadBefore   load average before the timed batch
     * @param loadAfter    load average after it
     * @param launch       how the JVM starts processes ({@code jdk.lang.Process.launchMechanism}, or the default)
     * @param workDir      the timed batch's work folder (sample folders keep feff.inp; shared/ holds the potential)
     */
    public record Overhead(int samples, int warm, double feffCpu, double jvmCpu, double wall, Map<String, Double> threads,
                           double loadBefore, double loadAfter, String launch, Path workDir) {
        /** This program's CPU as a percentage of the FEFF programs'. */
        public double share() {
            return 100 * jvmCpu / feffCpu;
        }
    }

    public static void main(String[] args) throws Exception {
        FeffProgram.preferVforkLaunch();
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dump = Path.of(a.getOrDefault("dump", "data/cu-md-public.dump"));
        int frames = Integer.parseInt(a.getOrDefault("frames", "100"));
        int warm = Integer.parseInt(a.getOrDefault("warm", "40"));
        Path work = Path.of(a.getOrDefault("work", "target/feff-overhead"));
        double scfRadius = Double.parseDouble(a.getOrDefault("scf-radius", "3.0"));
        Overhead o = measure(dump, frames, warm, scfRadius, work);
        System.out.printf(Locale.ROOT, "FEFF overhead, shared-potential mode: %d samples computed after %d warm-up samples, 1 worker, "
                + "process launch %s, load average %.1f -> %.1f%n", o.samples(), o.warm(), o.launch(), o.loadBefore(), o.loadAfter());
        System.out.printf(Locale.ROOT, "  per sample: FEFF programs CPU %.3f s, this program's CPU %.3f s (%.1f %% of FEFF's), "
                + "wall %.3f s%n", o.feffCpu(), o.jvmCpu(), o.share(), o.wall());
        o.threads().entrySet().stream().limit(6)
                .forEach(e -> System.out.printf(Locale.ROOT, "  thread %-30s %.4f s per sample%n", e.getKey(), e.getValue()));
    }

    /**
     * Runs the warm-up batch (the shared potential and the first {@code warm} samples, in WORK/warm) and then
     * the timed batch of the first {@code frames} samples with a copy of that potential (in WORK/timed), one
     * worker each.
     *
     * @param dump      a LAMMPS dump (absorber: atom 0 of each frame)
     * @param frames    samples of the timed batch
     * @param warm      samples of the warm-up batch (at least 1)
     * @param scfRadius SCF radius of the shared potential (Å)
     * @param work      the work folder (its warm and timed folders are emptied first)
     */
    public static Overhead measure(Path dump, int frames, int warm, double scfRadius, Path work) throws Exception {
        int w = Math.max(1, warm);
        List<Sample> samples = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0",
                Math.max(frames, w), "", List.of(), false)).sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards d = FeffCards.defaults();
        FeffCards cards = new FeffCards(d.edge(), d.s02(), d.kmax(), d.rpath(), d.nlegs(), d.critCurved(), d.critPlane(),
                new FeffCards.Scf(scfRadius, 0, 30, 0.1, 1), d.exchange(), d.vr(), d.vi(), d.debye());
        FeffBatch.Settings s = new FeffBatch.Settings(cards, 20, FeffMode.SHARED_POTENTIAL, 0, 3600, false);
        Path warmDir = work.resolve("warm");
        Path timedDir = work.resolve("timed");
        delete(warmDir);
        delete(timedDir);
        BasicContext ctx = new BasicContext(1, warmDir, (f, m) -> { }, m -> { });
        // the shared potential (SCF) and the warm-up samples: not part of the per-sample figures
        FeffBatch.Outcome warmed = FeffBatch.run(samples.subList(0, Math.min(w, samples.size())), s, feff, warmDir, ctx);
        copyTree(warmDir.resolve("shared"), timedDir.resolve("shared")); // the same representative: found finished
        List<Sample> timed = samples.subList(0, Math.min(frames, samples.size()));
        BasicContext tctx = new BasicContext(1, timedDir, (f, m) -> { }, m -> { });
        double load0 = load();
        Map<String, Double> threads0 = threadCpuSeconds();
        long t0 = System.nanoTime();
        double child0 = FeffBench.childCpuSeconds();
        double jvm0 = jvmCpuSeconds();
        FeffBatch.Outcome o = FeffBatch.run(timed, s, feff, timedDir, tctx);
        double wall = (System.nanoTime() - t0) / 1e9;
        double child = FeffBench.childCpuSeconds() - child0;
        double jvm = jvmCpuSeconds() - jvm0;
        Map<String, Double> threads1 = threadCpuSeconds();
        if (!tctx.failures().isEmpty() || o.computed() != timed.size()) {
            throw new IllegalStateException("the timed batch computed " + o.computed() + " of " + timed.size() + " samples: "
                    + tctx.failures());
        }
        int n = o.computed();
        // where this program's CPU went, per thread name (Linux /proc/self/task)
        Map<String, Double> delta = new HashMap<>();
        threads1.forEach((k, v) -> delta.merge(k.replaceAll("#\\d+$", ""), (v - threads0.getOrDefault(k, 0.0)) / n, Double::sum));
        // the batch's worker threads have ended by now (their pool is closed): what the live threads do not account for
        double live = delta.values().stream().mapToDouble(Double::doubleValue).sum();
        delta.put("(ended: the batch's workers)", jvm / n - live);
        Map<String, Double> sorted = new LinkedHashMap<>();
        delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Overhead(n, warmed.computed() + warmed.reused(), child / n, jvm / n, wall / n, sorted, load0, load(),
                System.getProperty("jdk.lang.Process.launchMechanism", "default (posix_spawn)"), timedDir);
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(t);
                } else {
                    java.nio.file.Files.copy(p, t);
                }
            }
        }
    }

    /** CPU time of this JVM's own threads (user + system), without its finished children. */
    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU seconds (user + system) of each live thread of this process, keyed "name#tid" (Linux). */
    static Map<String, Double> threadCpuSeconds() {
        Map<String, Double> m = new HashMap<>();
        try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(name + "#" + t.getFileName(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return m;
        }
        return m;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
