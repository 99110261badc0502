package org.xasdaml.feff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;
import org.xasdaml.workflow.BasicContext;

/**
 * The full-SCF reference of the potential benchmark (PotentialBench): Feff8L with the
 * production cards and self-consistent potentials for every frame, one frame at a time on one core,
 * frames of the two sets taken in turn (cluster 0, bulk 0, cluster 1, …) so that an interrupted run
 * still covers both sets. Each frame is a resumable one-sample batch under
 * {@code <work>/<set>/} with every FEFF file kept (its {@code phase.pad} is a representative
 * candidate for the environment mode), and appends one line to {@code <work>/reference.tsv} as soon
 * as it is finished: set, frame, CPU s of its FEFF processes, wall s, e0, then χ(k) on FEFF's
 * grid 0.05 … 20 Å⁻¹.
 *
 * <p>Usage: {@code FullScfReference [--clusters data/cu-md-public.dump] [--bulk ../shared/data/cu-bulk-md-public.dump]
 * [--cluster-frames 40] [--bulk-frames 20] [--bulk-radius 9] [--work target/potential-bench/full]
 * [--scf-radius 6.8] [--rpath 7]}. Run it
 * under {@code nice -n 10}, alone.
 */
public final class FullScfReference {
    private FullScfReference() {
    }

    /** One set of frames: name, samples, cluster radius (Å). */
    record FrameSet(String name, List<Sample> samples, double clusterRadius) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = args(args);
        List<FrameSet> sets = sets(a);
        Path work = Path.of(a.getOrDefault("work", "target/potential-bench/full"));
        Files.createDirectories(work);
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards cards = cards(a);
        System.out.println("full-SCF reference, cards: " + String.join("; ", cards.lines()));
        Path tsv = work.resolve("reference.tsv");
        int most = sets.stream().mapToInt(s -> s.samples().size()).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (FrameSet set : sets) {
                if (i >= set.samples().size()) {
                    continue;
                }
                Sample s = set.samples().get(i);
                BasicContext ctx = new BasicContext(1, work.resolve(set.name()), (f, m) -> { }, System.out::println);
                double cpu0 = FeffBench.childCpuSeconds();
                long t0 = System.nanoTime();
                FeffBatch.Outcome o = FeffBatch.run(List.of(s), new FeffBatch.Settings(cards, set.clusterRadius(), FeffMode.FULL, 0,
                        7200, true), feff, ctx.workDir(), ctx);
                double cpu = FeffBench.childCpuSeconds() - cpu0;
                double wall = (System.nanoTime() - t0) / 1e9;
                if (o.results().isEmpty()) {
                    System.out.printf(Locale.ROOT, "%s frame %d FAILED: %s%n", set.name(), s.id().frame(), ctx.failures());
                    continue;
                }
                if (o.computed() == 0) {
                    System.out.printf(Locale.ROOT, "%s frame %d: finished earlier%n", set.name(), s.id().frame());
                    continue;
                }
                FeffResult r = o.results().get(0);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%.4f", set.name(),
                        s.id().frame(), cpu, wall, r.output().omega()[0] - r.output().e()[0]));
                for (double c : r.output().chi()) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.6e", c));
                }
                line.append('\n');
                Files.writeString(tsv, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.printf(Locale.ROOT, "%s frame %d: %.1f CPU s, %.1f s wall%n", set.name(), s.id().frame(), cpu, wall);
            }
        }
    }

    /**
     * The production cards ({@link FeffCards#defaults()}), or cheaper ones with {@code --scf-radius R}
     * and {@code --rpath R} for a quick run of the whole method.
     */
    static FeffCards cards(Map<String, String> a) {
        FeffCards d = FeffCards.defaults();
        double scf = Double.parseDouble(a.getOrDefault("scf-radius", String.valueOf(d.scf().rfms())));
        double rpath = Double.parseDouble(a.getOrDefault("rpath", String.valueOf(d.rpath())));
        return new FeffCards(d.edge(), d.s02(), d.kmax(), rpath, d.nlegs(), d.critCurved(), d.critPlane(),
                new FeffCards.Scf(scf, 0, 30, 0.1, 1), d.exchange(), d.vr(), d.vi(), d.debye(), d.cfaverage());
    }

    static Map<String, String> args(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return a;
    }

    /** The benchmark's two sets: the first frames of the cluster set (radius 20 Å) and of the periodic bulk set. */
    static List<FrameSet> sets(Map<String, String> a) {
        List<FrameSet> sets = new ArrayList<>();
        int nc = Integer.parseInt(a.getOrDefault("cluster-frames", "40"));
        int nb = Integer.parseInt(a.getOrDefault("bulk-frames", "20"));
        if (nc > 0) {
            sets.add(new FrameSet("cluster", read(Path.of(a.getOrDefault("clusters", "data/cu-md-public.dump")), nc), 20));
        }
        if (nb > 0) {
            sets.add(new FrameSet("bulk", read(Path.of(a.getOrDefault("bulk", "../shared/data/cu-bulk-md-public.dump")), nb),
                    Double.parseDouble(a.getOrDefault("bulk-radius", "9"))));
        }
        return sets;
    }

    static List<Sample> read(Path dump, int frames) {
        return ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", frames, "", List.of(), false))
                .sampleList();
    }
}
