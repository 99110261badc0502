package org.xasdaml.feff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepContext;

/**
 * Potentials chosen by environment: samples are grouped by what their self-consistent potentials
 * depend on ({@link EnvironmentDescriptor}), a few representatives per group get full SCF (rdinp, pot,
 * xsph), and every sample takes the potentials of the representative nearest to it in environment.
 * Representatives live in a {@link PotentialLibrary}; a representative whose environment lies within
 * the run's coverage radius (90th percentile of its samples' distances to their nearest
 * representative) of an entry already in the library is not computed again, that entry is
 * used, so later runs on structures of the same kind reuse the first run's potentials. A
 * representative that fails leaves its samples to the next nearest one.
 *
 * <p>Then each set of potentials in use is checked against the target error: its representative is
 * computed with the nearest other set's potentials and compared with its own; a set above the target
 * gets another representative among its samples. Why: the descriptor ranks potentials usefully but not
 * perfectly (PotentialBench: on 8 production-card frames the nearest frame's potentials are 0.5 %
 * above the best possible choice on average, 1.4 % at the worst frame), and where environments are
 * spread (surface against interior absorbers) the k-means groups are wide; the check measures the
 * error with FEFF itself for 0.6 CPU-s instead of trusting distances. The cap (4 % of the samples)
 * keeps a 1000-frame run at ≥ 20× less CPU than full SCF.
 */
public final class EnvironmentPotentials {
    private EnvironmentPotentials() {
    }

    /**
     * Settings of the environment mode.
     *
     * @param groups       number of k-means groups of environments per sharing key
     * @param perGroup     representatives per group (sub-groups by k-means)
     * @param library      the potential library's folder, or null for {@code <work>/potentials}
     * @param seed         seed of the k-means seeding
     * @param targetError  largest check error of a set of potentials (k²χ relative L2, 2–12 Å⁻¹) before its
     *                     samples get another representative; 0 = no refinement (k-means representatives only)
     * @param mostShare    most representatives per sharing key as a share of its samples (at least
     *                     groups × perGroup): caps the refinement's CPU
     */
    public record Settings(int groups, int perGroup, Path library, long seed, double targetError, double mostShare) {
        public Settings {
            if (groups < 1) {
                throw new IllegalArgumentException("number of environment groups must be at least 1, got " + groups);
            }
            if (perGroup < 1) {
                throw new IllegalArgumentException("representatives per group must be at least 1, got " + perGroup);
            }
            if (!(targetError >= 0)) {
                throw new IllegalArgumentException("target error must be >= 0, got " + targetError);
            }
            if (!(mostShare >= 0 && mostShare <= 1)) {
                throw new IllegalArgumentException("most representatives' share must lie in 0 … 1, got " + mostShare);
            }
        }

        /** K-means representatives only, without refinement. */
        public Settings(int groups, int perGroup, Path library, long seed) {
            this(groups, perGroup, library, seed, 0, 0);
        }

        /** This project's default: 10 groups of 2 representatives, refined to a check error of 3 %, at most 4 % of the samples. */
        public static Settings defaults() {
            return new Settings(10, 2, null, 42, DEFAULT_TARGET_ERROR, DEFAULT_MOST_SHARE);
        }

        /** The most representatives for a key with n samples. */
        int most(int n) {
            return Math.min(n, Math.max(groups * perGroup, (int) Math.floor(mostShare * n)));
        }

        /** The library folder for a work folder. */
        public Path libraryIn(Path workDir) {
            return library != null ? library : workDir.resolve("potentials");
        }
    }

    /** Default target of the check error (the mean target). */
    public static final double DEFAULT_TARGET_ERROR = 0.03;
    /**
     * Default cap on representatives: 4 % of the samples. At production cards full SCF costs about
     * 107 CPU-s a frame and a sample with given potentials 0.3 CPU-s, so 40 representatives for 1000
     * frames (plus two check runs each) cost (40 × 107 + 1000 × 0.3 + 80 × 0.3) / 1000 ≈ 4.6 CPU-s a
     * frame: 23× less than full SCF, inside the 20× the issue asks.
     */
    public static final double DEFAULT_MOST_SHARE = 0.04;
    /** Most refinement rounds (each computes its new representatives in parallel). */
    static final int MAX_ROUNDS = 6;

    /**
     * The potentials one sample uses.
     *
     * @param entry    library entry (folder with phase.pad, xsect.json)
     * @param distance Euclidean distance of the sample's environment vector to the entry's
     * @param computed whether this run computed the entry (false: found in the library)
     */
    public record Choice(PotentialLibrary.Entry entry, double distance, boolean computed) {
        /** The representative as written in the runs table: its source sample and entry id. */
        public String label() {
            return entry.source() + " [" + entry.id() + "]";
        }
    }

    /**
     * Version of the sharing key's layout, part of the key: entries made under another layout are never
     * mixed with these. 2 (session 4): the potentials list carries composition fractions, not atom counts.
     */
    public static final int KEY_VERSION = 2;

    /**
     * The sharing key: samples may share potentials only when the cards, radius, descriptor version and
     * potentials list (elements and their composition fractions, rounded to 0.01) agree.
     *
     * <p>Why fractions, not the atom counts of the potentials card: Feff8L uses the stoichiometry only
     * to weight the potentials in the SCF's charge balance and Fermi level, so the count of a frame's
     * size matters only through the element fractions. With counts in the key the periodic bulk set split
     * into 107- and 108-atom keys and clusters of 55–200 atoms got representatives per size. Measured
     * ({@code AtomCountBench}, real full SCF, main job's cards): a sample's k²χ with potentials computed
     * for another atom count of the same element against its own count differs by at most 3.2e-4
     * (bulk 107 ↔ 108: 8.3e-7; 20 pairs of clusters of 55, 79, 116, 135 and 200 atoms: mean 5.5e-5), far
     * below the 3 % target. Each sample's feff.inp keeps its own count (pymatgen's card).
     */
    static String key(FeffInput in, double clusterRadius) {
        StringBuilder sb = new StringBuilder(String.join("; ", in.cards().lines()));
        sb.append(" | key v").append(KEY_VERSION).append(" | environment v").append(EnvironmentDescriptor.VERSION);
        sb.append(" | radius ").append(FeffCards.number(clusterRadius)).append(" | potentials");
        double total = 0;
        for (FeffInput.Potential p : in.potentials()) {
            if (p.ipot() != 0) {
                total += p.stoichiometry();
            }
        }
        for (FeffInput.Potential p : in.potentials()) {
            sb.append(' ').append(p.ipot()).append(':').append(p.element().symbol());
            if (p.ipot() != 0) {
                sb.append(String.format(Locale.ROOT, ":%.2f", total > 0 ? p.stoichiometry() / total : 0));
            }
        }
        return sb.toString();
    }

    /** Outer end of the environment distributions: the SCF radius (5 Å without SCF). */
    static double rmax(FeffCards cards) {
        return cards.scf() == null ? 5.0 : cards.scf().rfms();
    }

    /**
     * Chooses representatives, computes the missing ones and assigns potentials.
     *
     * @param ids     samples
     * @param inputs  their inputs, same order
     * @return the choice per sample; samples left out had no representative that worked (their failure is
     *         recorded in the context)
     */
    public static Map<SampleId, Choice> plan(List<SampleId> ids, List<FeffInput> inputs, double clusterRadius, Settings s,
                                             Path workDir, FeffProgram feff, double timeLimit, StepContext ctx) {
        PotentialLibrary library = new PotentialLibrary(s.libraryIn(workDir));
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        List<EnvironmentDescriptor> desc = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            FeffInput in = inputs.get(i);
            String key = key(in, clusterRadius);
            desc.add(EnvironmentDescriptor.of(in, rmax(in.cards()), key));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        Map<SampleId, Choice> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> k : byKey.entrySet()) {
            out.putAll(planKey(k.getKey(), k.getValue(), ids, inputs, desc, s, library, feff, timeLimit, ctx,
                    workDir.resolve("environment-checks")));
        }
        return out;
    }

    private static Map<SampleId, Choice> planKey(String key, List<Integer> members, List<SampleId> ids, List<FeffInput> inputs,
                                                 List<EnvironmentDescriptor> desc, Settings s, PotentialLibrary library,
                                                 FeffProgram feff, double timeLimit, StepContext ctx, Path checkDir) {
        double[][] x = new double[members.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = desc.get(members.get(i)).vector();
        }
        int[] reps = EnvironmentGroups.representatives(x, s.groups(), s.perGroup(), s.seed());
        // coverage radius: 90th percentile of the distances of the run's samples to their nearest new representative;
        // a representative with a library entry closer than that is not a new environment
        double[] nearest = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int r : reps) {
                best = Math.min(best, EnvironmentDescriptor.distance2(x[i], x[r]));
            }
            nearest[i] = Math.sqrt(best);
        }
        double[] sorted = nearest.clone();
        Arrays.sort(sorted);
        double coverage = sorted[Math.min(sorted.length - 1, (int) Math.floor(0.9 * sorted.length))];
        List<PotentialLibrary.Entry> known = library.entries(key);
        List<Integer> todo = new ArrayList<>();
        List<PotentialLibrary.Entry> available = new ArrayList<>(known);
        int reusedReps = 0;
        for (int r : reps) {
            PotentialLibrary.Entry close = null;
            double cd = Double.POSITIVE_INFINITY;
            for (PotentialLibrary.Entry e : known) {
                double d = Math.sqrt(EnvironmentDescriptor.distance2(x[r], e.descriptor().vector()));
                if (d < cd) {
                    cd = d;
                    close = e;
                }
            }
            if (close != null && cd <= coverage) {
                reusedReps++;
            } else {
                todo.add(members.get(r));
            }
        }
        ctx.progress(0, String.format(Locale.ROOT,
                "feff environment: %d samples, %d representatives (%d covered by the %d potentials in %s, %d to compute)",
                members.size(), reps.length, reusedReps, known.size(), library.folder(), todo.size()));
        List<PotentialLibrary.Entry> made = representatives(todo, ids, inputs, desc, library, feff, timeLimit, ctx,
                "its samples take the next nearest representative");
        List<String> computedIds = new ArrayList<>();
        for (PotentialLibrary.Entry e : made) {
            if (e == null) {
                continue;
            }
            computedIds.add(e.id());
            if (available.stream().noneMatch(a -> a.id().equals(e.id()))) {
                available.add(e);
            }
        }
        if (s.targetError() > 0) {
            refine(key, members, ids, inputs, desc, x, available, computedIds, s, library, feff, timeLimit, ctx, checkDir);
        }
        Map<SampleId, Choice> out = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            int m = members.get(i);
            PotentialLibrary.Entry best = null;
            double bd = Double.POSITIVE_INFINITY;
            for (PotentialLibrary.Entry e : available) {
                double d = EnvironmentDescriptor.distance2(x[i], e.descriptor().vector());
                if (d < bd) {
                    bd = d;
                    best = e;
                }
            }
            if (best == null) {
                ctx.recordFailure(new SampleFailure(ids.get(m), "feff environment",
                        "no representative potentials could be computed for its kind (" + key + ")"));
                continue;
            }
            out.put(ids.get(m), new Choice(best, Math.sqrt(bd), computedIds.contains(best.id())));
        }
        return out;
    }

    /**
     * Refinement towards the target error: each round checks every set of potentials in use (its own
     * structure with the potentials of the nearest other set, against its own; two path runs of about
     * 0.3 CPU-s) and gives the samples of each set above the target a new representative, the one
     * farthest from it ({@link EnvironmentGroups#split}); until no check is above the target, the sets
     * in use reach the cap ({@link Settings#most}) or after {@link #MAX_ROUNDS} rounds. Checks are kept as small files in
     * the work folder, so a rerun repeats none.
     */
    private static void refine(String key, List<Integer> members, List<SampleId> ids, List<FeffInput> inputs,
                               List<EnvironmentDescriptor> desc, double[][] x, List<PotentialLibrary.Entry> available,
                               List<String> computedIds, Settings s, PotentialLibrary library, FeffProgram feff, double timeLimit,
                               StepContext ctx, Path checkDir) {
        int most = s.most(members.size());
        Map<String, Double> checks = new java.util.HashMap<>();
        for (int round = 0; round < MAX_ROUNDS && available.size() >= 2; round++) {
            double[][] centres = new double[available.size()][];
            for (int c = 0; c < centres.length; c++) {
                centres[c] = available.get(c).descriptor().vector();
            }
            int[] serves = new int[centres.length];
            int[] firstMember = new int[centres.length];
            Arrays.fill(firstMember, -1);
            for (int i = 0; i < x.length; i++) {
                int c = EnvironmentGroups.nearest(x[i], Arrays.asList(centres));
                serves[c]++;
                if (firstMember[c] < 0) {
                    firstMember[c] = i;
                }
            }
            int inUse = (int) Arrays.stream(serves).filter(n -> n > 0).count();
            if (inUse >= most) {
                ctx.progress(0, String.format(Locale.ROOT, "feff environment: %d sets of potentials in use, the most for %d samples",
                        inUse, members.size()));
                return;
            }
            List<int[]> todo = new ArrayList<>(); // {centre, nearest other centre}
            for (int c = 0; c < centres.length; c++) {
                if (serves[c] == 0) {
                    continue;
                }
                int o = -1;
                for (int d = 0; d < centres.length; d++) {
                    if (d != c && (o < 0 || EnvironmentDescriptor.distance2(centres[c], centres[d])
                            < EnvironmentDescriptor.distance2(centres[c], centres[o]))) {
                        o = d;
                    }
                }
                todo.add(new int[] {c, o});
            }
            List<Double> errs = ParallelSamples.map(todo, t -> ids.get(members.get(firstMember[t[0]])), "feff potentials check", t -> {
                PotentialLibrary.Entry e = available.get(t[0]);
                PotentialLibrary.Entry o = available.get(t[1]);
                String pair = e.id() + "-" + o.id();
                Double known = checks.get(pair);
                return known != null ? known : check(e, o, checkDir.resolve(pair), feff, timeLimit, ctx);
            }, ctx);
            double[] check = new double[centres.length];
            Arrays.fill(check, Double.NaN);
            double worst = 0;
            for (int n = 0; n < todo.size(); n++) {
                Double err = errs.get(n);
                int c = todo.get(n)[0];
                if (err != null) {
                    check[c] = err;
                    checks.put(available.get(c).id() + "-" + available.get(todo.get(n)[1]).id(), err);
                    worst = Math.max(worst, err);
                }
            }
            int[] add = EnvironmentGroups.split(x, centres, check, s.targetError(), most - inUse);
            ctx.progress(0, String.format(Locale.ROOT, "feff environment: round %d, %d sets of potentials, worst check error %.3f "
                    + "(target %.3f), %d new representatives (%d of at most %d)", round + 1, centres.length, worst, s.targetError(),
                    add.length, inUse + add.length, most));
            if (add.length == 0) {
                return;
            }
            List<Integer> newReps = Arrays.stream(add).mapToObj(members::get).toList();
            List<PotentialLibrary.Entry> made = representatives(newReps, ids, inputs, desc, library, feff, timeLimit, ctx,
                    "its samples keep their representative");
            for (PotentialLibrary.Entry e : made) {
                if (e != null && available.stream().noneMatch(a -> a.id().equals(e.id()))) {
                    available.add(e);
                    computedIds.add(e.id());
                }
            }
        }
    }

    /**
     * Full-SCF potentials of the given representatives, in parallel, through the library (reused
     * when it holds them). A representative that fails is warned about and comes back null, so the
     * caller can give its samples another one; cancellation goes through.
     *
     * @param onFailure what happens to the failed representative's samples, for the warning
     */
    private static List<PotentialLibrary.Entry> representatives(List<Integer> reps, List<SampleId> ids, List<FeffInput> inputs,
                                                                List<EnvironmentDescriptor> desc, PotentialLibrary library,
                                                                FeffProgram feff, double timeLimit, StepContext ctx,
                                                                String onFailure) {
        return ParallelSamples.map(reps, ids::get, "feff representative potential", c -> {
            try {
                return library.obtain(inputs.get(c), desc.get(c), "sample " + ids.get(c), feff, timeLimit, ctx::isCancelled);
            } catch (org.xasdaml.workflow.CancelledException e) {
                throw e;
            } catch (Exception e) {
                ctx.warn("feff: representative potentials of sample " + ids.get(c) + " failed (" + ParallelSamples.messageOf(e)
                        + "); " + onFailure);
                return null;
            }
        }, ctx);
    }

    /**
     * The check error of a set of potentials: its representative's structure computed (rdinp,
     * pathfinder, genfmt, ff2x) with the other set's potentials against with its own, k²χ relative L2
     * on 2–12 Å⁻¹; kept in {@code <folder>.txt}. NaN (with a warning) when FEFF fails.
     */
    static double check(PotentialLibrary.Entry e, PotentialLibrary.Entry other, Path folder, FeffProgram feff, double timeLimit,
                        StepContext ctx) {
        Path done = folder.resolveSibling(folder.getFileName() + ".txt");
        try {
            if (java.nio.file.Files.isRegularFile(done)) {
                return Double.parseDouble(java.nio.file.Files.readString(done).strip());
            }
            String inp = java.nio.file.Files.readString(e.folder().resolve("feff.inp"));
            FeffOutput own = paths(inp, e, folder.resolve("own"), feff, timeLimit, ctx);
            FeffOutput cross = paths(inp, other, folder.resolve("other"), feff, timeLimit, ctx);
            double err = SpectrumDifference.relativeL2K2Chi(cross, own, 2, 12);
            FeffBatch.recreate(folder);
            java.nio.file.Files.delete(folder);
            Path tmp = folder.resolveSibling(folder.getFileName() + ".tmp");
            java.nio.file.Files.writeString(tmp, String.format(Locale.ROOT, "%.6f%n", err));
            java.nio.file.Files.move(tmp, done, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return err;
        } catch (org.xasdaml.workflow.CancelledException ex) {
            throw ex;
        } catch (Exception ex) {
            ctx.warn("feff: check of the potentials " + e.id() + " against " + other.id() + " failed (" + ParallelSamples.messageOf(ex)
                    + "); they are not refined");
            return Double.NaN;
        }
    }

    private static FeffOutput paths(String inp, PotentialLibrary.Entry potentials, Path dir, FeffProgram feff, double timeLimit,
                                    StepContext ctx) throws java.io.IOException {
        FeffBatch.recreate(dir);
        java.nio.file.Files.writeString(dir.resolve("feff.inp"), inp);
        for (String f : FeffBatch.SHARED_FILES) {
            java.nio.file.Files.copy(potentials.folder().resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long t0 = System.nanoTime();
        feff.run(dir, FeffMode.ENVIRONMENT.sampleStages(), t0 + (long) (timeLimit * 1e9), timeLimit, ctx::isCancelled);
        return FeffOutput.read(dir);
    }
}
