package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Division of a dataset into training, validation and test sets (paper M8).
 *
 * <p>{@link #random}: the reference's rule: n_train = ⌊f_train·N⌋, n_valid = ⌊f_valid·N⌋, the
 * rest is test; the positions 0..N-1 are shuffled by NumPy's legacy Mersenne Twister seeded with
 * {@code seed} ({@link MersenneTwister}), and the first n_train shuffled positions are training,
 * the next n_valid validation. With seed 42 and the same sample order this reproduces the
 * reference's sets exactly.
 *
 * <p>{@link #byGroup}: whole groups (an MD run, a temperature) go to one set, so that near-identical
 * consecutive frames cannot sit on both sides of a split. The distinct groups (in order of first
 * appearance) are shuffled the same way, then assigned in that order to training until it holds
 * at least f_train·N samples, then to validation until the two hold at least (f_train +
 * f_valid)·N, the rest to test. Set sizes therefore follow the fractions only as closely as
 * group sizes allow.
 */
public final class DatasetSplit {
    /** Set names, as written in the "set" column. */
    public static final String TRAIN = "train";
    public static final String VALID = "valid";
    public static final String TEST = "test";

    private DatasetSplit() {
    }

    /**
     * @param train fraction for training (0.7)
     * @param valid fraction for validation (0.2); test gets the rest
     */
    public record Fractions(double train, double valid, double test) {
        public Fractions {
            if (train <= 0 || valid < 0 || test < 0 || Math.abs(train + valid + test - 1) > 1e-9) {
                throw new IllegalArgumentException("split fractions must be non-negative, training positive, and sum to 1; got "
                        + train + ", " + valid + ", " + test);
            }
        }
    }

    /** The set of each of n samples, in their order. */
    public static String[] random(int n, Fractions f, long seed) {
        int nTrain = (int) Math.floor(f.train() * n + 1e-9);
        int nValid = (int) Math.floor(f.valid() * n + 1e-9);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        new MersenneTwister(seed).shuffle(idx);
        String[] set = new String[n];
        for (int p = 0; p < n; p++) {
            set[idx[p]] = p < nTrain ? TRAIN : p < nTrain + nValid ? VALID : TEST;
        }
        return set;
    }

    /** The set of each sample, whole groups to one set. @param groups group label of each sample */
    public static String[] byGroup(String[] groups, Fractions f, long seed) {
        int n = groups.length;
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (groups[i] == null || groups[i].isBlank()) {
                throw new IllegalArgumentException("sample at row " + i + " has no group");
            }
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<String> names = new ArrayList<>(members.keySet());
        int[] order = new int[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new MersenneTwister(seed).shuffle(order);
        String[] set = new String[n];
        double trainTarget = f.train() * n;
        double validTarget = (f.train() + f.valid()) * n;
        int assigned = 0;
        for (int g : order) {
            String s = assigned < trainTarget - 1e-9 ? TRAIN : assigned < validTarget - 1e-9 ? VALID : TEST;
            for (int i : members.get(names.get(g))) {
                set[i] = s;
            }
            assigned += members.get(names.get(g)).size();
        }
        return set;
    }

    /** Counts per set, in the order train, valid, test. */
    public static int[] counts(String[] sets) {
        int[] c = new int[3];
        for (String s : sets) {
            c[s.equals(TRAIN) ? 0 : s.equals(VALID) ? 1 : 2]++;
        }
        return c;
    }

    static List<String> names() {
        return Arrays.asList(TRAIN, VALID, TEST);
    }
}
