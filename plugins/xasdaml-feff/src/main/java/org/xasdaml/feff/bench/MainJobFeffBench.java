package org.xasdaml.feff.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.EnvironmentPotentials;
import org.xasdaml.structure.Sample;
import org.xasdaml.workflow.BasicContext;

/**
 * The main job's FEFF stage in one mode, timed: its 500 cluster and 400 bulk frames (the two sets are
 * two sharing keys, so two batches do the same work as the merged stage), its cards (default: SCF 4 Å,
 * RPATH 5.5, NLEGS 4, CRITERIA 4 2.5) and 2 workers; prints wall time, CPU of the FEFF processes and
 * the representatives chosen per set.
 *
 * <p>Usage: {@code MainJobFeffBench [--mode environment|local-scf] [--local-scf-radius 3] [--local-scf-iterations N] [--local-scf-ca X] [--cluster-frames 500] [--bulk-frames 400]
 * [--work target/mainjob-feff] [--workers 2]} plus the card options of {@link FullScfReference}.
 */
public final class MainJobFeffBench {
    private MainJobFeffBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = FullScfReference.args(args);
        a.putIfAbsent("cluster-frames", "500");
        a.putIfAbsent("bulk-frames", "400");
        a.putIfAbsent("bulk-radius", "20");
        FeffCards cards = FullScfReference.mainJobCards(a);
        FeffMode mode = FeffMode.of(a.getOrDefault("mode", "environment"));
        int workers = Integer.parseInt(a.getOrDefault("workers", "2"));
        Path work = Path.of(a.getOrDefault("work", "target/mainjob-feff"));
        FeffProgram feff = FeffProgram.locate(null);
        System.out.println("main job's FEFF stage, mode " + mode.label() + ", cards: " + String.join("; ", cards.lines()));
        double cpuAll = 0;
        double wallAll = 0;
        for (FullScfReference.FrameSet set : FullScfReference.sets(a)) {
            List<Sample> samples = set.samples();
            BasicContext ctx = new BasicContext(workers, work.resolve(set.name()), (f, m) -> {
                if (m != null && m.contains("environment")) {
                    System.out.println("  " + m);
                }
            }, System.out::println);
            double cpu0 = FeffBench.childCpuSeconds();
            long t0 = System.nanoTime();
            FeffCards modeCards = mode == FeffMode.LOCAL_SCF ? FullScfReference.localScfCards(cards, a) : cards;
            FeffBatch.Outcome o = FeffBatch.run(samples, new FeffBatch.Settings(modeCards, set.clusterRadius(), mode, 0, 3600, false,
                    EnvironmentPotentials.Settings.defaults()), feff, ctx.workDir(), ctx);
            double cpu = FeffBench.childCpuSeconds() - cpu0;
            double wall = (System.nanoTime() - t0) / 1e9;
            cpuAll += cpu;
            wallAll += wall;
            long reps = o.choices().values().stream().map(c -> c.entry().id()).distinct().count();
            System.out.printf(Locale.ROOT, "%s: %d samples (%d computed, %d failed), %d sets of potentials, wall %.0f s, FEFF CPU %.0f s "
                    + "(%.2f s per sample)%n", set.name(), samples.size(), o.computed(), ctx.failures().size(), reps, wall, cpu,
                    cpu / Math.max(1, o.computed()));
        }
        System.out.printf(Locale.ROOT, "total: wall %.0f s, FEFF CPU %.0f s, load average now %.1f%n", wallAll, cpuAll,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
