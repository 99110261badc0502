package org.xasdaml.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve, as scikit-learn's {@code roc_auc_score}: for two classes the AUC of
 * the positive class's score; for more, the mean over classes of each class-versus-rest AUC
 * ({@code multi_class='ovr', average='macro'}).
 *
 * <p>Computed as the Mann–Whitney statistic: the probability that a random positive scores above
 * a random negative, ties counting one half, which equals the trapezoidal area under the ROC curve.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** AUC of scores for a binary truth. @throws IllegalArgumentException when only one class is present */
    public static double binary(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double rankSumPos = 0;
        long nPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    rankSumPos += midRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes in the truth");
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /**
     * Macro one-vs-rest AUC over the classes present in the truth.
     *
     * @param truth       class indices
     * @param probability rows of class probabilities
     */
    public static double macroOneVsRest(int[] truth, double[][] probability) {
        int k = probability[0].length;
        if (k == 2) {
            boolean[] pos = new boolean[truth.length];
            double[] s = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                pos[i] = truth[i] == 1;
                s[i] = probability[i][1];
            }
            return binary(pos, s);
        }
        double sum = 0;
        int used = 0;
        for (int c = 0; c < k; c++) {
            boolean[] pos = new boolean[truth.length];
            double[] s = new double[truth.length];
            int np = 0;
            for (int i = 0; i < truth.length; i++) {
                pos[i] = truth[i] == c;
                np += pos[i] ? 1 : 0;
                s[i] = probability[i][c];
            }
            if (np == 0 || np == truth.length) {
                continue;
            }
            sum += binary(pos, s);
            used++;
        }
        if (used == 0) {
            throw new IllegalArgumentException("ROC AUC needs at least two classes in the truth");
        }
        return sum / used;
    }
}
