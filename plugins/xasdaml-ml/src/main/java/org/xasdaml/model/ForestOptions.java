package org.xasdaml.model;

/**
 * Hyperparameters of a random forest (Smile's {@code RandomForest.fit} arguments).
 *
 * @param trees     number of trees [150, the reference's grid-search best]
 * @param maxDepth  maximum depth of a tree [15]
 * @param mtry      features tried at each split; 0 = ⌊√p⌋ (scikit-learn's max_features='sqrt', the reference's best)
 * @param nodeSize  smallest number of distinct training samples a leaf keeps (scikit-learn's min_samples_leaf; Smile's node size) [5]
 * @param maxNodes  maximum leaves per tree; 0 = no limit beyond depth and node size
 * @param subsample fraction of samples drawn for each tree; 1 = bootstrap with replacement
 * @param seed      random seed; tree i uses seed + i
 */
public record ForestOptions(int trees, int maxDepth, int mtry, int nodeSize, int maxNodes, double subsample, long seed) {
    public ForestOptions {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be at least 1, got " + trees);
        }
        if (maxDepth < 2) {
            throw new IllegalArgumentException("maxDepth must be at least 2, got " + maxDepth);
        }
        if (mtry < 0 || nodeSize < 1 || maxNodes < 0) {
            throw new IllegalArgumentException("mtry >= 0, nodeSize >= 1 and maxNodes >= 0 required");
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
    }

    /** The reference's defaults (150 trees, depth 15, √p features). */
    public static ForestOptions defaults(long seed) {
        return new ForestOptions(150, 15, 0, 5, 0, 1.0, seed);
    }

    public ForestOptions withTrees(int t) {
        return new ForestOptions(t, maxDepth, mtry, nodeSize, maxNodes, subsample, seed);
    }

    public ForestOptions withSeed(long s) {
        return new ForestOptions(trees, maxDepth, mtry, nodeSize, maxNodes, subsample, s);
    }

    public ForestOptions with(int t, int depth, int m, int node) {
        return new ForestOptions(t, depth, m, node, maxNodes, subsample, seed);
    }

    int resolvedMtry(int p) {
        return mtry > 0 ? Math.min(mtry, p) : Math.max(1, (int) Math.floor(Math.sqrt(p)));
    }
}
