package org.xasdaml.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.CART;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Trains random forests into {@link Forest} arrays: regression forests with the project's own
 * {@link RegressionForestGrower} (scikit-learn's rules, faster than Smile's trainer; Smile only
 * when a leaf limit {@code maxNodes} is set, which the grower does not implement), classification
 * forests with Smile, whose trees are copied.
 *
 * <p>Smile grows the trees in parallel on Java's common fork-join pool; with one seed per tree
 * ({@code seed + i}) the result does not depend on the thread schedule.
 */
public final class ForestTrainer {
    private ForestTrainer() {
    }

    private static final String RESPONSE = "y";

    /** One regression forest on a single target. */
    public static Forest regression(double[][] x, double[] y, ForestOptions o) {
        if (o.maxNodes() == 0) {
            return new RegressionForestGrower(x, y).grow(o.trees(), o.resolvedMtry(x[0].length), o.maxDepth(), o.nodeSize(),
                    o.subsample(), o.seed());
        }
        return smileForest(x, y, o);
    }

    /** Smile's regression forest, copied (the former trainer; kept for maxNodes and for comparison). */
    static Forest smileForest(double[][] x, double[] y, ForestOptions o) {
        DataFrame df = frame(x).merge(DoubleVector.of(RESPONSE, y));
        int p = x[0].length;
        smile.regression.RandomForest rf = smile.regression.RandomForest.fit(Formula.lhs(RESPONSE), df, o.trees(),
                o.resolvedMtry(p), o.maxDepth(), maxNodes(o, x.length), o.nodeSize(), o.subsample(), seeds(o));
        List<Forest.Tree> trees = new ArrayList<>();
        for (CART t : rf.trees()) {
            trees.add(Forest.copy(t, p, 1));
        }
        return new Forest(p, 1, trees);
    }

    /** One classification forest; {@code classes} are class indices 0..k-1. */
    public static Forest classification(double[][] x, int[] classes, int k, ForestOptions o) {
        DataFrame df = frame(x).merge(IntVector.of(RESPONSE, classes));
        int p = x[0].length;
        int[] weight = new int[k];
        Arrays.fill(weight, 1);
        smile.classification.RandomForest rf = smile.classification.RandomForest.fit(Formula.lhs(RESPONSE), df, o.trees(),
                o.resolvedMtry(p), SplitRule.GINI, o.maxDepth(), maxNodes(o, x.length), o.nodeSize(), o.subsample(), weight,
                seeds(o));
        List<Forest.Tree> trees = new ArrayList<>();
        for (CART t : rf.trees()) {
            trees.add(Forest.copy(t, p, k));
        }
        return new Forest(p, k, trees);
    }

    private static int maxNodes(ForestOptions o, int n) {
        return o.maxNodes() > 0 ? o.maxNodes() : Math.max(2, n);
    }

    private static LongStream seeds(ForestOptions o) {
        return LongStream.range(0, o.trees()).map(i -> o.seed() + i);
    }

    static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "f" + j;
        }
        return DataFrame.of(x, names);
    }
}
