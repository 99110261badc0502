package org.xasdaml.feff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.feff.EnvironmentDescriptor;
import org.xasdaml.feff.EnvironmentGroups;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffCards;
import org.xasdaml.feff.FeffInput;
import org.xasdaml.feff.FeffOutput;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.FeffStage;
import org.xasdaml.feff.SpectrumDifference;
import org.xasdaml.structure.Sample;

/**
 * Environment mode against full SCF at production cards, on the frames {@link FullScfReference} has
 * finished. For every pair (i, j) of finished frames of one set it runs rdinp, pathfinder, genfmt and
 * ff2x of frame i with the potentials ({@code phase.pad}, {@code xsect.json}) of frame j's full SCF:
 * exactly what the environment mode does for a sample i whose representative is j. The error of that
 * pair is the k²χ relative L2 difference (2–12 Å⁻¹) against frame i's own full SCF. From this matrix:
 * <ul>
 * <li>error against environment distance (does the descriptor rank potentials usefully?);</li>
 * <li>error against the number of representatives K chosen by {@link EnvironmentGroups} among the
 * finished frames (each non-representative frame takes its nearest representative), mean, median,
 * max over the non-representatives; K = 1 is the old shared-potential mode;</li>
 * <li>CPU per frame of the two modes, and the environment mode's for a 1000-frame run.</li>
 * </ul>
 * Pairs are resumable ({@code <work>/cross/<set>/pairs.tsv}, one line per pair as it finishes).
 *
 * <p>Usage: the arguments of {@link FullScfReference} plus {@code --matrix true} (compute every pair
 * first) or {@code --from-pairs-cluster FILE} / {@code --from-pairs-bulk FILE} (judge the frames of a
 * committed pairs table, every pair present, without FEFF).
 */
public final class PotentialBench {
    private PotentialBench() {
    }

    record Pair(int i, int j, double error, double distance, double cpu) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = FullScfReference.args(args);
        Path work = Path.of(a.getOrDefault("work", "target/potential-bench/full"));
        FeffProgram feff = FeffProgram.locate(null);
        FeffCards cards = FullScfReference.cards(a);
        // --full DIR: the folder FullScfReference computed in (its <set>/samples/… hold the potentials files), read
        // only; reference.tsv (all its reference*.tsv concatenated) and everything this bench writes are in --work
        Path full = Path.of(a.getOrDefault("full", work.toString()));
        Map<String, double[]> refCpu = referenceCpu(work.resolve("reference.tsv"));
        Map<String, double[]> refChi = referenceChi(work.resolve("reference.tsv"));
        FeffCards.Scf local = FullScfReference.localScfCards(cards, a).scf();
        System.out.println("Potential benchmark: environment mode (potentials of another frame's full SCF) against full SCF, "
                + "cards: " + String.join("; ", cards.lines()));
        for (FullScfReference.FrameSet set : FullScfReference.sets(a)) {
            if (local.rfms() > 0) {
                localScf(set, cards, local, refChi, refCpu, work, feff);
            }
            List<Integer> done = new ArrayList<>();
            Map<Integer, FeffOutput> fullOut = new HashMap<>();
            Map<Integer, FeffInput> inputs = new HashMap<>();
            Map<Integer, EnvironmentDescriptor> desc = new HashMap<>();
            Map<Integer, EnvironmentDescriptor> descV1 = new HashMap<>();
            // --from-pairs-<set> FILE: a committed pairs table (every pair of its frames) instead of FEFF runs
            String fromPairs = a.get("from-pairs-" + set.name());
            java.util.Set<Integer> listed = new java.util.HashSet<>();
            if (fromPairs != null) {
                for (Pair p : readPairs(Path.of(fromPairs)).values()) {
                    listed.add(p.i());
                    listed.add(p.j());
                }
            }
            for (Sample s : set.samples()) {
                Path f = FeffBatch.sampleFolder(full.resolve(set.name()), s.id());
                boolean computed = Files.isRegularFile(f.resolve("result.txt")) && Files.isRegularFile(f.resolve("phase.pad"));
                if (fromPairs != null ? listed.contains(s.id().frame()) : computed) {
                    int fr = s.id().frame();
                    done.add(fr);
                    if (computed) {
                        fullOut.put(fr, org.xasdaml.feff.FeffResult.read(f).output());
                    }
                    FeffInput in = FeffInput.of(s, set.clusterRadius(), cards);
                    inputs.put(fr, in);
                    desc.put(fr, EnvironmentDescriptor.of(in, cards.scf().rfms(), "bench"));
                    descV1.put(fr, EnvironmentDescriptor.of(in, cards.scf().rfms(), "bench", 0.1, 1));
                }
            }
            System.out.printf(Locale.ROOT, "%n== %s set: %d of %d frames have full SCF ==%n", set.name(), done.size(),
                    set.samples().size());
            if (done.size() < 2) {
                continue;
            }
            Path cross = work.resolve("cross").resolve(set.name());
            Files.createDirectories(cross);
            Path tsv = cross.resolve("pairs.tsv");
            Map<String, Pair> pairs = readPairs(fromPairs != null ? Path.of(fromPairs) : tsv);
            Cross cross2 = new Cross(set, full, cross, tsv, pairs, inputs, fullOut, desc, feff);
            if (Boolean.parseBoolean(a.getOrDefault("matrix", "false"))) {
                // every pair of finished frames, so that any choice of representatives can be judged afterwards
                for (int i : done) {
                    for (int j : done) {
                        if (i != j) {
                            cross2.get(i, j);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%s: all %d pairs of %d frames computed%n", set.name(), pairs.size(), done.size());
            }
            System.out.println("-- environment descriptor version 1 (σ 0.1 Å, absorber weight 1) --");
            report(set.name(), done, cross2, descV1, refCpu);
            System.out.printf(Locale.ROOT, "-- environment descriptor version %d (σ %.1f Å, absorber weight %.1f) --%n",
                    EnvironmentDescriptor.VERSION, EnvironmentDescriptor.SIGMA, EnvironmentDescriptor.ABSORBER_WEIGHT);
            report(set.name(), done, cross2, desc, refCpu);
        }
    }

    /** Pairs (frame, potentials of another frame) computed when first asked for, kept in pairs.tsv. */
    private record Cross(FullScfReference.FrameSet set, Path reference, Path cross, Path tsv, Map<String, Pair> pairs,
                         Map<Integer, FeffInput> inputs, Map<Integer, FeffOutput> full, Map<Integer, EnvironmentDescriptor> desc,
                         FeffProgram feff) {
        Pair get(int i, int j) {
            Pair p = pairs.get(i + "," + j);
            if (p != null) {
                return p;
            }
            try {
                Path dir = cross.resolve("f" + i + "_pot" + j);
                double cpu = runOnPotentials(feff, dir, inputs.get(i),
                        FeffBatch.sampleFolder(reference.resolve(set.name()), new org.xasdaml.structure.SampleId(j, 0)));
                FeffOutput o = FeffOutput.read(dir);
                double err = SpectrumDifference.relativeL2K2Chi(o, full.get(i), 2, 12);
                double d = Math.sqrt(desc.get(i).distance2(desc.get(j)));
                p = new Pair(i, j, err, d, cpu);
                pairs.put(i + "," + j, p);
                Files.writeString(tsv, String.format(Locale.ROOT, "%d\t%d\t%.6f\t%.6f\t%.3f%n", i, j, err, d, cpu),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                recreate(dir);
                Files.delete(dir);
                return p;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void report(String set, List<Integer> frames, Cross cross, Map<Integer, EnvironmentDescriptor> desc,
                               Map<String, double[]> refCpu) {
        // 1. error against environment distance: nearest other frame; with few frames also any and the farthest
        double[] near = new double[frames.size()];
        double[] far = new double[frames.size()];
        double[] any = new double[frames.size()];
        double[] bestAny = new double[frames.size()];
        boolean allPairs = frames.size() <= 8 || cross.pairs().size() >= frames.size() * (frames.size() - 1);
        for (int a = 0; a < frames.size(); a++) {
            int i = frames.get(a);
            int best = -1;
            int worst = -1;
            for (int j : frames) {
                if (j == i) {
                    continue;
                }
                double d = desc.get(i).distance2(desc.get(j));
                if (best < 0 || d < desc.get(i).distance2(desc.get(best))) {
                    best = j;
                }
                if (worst < 0 || d > desc.get(i).distance2(desc.get(worst))) {
                    worst = j;
                }
            }
            near[a] = cross.get(i, best).error();
            if (allPairs) {
                double least = Double.POSITIVE_INFINITY;
                for (int j : frames) {
                    if (j != i) {
                        least = Math.min(least, cross.get(i, j).error());
                    }
                }
                bestAny[a] = least;
                far[a] = cross.get(i, worst).error();
                double sum = 0;
                for (int j : frames) {
                    if (j != i) {
                        sum += cross.get(i, j).error();
                    }
                }
                any[a] = sum / (frames.size() - 1);
            }
        }
        System.out.println("k²χ rel. L2 vs full SCF (2-12 Å⁻¹) of each frame with the potentials of another frame:");
        System.out.println("  potentials of                        mean    median  max");
        line("  the nearest other frame (environment)", near);
        if (allPairs) {
            line("  any other frame (average over frames)", any);
            line("  the farthest other frame", far);
            line("  the best other frame (no choice does better)", bestAny);
        }
        // 2. error against the number of representatives chosen among the frames
        double[][] x = new double[frames.size()][];
        for (int a = 0; a < frames.size(); a++) {
            x[a] = desc.get(frames.get(a)).vector();
        }
        System.out.println("  representatives K chosen by k-means among the frames (groups K, one each), error of the others:");
        System.out.println("  K   frames judged  mean    median  max");
        List<Integer> ks = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 4, 6, 8, 10, 12, 16, 20}) {
            if (k < frames.size() - 1) {
                ks.add(k);
            }
        }
        for (int k : ks) {
            int[] reps = EnvironmentGroups.representatives(x, k, 1, 42);
            List<Double> err = new ArrayList<>();
            for (int a = 0; a < frames.size(); a++) {
                final int aa = a;
                if (Arrays.stream(reps).anyMatch(r -> r == aa)) {
                    continue;
                }
                int best = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int r : reps) {
                    double d = desc.get(frames.get(a)).distance2(desc.get(frames.get(r)));
                    if (d < bd) {
                        bd = d;
                        best = r;
                    }
                }
                err.add(cross.get(frames.get(a), frames.get(best)).error());
            }
            double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "  %-3d %-13d", reps.length, e.length);
            stats(e);
        }
        // 2b. refinement towards a target error, as EnvironmentPotentials does it: k-means start, then rounds of
        // checks (a representative with the potentials of its nearest other one) and splits of the sets above the target
        System.out.println("  refined to a target check error (start: 2 k-means representatives; at most half the frames):");
        System.out.println("  target  reps  frames judged  mean    median  max");
        for (double target : new double[] {0.06, 0.04, 0.03, 0.02, 0.01}) {
            List<Integer> reps = new ArrayList<>();
            for (int r : EnvironmentGroups.representatives(x, 2, 1, 42)) {
                reps.add(r);
            }
            int most = frames.size() / 2;
            for (int round = 0; round < 6 && reps.size() < most; round++) {
                double[][] centres = new double[reps.size()][];
                double[] check = new double[reps.size()];
                for (int c = 0; c < centres.length; c++) {
                    centres[c] = x[reps.get(c)];
                }
                for (int c = 0; c < centres.length; c++) {
                    int o = -1;
                    for (int d = 0; d < centres.length; d++) {
                        if (d != c && (o < 0 || EnvironmentDescriptorDistance.d2(centres[c], centres[d])
                                < EnvironmentDescriptorDistance.d2(centres[c], centres[o]))) {
                            o = d;
                        }
                    }
                    check[c] = cross.get(frames.get(reps.get(c)), frames.get(reps.get(o))).error();
                }
                int[] add = EnvironmentGroups.split(x, centres, check, target, most - reps.size());
                if (add.length == 0) {
                    break;
                }
                for (int a2 : add) {
                    reps.add(a2);
                }
            }
            List<Double> err = new ArrayList<>();
            for (int a = 0; a < frames.size(); a++) {
                if (reps.contains(a)) {
                    continue;
                }
                int best = reps.get(0);
                for (int r : reps) {
                    if (EnvironmentDescriptorDistance.d2(x[a], x[r]) < EnvironmentDescriptorDistance.d2(x[a], x[best])) {
                        best = r;
                    }
                }
                err.add(cross.get(frames.get(a), frames.get(best)).error());
            }
            double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "  %-7.2f %-5d %-13d", target, reps.size(), e.length);
            stats(e);
        }
        // 3. CPU
        double fullCpu = 0;
        int nf = 0;
        for (int f : frames) {
            double[] c = refCpu.get(set + "," + f);
            if (c != null) {
                fullCpu += c[0];
                nf++;
            }
        }
        fullCpu /= Math.max(1, nf);
        double pathCpu = cross.pairs().values().stream().mapToDouble(Pair::cpu).average().orElse(Double.NaN);
        int reps = 20;
        double env1000 = (reps * fullCpu + 1000 * pathCpu) / 1000;
        System.out.printf(Locale.ROOT, "CPU s/frame: full SCF %.1f (%d frames); environment mode per sample %.2f (rdinp, pathfinder, "
                + "genfmt, ff2x; %d runs); 1000 frames with %d representatives: %.2f s/frame, %.0fx less than full SCF%n", fullCpu,
                nf, pathCpu, cross.pairs().size(), reps, env1000, fullCpu / env1000);
    }

    private static void line(String name, double[] e) {
        System.out.printf(Locale.ROOT, "%-38s", name);
        stats(e);
    }

    private static void stats(double[] e) {
        double[] s = e.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double median = s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf(Locale.ROOT, " %.4f  %.4f  %.4f%n", mean, median, s.length == 0 ? Double.NaN : s[s.length - 1]);
    }

    private static Map<String, Pair> readPairs(Path tsv) throws IOException {
        Map<String, Pair> m = new HashMap<>();
        if (Files.isRegularFile(tsv)) {
            for (String l : Files.readAllLines(tsv)) {
                String[] p = l.split("\t");
                if (p.length == 5) {
                    m.put(p[0] + "," + p[1], new Pair(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Double.parseDouble(p[2]),
                            Double.parseDouble(p[3]), Double.parseDouble(p[4])));
                }
            }
        }
        return m;
    }

    /**
     * Local-scf mode (the product's default) against full SCF: every frame of the set that reference.tsv holds
     * is computed with its own potentials over the SCF radius {@code --local-scf-radius} (3 Å), at most
     * {@code --local-scf-iterations} iterations with convergence factor {@code --local-scf-ca} (the product's defaults) and the cards
     * otherwise unchanged, exactly as {@code feff run --mode local-scf} does it (one-sample batches under
     * {@code <work>/local-<radius>/<set>/}, resumable; CPU of its FEFF processes in {@code cpu.tsv}); the error is
     * k²χ relative L2 (2–12 Å⁻¹) against the frame's full-SCF χ in reference.tsv. Needs no potentials files, so
     * every reference frame counts. No representatives: the CPU per frame is the same for 1 or 1000 frames.
     */
    static void localScf(FullScfReference.FrameSet set, FeffCards cards, FeffCards.Scf scf, Map<String, double[]> refChi,
                         Map<String, double[]> refCpu, Path work, FeffProgram feff) throws IOException {
        FeffCards local = cards.withScf(scf);
        double radius = scf.rfms();
        FeffCards.Scf sc = cards.scf();
        // the folder of the radius alone when the other SCF numbers are the cards' (earlier results stay valid)
        String name = "local-" + radius + (scf.nscmt() == sc.nscmt() && scf.ca() == sc.ca() && scf.nmix() == sc.nmix() ? ""
                : "-n" + scf.nscmt() + "-ca" + scf.ca() + "-m" + scf.nmix());
        Path dir = work.resolve(name).resolve(set.name());
        Files.createDirectories(dir);
        Path cpuFile = dir.resolve("cpu.tsv");
        Map<Integer, Double> cpu = new HashMap<>();
        if (Files.isRegularFile(cpuFile)) {
            for (String l : Files.readAllLines(cpuFile)) {
                String[] p = l.split("\t");
                cpu.put(Integer.parseInt(p[0]), Double.parseDouble(p[1]));
            }
        }
        List<Double> err = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        List<Double> fullCpus = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Sample s : set.samples()) {
            double[] ref = refChi.get(set.name() + "," + s.id().frame());
            if (ref == null) {
                continue;
            }
            org.xasdaml.workflow.BasicContext ctx = new org.xasdaml.workflow.BasicContext(1, dir, (f, m) -> { }, m -> { });
            double c0 = FeffBench.childCpuSeconds();
            FeffBatch.Outcome o = FeffBatch.run(List.of(s), new FeffBatch.Settings(local, set.clusterRadius(),
                    org.xasdaml.feff.FeffMode.LOCAL_SCF, 0, 7200, false), feff, dir, ctx);
            if (o.results().isEmpty()) {
                System.out.printf(Locale.ROOT, "  local-scf %s frame %d FAILED: %s%n", set.name(), s.id().frame(), ctx.failures());
                continue;
            }
            if (o.computed() > 0) {
                cpu.put(s.id().frame(), FeffBench.childCpuSeconds() - c0);
                Files.writeString(cpuFile, String.format(Locale.ROOT, "%d\t%.3f%n", s.id().frame(), cpu.get(s.id().frame())),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            FeffOutput out = o.results().get(0).output();
            double[] k = new double[ref.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = 0.05 * i;
            }
            FeffOutput refOut = new FeffOutput(new double[0], new double[0], new double[0], new double[0], new double[0], k, ref);
            double e = SpectrumDifference.relativeL2K2Chi(out, refOut, 2, 12);
            err.add(e);
            Double c = cpu.get(s.id().frame());
            if (c != null) {
                cpus.add(c);
            }
            double[] fc = refCpu.get(set.name() + "," + s.id().frame());
            if (fc != null) {
                fullCpus.add(fc[0]);
            }
            rows.append(String.format(Locale.ROOT, " %d:%.4f", s.id().frame(), e));
        }
        System.out.printf(Locale.ROOT, "%n== %s set, local-scf mode (own SCF over %s Å, SCF card %s) against full SCF: %d frames ==%n",
                set.name(), String.valueOf(radius), local.lines().stream().filter(l -> l.startsWith("SCF")).findFirst().orElse(""),
                err.size());
        if (err.isEmpty()) {
            return;
        }
        System.out.println("  frame:error" + rows);
        System.out.println("  k²χ rel. L2 vs full SCF (2-12 Å⁻¹): mean    median  max");
        line("  local-scf", err.stream().mapToDouble(Double::doubleValue).toArray());
        double lc = cpus.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double fc = fullCpus.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "CPU s/frame: full SCF %.1f (%d frames); local-scf %.2f all stages (%d frames; the same for "
                + "1000 frames, no representatives): %.0fx less than full SCF%n", fc, fullCpus.size(), lc, cpus.size(), fc / lc);
    }

    /** Full-SCF χ per reference frame (401 values, k = 0 … 20 by 0.05), from reference.tsv, by "set,frame" (the last line wins). */
    static Map<String, double[]> referenceChi(Path tsv) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        if (Files.isRegularFile(tsv)) {
            for (String l : Files.readAllLines(tsv)) {
                String[] p = l.split("\t");
                if (p.length < 6) {
                    continue;
                }
                double[] chi = new double[p.length - 5];
                for (int i = 0; i < chi.length; i++) {
                    chi[i] = Double.parseDouble(p[5 + i]);
                }
                m.put(p[0] + "," + p[1], chi);
            }
        }
        return m;
    }

    /** CPU and wall seconds per reference frame, from reference.tsv, by "set,frame". */
    static Map<String, double[]> referenceCpu(Path tsv) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        if (Files.isRegularFile(tsv)) {
            for (String l : Files.readAllLines(tsv)) {
                String[] p = l.split("\t", 5);
                m.put(p[0] + "," + p[1], new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3])});
            }
        }
        return m;
    }

    /**
     * Runs one sample's feff.inp in a fresh {@code dir} on the potentials of another sample's full-SCF folder
     * (its phase.pad and xsect.json; rdinp, pathfinder, genfmt and ff2x only): the environment mode's work per
     * sample. Returns the CPU seconds of those FEFF processes.
     */
    static double runOnPotentials(FeffProgram feff, Path dir, FeffInput input, Path potentials) throws IOException {
        recreate(dir);
        Files.writeString(dir.resolve("feff.inp"), input.text());
        for (String fn : List.of("phase.pad", "xsect.json")) {
            Files.copy(potentials.resolve(fn), dir.resolve(fn), StandardCopyOption.REPLACE_EXISTING);
        }
        double c0 = FeffBench.childCpuSeconds();
        feff.run(dir, List.of(FeffStage.RDINP, FeffStage.PATHFINDER, FeffStage.GENFMT, FeffStage.FF2X),
                System.nanoTime() + (long) 600e9, 600, () -> false);
        return FeffBench.childCpuSeconds() - c0;
    }

    /** Empties (or makes) a folder of the bench's own work tree. */
    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Squared Euclidean distance of two environment vectors. */
    static final class EnvironmentDescriptorDistance {
        static double d2(double[] a, double[] b) {
            return new EnvironmentDescriptor("", a).distance2(new EnvironmentDescriptor("", b));
        }
    }
}
