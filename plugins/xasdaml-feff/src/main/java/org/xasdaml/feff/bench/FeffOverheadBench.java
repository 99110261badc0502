package org.xasdaml.feff.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
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
 * <p>Usage: {@code FeffOverheadBench [--dump FILE] [--frames 30] [--warm 10] [--scf-radius 3.0] [--work DIR]};
 * one worker. A small SCF radius keeps the one shared potential cheap; it does not change the
 * per-sample stages (rdinp, pathfinder, genfmt, ff2x). A first batch of the first {@code warm}
 * samples computes the shared potential and lets the JIT compile the program's own code (class
 * loading and compilation would otherwise be counted as per-sample cost); the second batch
 * reuses those samples and the potential, so its figures are per-sample work only.
 */
public final class FeffOverheadBench {
    private FeffOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dump = Path.of(a.getOrDefault("dump", "data/cu-md-public.dump"));
        int frames = Integer.parseInt(a.getOrDefault("frames", "30"));
        int warm = Integer.parseInt(a.getOrDefault("warm", "10"));
        Path work = Path.of(a.getOrDefault("work", "target/feff-overhead"));
        double scfRadius = Double.parseDouble(a.getOrDefault("scf-radius", "3.0"));
        List<Sample> samples = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", frames, "",
                List.of(), false)).sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards d = FeffCards.defaults();
        FeffCards cards = new FeffCards(d.edge(), d.s02(), d.kmax(), d.rpath(), d.nlegs(), d.critCurved(), d.critPlane(),
                new FeffCards.Scf(scfRadius, 0, 30, 0.1, 1), d.exchange(), d.vr(), d.vi(), d.debye());
        FeffBatch.Settings s = new FeffBatch.Settings(cards, 20, FeffMode.SHARED_POTENTIAL, 0, 3600, false);
        BasicContext ctx = new BasicContext(1, work, (f, m) -> { }, System.out::println);
        double load0 = load();
        // the shared potential (SCF) and the representative: not part of the per-sample figures
        FeffBatch.run(samples.subList(0, Math.min(warm, samples.size() - 1)), s, feff, ctx.workDir(), ctx);
        long t0 = System.nanoTime();
        double child0 = FeffBench.childCpuSeconds();
        double jvm0 = jvmCpuSeconds();
        Map<String, Double> threads0 = threadCpuSeconds();
        FeffBatch.Outcome o = FeffBatch.run(samples, s, feff, ctx.workDir(), ctx);
        double wall = (System.nanoTime() - t0) / 1e9;
        double child = FeffBench.childCpuSeconds() - child0;
        double jvm = jvmCpuSeconds() - jvm0;
        int n = o.computed();
        Map<String, Double> threads1 = threadCpuSeconds();
        System.out.printf(Locale.ROOT, "FEFF overhead, shared-potential mode: %d samples computed (%d reused), 1 worker, "
                + "load average %.1f -> %.1f%n", n, o.reused(), load0, load());
        System.out.printf(Locale.ROOT, "  per sample: FEFF programs CPU %.3f s, this program's CPU %.3f s (%.1f %% of FEFF's), "
                + "wall %.3f s%n", child / n, jvm / n, 100 * jvm / child, wall / n);
        // where this program's CPU went: per thread name (Linux /proc/self/task), the largest five
        Map<String, Double> delta = new HashMap<>();
        threads1.forEach((k, v) -> delta.merge(k.replaceAll("#\\d+$", ""), v - threads0.getOrDefault(k, 0.0), Double::sum));
        delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf(Locale.ROOT, "  thread %-28s %.3f s per sample%n", e.getKey(), e.getValue() / n));
        // of which: building feff.inp (cluster and text), done by the batch for every sample it is given
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        for (Sample sample : samples) {
            org.xasdaml.feff.FeffInput.of(sample, 20, s.effectiveCards());
        }
        double inputs = (mx.getCurrentThreadCpuTime() - c0) / 1e9 / samples.size();
        System.out.printf(Locale.ROOT, "  of which building one feff.inp (cluster of 20 Å and its text): %.3f s%n", inputs);
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
