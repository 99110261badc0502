package org.xasdaml.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded k-fold assignment of rows that keeps each group (a source sample and its augmented
 * variants, or an MD run) within one fold: the variants of one spectrum are near copies, and a model
 * that trained on one of them predicts the others far better than a new spectrum, so a fold that
 * splits them would make held-out residuals optimistic.
 */
public final class Folds {
    private Folds() {
    }

    /**
     * The fold (0 … k−1) of each row: the distinct groups, in order of first appearance, are shuffled
     * (Fisher–Yates with {@link SplittableRandom}(seed)) and dealt into k folds of equal size ± 1 group.
     *
     * @throws IllegalArgumentException when there are fewer groups than folds
     */
    public static int[] assign(String[] groups, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + k);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String g : groups) {
            index.putIfAbsent(g, index.size());
        }
        int n = index.size();
        if (n < k) {
            throw new IllegalArgumentException(String.format(
                    "%d folds need at least %d samples (source samples or groups) in training and validation, got %d", k, k, n));
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] foldOfGroup = new int[n];
        for (int i = 0; i < n; i++) {
            foldOfGroup[perm[i]] = (int) ((long) i * k / n);
        }
        int[] fold = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            fold[i] = foldOfGroup[index.get(groups[i])];
        }
        return fold;
    }
}
