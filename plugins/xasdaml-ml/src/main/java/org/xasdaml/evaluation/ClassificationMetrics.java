package org.xasdaml.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification scores (paper module M12) with scikit-learn's definitions: accuracy
 * ({@code accuracy_score}); per-class precision, recall and F1 with 0 where undefined
 * ({@code precision_recall_fscore_support(zero_division=0)}); their macro means over the classes
 * that occur in the truth or the predictions, and the support-weighted F1; ROC AUC, macro
 * one-vs-rest ({@link RocAuc}); and the confusion matrix.
 *
 * @param n              samples
 * @param accuracy       fraction predicted right
 * @param precisionMacro mean precision over classes seen
 * @param recallMacro    mean recall over classes seen
 * @param f1Macro        mean F1 over classes seen
 * @param f1Weighted     F1 weighted by support
 * @param precision      per class
 * @param recall         per class
 * @param f1             per class
 * @param support        true samples per class
 * @param rocAuc         macro one-vs-rest ROC AUC (NaN without probabilities)
 * @param confusion      confusion matrix
 */
public record ClassificationMetrics(int n, double accuracy, double precisionMacro, double recallMacro, double f1Macro,
                                    double f1Weighted, double[] precision, double[] recall, double[] f1, int[] support,
                                    double rocAuc, ConfusionMatrix confusion) {

    /**
     * @param truth       true class indices 0..k-1
     * @param prediction  predicted class indices
     * @param probability class probabilities per sample, or null
     * @param labels      class names (k of them)
     */
    public static ClassificationMetrics of(int[] truth, int[] prediction, double[][] probability, List<String> labels) {
        int n = truth.length;
        int k = labels.size();
        if (n == 0 || prediction.length != n) {
            throw new IllegalArgumentException("need equally many (>0) true and predicted classes");
        }
        ConfusionMatrix cm = ConfusionMatrix.of(truth, prediction, labels);
        int[][] c = cm.counts();
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        int[] support = new int[k];
        int correct = 0;
        double sp = 0;
        double sr = 0;
        double sf = 0;
        double wf = 0;
        int seen = 0;
        for (int j = 0; j < k; j++) {
            int tp = c[j][j];
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < k; i++) {
                predicted += c[i][j];
                actual += c[j][i];
            }
            correct += tp;
            support[j] = actual;
            p[j] = predicted == 0 ? 0 : (double) tp / predicted;
            r[j] = actual == 0 ? 0 : (double) tp / actual;
            f[j] = p[j] + r[j] == 0 ? 0 : 2 * p[j] * r[j] / (p[j] + r[j]);
            if (predicted > 0 || actual > 0) {
                sp += p[j];
                sr += r[j];
                sf += f[j];
                seen++;
            }
            wf += f[j] * actual;
        }
        double auc = probability == null ? Double.NaN : RocAuc.macroOneVsRest(truth, probability);
        return new ClassificationMetrics(n, (double) correct / n, sp / seen, sr / seen, sf / seen, wf / n, p, r, f, support,
                auc, cm);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", accuracy);
        m.put("precision_macro", precisionMacro);
        m.put("recall_macro", recallMacro);
        m.put("f1_macro", f1Macro);
        m.put("f1_weighted", f1Weighted);
        m.put("roc_auc_ovr_macro", rocAuc);
        m.put("labels", confusion.labels());
        m.put("precision", precision.clone());
        m.put("recall", recall.clone());
        m.put("f1", f1.clone());
        m.put("support", support.clone());
        List<Object> rows = new java.util.ArrayList<>();
        for (int[] row : confusion.counts()) {
            rows.add(row);
        }
        m.put("confusion_matrix", rows);
        return m;
    }
}
