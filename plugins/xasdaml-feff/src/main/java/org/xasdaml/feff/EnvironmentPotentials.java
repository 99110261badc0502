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
 */
public final class EnvironmentPotentials {
    private EnvironmentPotentials() {
    }

    /**
     * Settings of the environment mode.
     *
     * @param groups    number of k-means groups of environments per sharing key
     * @param perGroup  representatives per group (sub-groups by k-means)
     * @param library   the potential library's folder, or null for {@code <work>/potentials}
     * @param seed      seed of the k-means seeding
     */
    public record Settings(int groups, int perGroup, Path library, long seed) {
        public Settings {
            if (groups < 1) {
                throw new IllegalArgumentException("number of environment groups must be at least 1, got " + groups);
            }
            if (perGroup < 1) {
                throw new IllegalArgumentException("representatives per group must be at least 1, got " + perGroup);
            }
        }

        /** This project's default: 10 groups of 2 representatives. */
        public static Settings defaults() {
            return new Settings(10, 2, null, 42);
        }

        /** The library folder for a work folder. */
        public Path libraryIn(Path workDir) {
            return library != null ? library : workDir.resolve("potentials");
        }
    }

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

    /** The sharing key: samples may share potentials only when the cards, radius and potentials list agree. */
    static String key(FeffInput in, double clusterRadius) {
        StringBuilder sb = new StringBuilder(String.join("; ", in.cards().lines()));
        sb.append(" | radius ").append(FeffCards.number(clusterRadius)).append(" | potentials");
        for (FeffInput.Potential p : in.potentials()) {
            sb.append(' ').append(p.ipot()).append(':').append(p.element().symbol()).append(':')
                    .append(FeffInput.stoichiometry(p.stoichiometry()));
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
            out.putAll(planKey(k.getKey(), k.getValue(), ids, inputs, desc, s, library, feff, timeLimit, ctx));
        }
        return out;
    }

    private static Map<SampleId, Choice> planKey(String key, List<Integer> members, List<SampleId> ids, List<FeffInput> inputs,
                                                 List<EnvironmentDescriptor> desc, Settings s, PotentialLibrary library,
                                                 FeffProgram feff, double timeLimit, StepContext ctx) {
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
        List<PotentialLibrary.Entry> made = ParallelSamples.map(todo, ids::get, "feff representative potential", c -> {
            try {
                return library.obtain(inputs.get(c), desc.get(c), "sample " + ids.get(c), feff, timeLimit, ctx::isCancelled);
            } catch (org.xasdaml.workflow.CancelledException e) {
                throw e;
            } catch (Exception e) {
                ctx.warn("feff: representative potentials of sample " + ids.get(c) + " failed (" + ParallelSamples.messageOf(e)
                        + "); its samples take the next nearest representative");
                return null;
            }
        }, ctx);
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
}
