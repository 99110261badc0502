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
import org.xasdaml.feff.SimulateSpectraStep;
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
 * [--scf-radius 6.8] [--rpath 7] [--parts 2 --part 0|1] [--claims true] [--yield-above 4] [--later earlier-reference.tsv]}. Run it
 * under {@code nice -n 10}; with {@code --parts n} n processes share the frames (process k takes
 * every n-th frame from k, in the order above, and appends to {@code reference-part<k>.tsv}); each
 * frame is its own sample folder, so they never touch the same files. With {@code --claims true}
 * processes instead claim frames one by one and append to {@code reference-p<pid>.tsv}, so a second
 * process can be added while the machine is idle; {@code --yield-above L} makes a process stop before
 * its next frame when the load average exceeds L (the machine is shared).
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
        int parts = Integer.parseInt(a.getOrDefault("parts", "1"));
        int part = Integer.parseInt(a.getOrDefault("part", "0"));
        boolean claims = Boolean.parseBoolean(a.getOrDefault("claims", "false"));
        double yieldAbove = Double.parseDouble(a.getOrDefault("yield-above", "Infinity"));
        long pid = ProcessHandle.current().pid();
        Path tsv = work.resolve(claims ? "reference-p" + pid + ".tsv" : parts == 1 ? "reference.tsv" : "reference-part" + part + ".tsv");
        java.util.Set<String> later = framesIn(a.get("later"));
        List<Object[]> order = new ArrayList<>();
        List<Object[]> last = new ArrayList<>();
        int most = sets.stream().mapToInt(s -> s.samples().size()).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (FrameSet set : sets) {
                if (i < set.samples().size()) {
                    Sample s = set.samples().get(i);
                    (later.contains(set.name() + "," + s.id().frame()) ? last : order).add(new Object[] {set, s});
                }
            }
        }
        order.addAll(last);
        for (int n = 0; n < order.size(); n++) {
            if (n % parts != part) {
                continue;
            }
            {
                FrameSet set = (FrameSet) order.get(n)[0];
                Sample s = (Sample) order.get(n)[1];
                if (Files.isRegularFile(FeffBatch.sampleFolder(work.resolve(set.name()), s.id()).resolve("result.txt"))) {
                    continue;
                }
                double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                if (load > yieldAbove) {
                    System.out.printf(Locale.ROOT, "load average %.1f above %.1f: this process stops before %s frame %d%n", load,
                            yieldAbove, set.name(), s.id().frame());
                    return;
                }
                if (claims && !claim(work.resolve("claims").resolve(set.name() + "-" + s.id().frame()), pid)) {
                    continue;
                }
                BasicContext ctx = new BasicContext(1, work.resolve(set.name()), (f, m) -> { }, System.out::println);
                double cpu0 = FeffBench.childCpuSeconds();
                long t0 = System.nanoTime();
                FeffBatch.Outcome o = FeffBatch.run(List.of(s), new FeffBatch.Settings(cards, set.clusterRadius(), FeffMode.FULL, 0,
                        7200, true), feff, ctx.workDir(), ctx);
                double cpu = FeffBench.childCpuSeconds() - cpu0;
                double wall = (System.nanoTime() - t0) / 1e9;
                if (o.results().isEmpty() && ctx.failures().isEmpty()) {
                    // the JVM is shutting down (SIGTERM): FeffProgram refuses to start a stage and the worker ends
                    // without a result or a failure; session 3's "bulk frame 3 FAILED: []" was this, not FEFF
                    System.out.printf(Locale.ROOT, "%s frame %d: interrupted (the process is being stopped)%n", set.name(),
                            s.id().frame());
                    return;
                }
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
     * The production cards ({@link FeffCards#defaults()}), or cheaper ones with {@code --scf-radius R},
     * {@code --rpath R}, {@code --nlegs N}, {@code --crit-curved C} and {@code --crit-plane C} (the
     * main job's cards: 4, 5.5, 4, 4, 2.5) for a quick run of the whole method.
     */
    static FeffCards cards(Map<String, String> a) {
        return cards(a, Map.of());
    }

    /** The main job's cards (SCF 4 Å, RPATH 5.5, NLEGS 4, CRITERIA 4 2.5), each overridable by its option. */
    static FeffCards mainJobCards(Map<String, String> a) {
        return cards(a, Map.of("scf-radius", "4", "rpath", "5.5", "nlegs", "4", "crit-curved", "4", "crit-plane", "2.5"));
    }

    private static FeffCards cards(Map<String, String> given, Map<String, String> defaults) {
        Map<String, String> a = new java.util.HashMap<>(defaults);
        a.putAll(given);
        FeffCards d = FeffCards.defaults();
        double scf = Double.parseDouble(a.getOrDefault("scf-radius", String.valueOf(d.scf().rfms())));
        double rpath = Double.parseDouble(a.getOrDefault("rpath", String.valueOf(d.rpath())));
        int nlegs = Integer.parseInt(a.getOrDefault("nlegs", String.valueOf(d.nlegs())));
        double critCurved = Double.parseDouble(a.getOrDefault("crit-curved", String.valueOf(d.critCurved())));
        double critPlane = Double.parseDouble(a.getOrDefault("crit-plane", String.valueOf(d.critPlane())));
        return new FeffCards(d.edge(), d.s02(), d.kmax(), rpath, nlegs, critCurved, critPlane,
                new FeffCards.Scf(scf, 0, 30, 0.1, 1), d.exchange(), d.vr(), d.vi(), d.debye(), d.cfaverage());
    }

    /**
     * Claims a frame for this process ({@code --claims true}: any number of processes, started and
     * stopped at will, share the frames): the claim is a folder holding the owner's pid; a claim whose
     * owner is no longer alive is taken over.
     */
    static boolean claim(Path dir, long pid) throws IOException {
        Files.createDirectories(dir.getParent());
        Path owner = dir.resolve("pid");
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            try {
                long other = Long.parseLong(Files.readString(owner).strip());
                if (other != pid && ProcessHandle.of(other).map(ProcessHandle::isAlive).orElse(false)) {
                    return false;
                }
            } catch (IOException | NumberFormatException unreadable) {
                return false; // being written by its owner just now
            }
        }
        Files.writeString(owner, Long.toString(pid));
        return true;
    }

    /**
     * The cards of local-scf mode: {@code cards} with the SCF card {@code SCF radius 0 iterations ca nmix} from
     * {@code --local-scf-radius}, {@code --local-scf-iterations}, {@code --local-scf-ca} (default: the
     * product's local-scf defaults) and {@code --local-scf-nmix} (default: the cards').
     */
    static FeffCards localScfCards(FeffCards cards, Map<String, String> a) {
        FeffCards.Scf sc = cards.scf();
        FeffCards base = a.containsKey("local-scf-nmix")
                ? cards.withScf(new FeffCards.Scf(sc.rfms(), sc.lfms(), sc.nscmt(), sc.ca(), Integer.parseInt(a.get("local-scf-nmix"))))
                : cards;
        return base.withLocalScf(
                Double.parseDouble(a.getOrDefault("local-scf-radius", String.valueOf(SimulateSpectraStep.DEFAULT_LOCAL_SCF_RADIUS))),
                Integer.parseInt(a.getOrDefault("local-scf-iterations", String.valueOf(SimulateSpectraStep.DEFAULT_LOCAL_SCF_ITERATIONS))),
                Double.parseDouble(a.getOrDefault("local-scf-ca", String.valueOf(SimulateSpectraStep.DEFAULT_LOCAL_SCF_MIXING))));
    }

    /**
     * "set,frame" of every line of an earlier reference.tsv ({@code --later FILE}): those frames are
     * computed after all others (again, for their potentials files), so a resumed run first adds new frames.
     */
    static java.util.Set<String> framesIn(String file) throws IOException {
        java.util.Set<String> m = new java.util.HashSet<>();
        if (file != null && Files.isRegularFile(Path.of(file))) {
            for (String l : Files.readAllLines(Path.of(file))) {
                String[] p = l.split("\t", 3);
                if (p.length >= 2) {
                    m.add(p[0] + "," + p[1]);
                }
            }
        }
        return m;
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
