package org.xasdaml.model;

import java.util.List;

/**
 * Random forests as a {@link Predictor}: for regression one forest per target, for classification
 * one forest whose leaves hold class fractions. The uncertainty is the spread of the trees.
 *
 * @param forests the forests (one per output column for regression, exactly one for classification)
 * @param task    regression or classification
 */
public record ForestEnsemble(List<Forest> forests, Task task) implements Predictor {
    public ForestEnsemble {
        forests = List.copyOf(forests);
        if (task == Task.CLASSIFICATION && forests.size() != 1) {
            throw new IllegalArgumentException("a classification forest predicts one target");
        }
    }

    @Override
    public Output predict(double[][] x) {
        int n = x.length;
        if (task == Task.CLASSIFICATION) {
            Forest f = forests.get(0);
            double[][][] perTree = new double[f.trees().size()][n][];
            for (int t = 0; t < perTree.length; t++) {
                for (int i = 0; i < n; i++) {
                    perTree[t][i] = f.trees().get(t).leaf(x[i]);
                }
            }
            return Predictor.summarise(perTree);
        }
        double[][] mean = new double[n][forests.size()];
        double[][] sd = new double[n][forests.size()];
        for (int j = 0; j < forests.size(); j++) {
            Forest f = forests.get(j);
            for (int i = 0; i < n; i++) {
                double[] v = f.perTree(x[i]);
                double s = 0;
                for (double d : v) {
                    s += d;
                }
                double mu = s / v.length;
                double q = 0;
                for (double d : v) {
                    q += (d - mu) * (d - mu);
                }
                mean[i][j] = mu;
                sd[i][j] = Math.sqrt(q / v.length);
            }
        }
        return new Output(mean, sd);
    }

    @Override
    public int members() {
        return forests.get(0).trees().size();
    }
}
