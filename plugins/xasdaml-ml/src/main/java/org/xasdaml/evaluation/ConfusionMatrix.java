package org.xasdaml.evaluation;

import java.util.List;

/**
 * Counts of true class (rows) against predicted class (columns), scikit-learn's
 * {@code confusion_matrix} with the model's class order.
 *
 * @param labels class names, in index order
 * @param counts counts[true][predicted]
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        counts = c;
    }

    public static ConfusionMatrix of(int[] truth, int[] prediction, List<String> labels) {
        int k = labels.size();
        int[][] c = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][prediction[i]]++;
        }
        return new ConfusionMatrix(labels, c);
    }

    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    @Override
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /** As text: a header of predicted labels, one row per true label. */
    public String toText() {
        StringBuilder sb = new StringBuilder("true\\pred");
        for (String l : labels) {
            sb.append(String.format(java.util.Locale.ROOT, "%7s", l));
        }
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%9s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(java.util.Locale.ROOT, "%7d", counts[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
