package org.xasdaml.feff.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.SpectrumDifference;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.SampleFailure;

/**
 * Measures the three FEFF modes on the public Cu set: seconds per frame for full SCF, shared potentials
 * and no SCF, and the error of the fast modes against full per-sample FEFF (relative L2 difference of
 * k²χ(k) over 2–12 Å⁻¹, {@link SpectrumDifference}).
 *
 * <p>Usage: {@code FeffBench [--dump FILE] [--frames 50] [--full-frames N] [--workers W] [--group-sizes 0,10]
 * [--scf-radius 6.8] [--work DIR]}. A smaller SCF radius makes full SCF cheap enough to compare many frames. Every mode runs in its own resumable batch under the work folder, so an interrupted
 * benchmark picks up where it stopped; seconds per frame are the per-sample FEFF wall times recorded in
 * the results (one sample uses one core), with the shared potentials' cost spread over their members.
 */
public final class FeffBench {
    private FeffBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dump = Path.of(a.getOrDefault("dump", "data/cu-md-public.dump"));
        int frames = Integer.parseInt(a.getOrDefault("frames", "50"));
        int fullFrames = Integer.parseInt(a.getOrDefault("full-frames", String.valueOf(frames)));
        int workers = Integer.parseInt(a.getOrDefault("workers", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path work = Path.of(a.getOrDefault("work", "target/feff-bench"));
        List<Integer> groupSizes = Arrays.stream(a.getOrDefault("group-sizes", "0").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();

        StructureSet set = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", frames, "",
                List.of(), false));
        List<Sample> samples = set.sampleList();
        FeffProgram feff = FeffProgram.locate(null);
        double scfRadius = Double.parseDouble(a.getOrDefault("scf-radius", "6.8"));
        FeffCards d = FeffCards.defaults();
        FeffCards cards = new FeffCards(d.edge(), d.s02(), d.kmax(), d.rpath(), d.nlegs(), d.critCurved(), d.critPlane(),
                new FeffCards.Scf(scfRadius, 0, 30, 0.1, 1), d.exchange(), d.vr(), d.vi(), d.debye());
        System.out.printf(Locale.ROOT, "FEFF benchmark: %s, %d frames (%d with full SCF), %d workers, %d cores, Feff8L in %s%n",
                dump.getFileName(), samples.size(), Math.min(fullFrames, samples.size()), workers,
                Runtime.getRuntime().availableProcessors(), feff.binDir());
        System.out.println("cards: " + String.join("; ", cards.lines()));

        Run full = run("full", samples.subList(0, Math.min(fullFrames, samples.size())),
                new FeffBatch.Settings(cards, 20, FeffMode.FULL, 0, 3600, false), feff, work.resolve("full"), workers);
        Run noScf = run("no-scf", samples, new FeffBatch.Settings(cards, 20, FeffMode.NO_SCF, 0, 3600, false), feff,
                work.resolve("no-scf"), workers);
        List<Run> shared = new ArrayList<>();
        for (int g : groupSizes) {
            shared.add(run("shared-potential" + (g == 0 ? "" : " (groups of " + g + ")"), samples,
                    new FeffBatch.Settings(cards, 20, FeffMode.SHARED_POTENTIAL, g, 3600, false), feff,
                    work.resolve("shared-g" + g), workers));
        }

        System.out.println();
        System.out.println("s/frame wall: mean FEFF wall time per sample (one worker each) on this machine as loaded when they ran; "
                + "CPU s/frame: CPU of the FEFF processes run now / frames computed now (shared potentials included)");
        System.out.println("mode                              frames  s/frame wall  CPU s/frame  speed-up(CPU)  k²χ rel. L2 vs full "
                + "(2-12 Å⁻¹): mean  median  max  (frames compared)");
        report(full, full);
        for (Run r : shared) {
            report(r, full);
        }
        report(noScf, full);
    }

    /**
     * One mode's batch and its figures.
     *
     * @param cpuSeconds CPU time of the FEFF processes this run started (user + system), or NaN
     */
    private record Run(String name, FeffBatch.Outcome outcome, double wallSeconds, int workers, double cpuSeconds) {
        /** CPU seconds per frame computed in this run (shared potentials included), or NaN when none was computed. */
        double cpuPerFrame() {
            return outcome.computed() == 0 ? Double.NaN : cpuSeconds / outcome.computed();
        }

        double secondsPerFrame() {
            double s = 0;
            for (FeffResult r : outcome.results()) {
                s += r.seconds();
            }
            for (FeffBatch.SharedPotential p : outcome.shared()) {
                s += Double.isNaN(p.seconds()) ? 0 : p.seconds();
            }
            return s / Math.max(1, outcome.results().size());
        }
    }

    private static Run run(String name, List<Sample> samples, FeffBatch.Settings s, FeffProgram feff, Path work, int workers) {
        BasicContext ctx = new BasicContext(workers, work, (f, m) -> {
            System.out.print("\r" + name + ": " + m + "          ");
        }, System.out::println);
        long t0 = System.nanoTime();
        double cpu0 = childCpuSeconds();
        FeffBatch.Outcome o = FeffBatch.run(samples, s, feff, ctx.workDir(), ctx);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = childCpuSeconds() - cpu0;
        System.out.printf(Locale.ROOT, "%n%s: %d finished (%d reused from an earlier run, %d computed in %.1f s wall), %d failed%n",
                name, o.results().size(), o.reused(), o.computed(), wall, ctx.failures().size());
        for (SampleFailure f : ctx.failures()) {
            System.out.println("  " + f);
        }
        for (FeffBatch.SharedPotential p : o.shared()) {
            System.out.printf(Locale.ROOT, "  shared potentials from sample %s for %d samples: %.1f s%s%n", p.representative(),
                    p.members().size(), p.seconds(), p.error() == null ? "" : " FAILED: " + p.error());
        }
        return new Run(name, o, wall, workers, cpu);
    }

    /**
     * CPU time (user + system, s) of this JVM's finished child processes, from fields cutime and cstime
     * of {@code /proc/self/stat} (Linux; clock ticks of 1/100 s): the FEFF stages' own cost, which does
     * not grow when other programs load the machine, unlike their wall time.
     */
    static double childCpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void report(Run r, Run full) {
        Map<SampleId, FeffResult> ref = new HashMap<>();
        for (FeffResult f : full.outcome().results()) {
            ref.put(f.id(), f);
        }
        List<Double> err = new ArrayList<>();
        for (FeffResult x : r.outcome().results()) {
            FeffResult f = ref.get(x.id());
            if (f != null) {
                err.add(SpectrumDifference.relativeL2K2Chi(x.output(), f.output(), 2, 12));
            }
        }
        double[] e = err.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(e).average().orElse(Double.NaN);
        double median = e.length == 0 ? Double.NaN : e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
        double max = e.length == 0 ? Double.NaN : e[e.length - 1];
        System.out.printf(Locale.ROOT, "%-33s %6d  %12.3f  %11.3f  %13.1f  %8.4f %7.4f %7.4f  (%d)%n", r.name(),
                r.outcome().results().size(), r.secondsPerFrame(), r.cpuPerFrame(), full.cpuPerFrame() / r.cpuPerFrame(), mean, median,
                max, e.length);
    }
}
