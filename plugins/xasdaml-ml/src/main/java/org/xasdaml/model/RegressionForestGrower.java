package org.xasdaml.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Grows a regression random forest directly into {@link Forest} arrays, with scikit-learn's
 * {@code RandomForestRegressor} rules: a bootstrap sample of n draws per tree (kept as weights,
 * the drawn samples' counts); at each node, features are drawn without replacement until
 * {@code mtry} non-constant ones have been tried (constant ones do not count); the best
 * threshold of each is found by sorting the node's samples along it and scanning the
 * squared-error criterion (proxy Σ_L² / W_L + Σ_R² / W_R, weighted); thresholds are midpoints;
 * values closer than 10⁻⁷ are not split; a node becomes a leaf at the maximum depth, below 2 or
 * below 2·minLeaf samples, or when its variance is below machine epsilon; every leaf keeps at
 * least {@code minLeaf} distinct samples; a leaf predicts the weighted mean of its samples.
 *
 * <p>Why not Smile's trainer (3.1.1, used before): at the reference's settings (150 trees, depth
 * 15, ⌊√p⌋ features, 1000 × 201 table, one thread) it took about 1.5× scikit-learn's time
 * (docs/benchmarks.md). Here each feature's values are replaced once per forest by their ranks,
 * so sorting a node's samples along a feature sorts packed 64-bit (rank, sample) keys with the
 * primitive sort, and samples are partitioned in place (no per-node allocation). Smile 4, which
 * has other splitters, needs Java 21.
 *
 * <p>Trees are grown in parallel on the current fork-join pool (a one-thread pool keeps it on one
 * thread); tree i uses the seed {@code seed + i}, so the forest does not depend on the schedule.
 */
final class RegressionForestGrower {
    /** scikit-learn's FEATURE_THRESHOLD: values closer than this are not split apart. */
    static final double FEATURE_THRESHOLD = 1e-7;
    /** scikit-learn's EPSILON: nodes with a smaller impurity are leaves. */
    static final double EPSILON = Math.ulp(1.0);

    private final int n;
    private final int p;
    /** Feature-major values, values[f][i]. */
    private final double[][] values;
    /** Dense ranks of values[f] (equal values share a rank). */
    private final int[][] ranks;
    private final double[] y;

    RegressionForestGrower(double[][] x, double[] y) {
        this.n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a forest needs at least 2 samples with one target each, got " + n
                    + " samples and " + y.length + " targets");
        }
        this.p = x[0].length;
        this.values = new double[p][n];
        this.ranks = new int[p][n];
        this.y = y.clone();
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("sample " + i + " has " + x[i].length + " features, expected " + p);
            }
            for (int f = 0; f < p; f++) {
                values[f][i] = x[i][f];
            }
        }
        double[] sorted = new double[n];
        for (int f = 0; f < p; f++) {
            double[] v = values[f];
            System.arraycopy(v, 0, sorted, 0, n);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || Double.compare(sorted[i], sorted[distinct - 1]) != 0) {
                    sorted[distinct++] = sorted[i];
                }
            }
            for (int i = 0; i < n; i++) {
                ranks[f][i] = Arrays.binarySearch(sorted, 0, distinct, v[i]);
            }
        }
    }

    /**
     * @param subsample 1: a bootstrap sample of n draws with replacement per tree; below 1: that
     *                  fraction of the samples (rounded), drawn without replacement (as Smile)
     */
    Forest grow(int trees, int mtry, int maxDepth, int minLeaf, double subsample, long seed) {
        List<Forest.Tree> list = IntStream.range(0, trees).parallel()
                .mapToObj(t -> new TreeBuilder(mtry, maxDepth, minLeaf, subsample, new SplittableRandom(seed + t)).build())
                .toList();
        return new Forest(p, 1, new ArrayList<>(list));
    }

    /** One tree's working state; not shared between threads. */
    private final class TreeBuilder {
        final int mtry;
        final int maxDepth;
        final int minLeaf;
        final SplittableRandom rnd;
        final double[] w = new double[n];
        final int[] samples;
        final long[] keys;
        final int[] features;
        final int[] stackStart;
        final int[] stackEnd;
        final int[] stackDepth;
        final int[] stackNode;
        int[] feature;
        double[] threshold;
        int[] left;
        int[] right;
        double[] value;
        int count;

        TreeBuilder(int mtry, int maxDepth, int minLeaf, double subsample, SplittableRandom rnd) {
            this.mtry = mtry;
            this.maxDepth = maxDepth;
            this.minLeaf = minLeaf;
            this.rnd = rnd;
            if (subsample >= 1) {
                for (int i = 0; i < n; i++) {
                    w[rnd.nextInt(n)] += 1;
                }
            } else {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                int draw = Math.max(1, (int) Math.round(n * subsample));
                for (int i = 0; i < draw; i++) {
                    int j = i + rnd.nextInt(n - i);
                    int t = perm[j];
                    perm[j] = perm[i];
                    perm[i] = t;
                    w[t] = 1;
                }
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0) {
                    m++;
                }
            }
            samples = new int[m];
            m = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0) {
                    samples[m++] = i;
                }
            }
            keys = new long[m];
            features = new int[p];
            for (int f = 0; f < p; f++) {
                features[f] = f;
            }
            int cap = 2 * m + 1;
            feature = new int[cap];
            threshold = new double[cap];
            left = new int[cap];
            right = new int[cap];
            value = new double[cap];
            stackStart = new int[maxDepth + 2];
            stackEnd = new int[maxDepth + 2];
            stackDepth = new int[maxDepth + 2];
            stackNode = new int[maxDepth + 2];
        }

        Forest.Tree build() {
            count = 1;
            int top = 0;
            stackStart[0] = 0;
            stackEnd[0] = samples.length;
            stackDepth[0] = 0;
            stackNode[0] = 0;
            top = 1;
            while (top > 0) {
                top--;
                int s = stackStart[top];
                int e = stackEnd[top];
                int depth = stackDepth[top];
                int node = stackNode[top];
                int mid = split(node, s, e, depth);
                if (mid < 0) {
                    continue;
                }
                int l = count++;
                int r = count++;
                left[node] = l;
                right[node] = r;
                // right pushed first so the left subtree is grown first (any order gives the same tree)
                stackStart[top] = mid;
                stackEnd[top] = e;
                stackDepth[top] = depth + 1;
                stackNode[top] = r;
                top++;
                stackStart[top] = s;
                stackEnd[top] = mid;
                stackDepth[top] = depth + 1;
                stackNode[top] = l;
                top++;
            }
            int[] f = Arrays.copyOf(feature, count);
            double[][] out = new double[count][];
            for (int i = 0; i < count; i++) {
                out[i] = f[i] < 0 ? new double[] {value[i]} : new double[0];
            }
            return new Forest.Tree(f, Arrays.copyOf(threshold, count), Arrays.copyOf(left, count),
                    Arrays.copyOf(right, count), out);
        }

        /**
         * Makes {@code node} a leaf or splits it; on a split the node's samples in [s, e) are
         * partitioned in place and the index of the first right-hand sample is returned, else −1.
         */
        int split(int node, int s, int e, int depth) {
            int m = e - s;
            double wSum = 0;
            double ySum = 0;
            double y2Sum = 0;
            for (int i = s; i < e; i++) {
                int k = samples[i];
                double wk = w[k];
                wSum += wk;
                ySum += wk * y[k];
                y2Sum += wk * y[k] * y[k];
            }
            double mean = ySum / wSum;
            feature[node] = -1;
            value[node] = mean;
            if (depth >= maxDepth || m < 2 || m < 2 * minLeaf || y2Sum / wSum - mean * mean <= EPSILON) {
                return -1;
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            double bestThreshold = 0;
            int visited = 0;
            for (int drawn = 0; drawn < p && visited < mtry; drawn++) {
                int j = drawn + rnd.nextInt(p - drawn);
                int f = features[j];
                features[j] = features[drawn];
                features[drawn] = f;
                int[] rf = ranks[f];
                for (int i = 0; i < m; i++) {
                    int k = samples[s + i];
                    keys[i] = ((long) rf[k] << 32) | k;
                }
                Arrays.sort(keys, 0, m);
                if ((keys[0] >>> 32) == (keys[m - 1] >>> 32)) {
                    continue; // constant in this node: does not count towards mtry
                }
                visited++;
                double[] v = values[f];
                double wl = 0;
                double sl = 0;
                int last = m - minLeaf; // left part may hold at most m - minLeaf samples
                for (int i = 0; i < last; i++) {
                    int k = (int) keys[i];
                    wl += w[k];
                    sl += w[k] * y[k];
                    if (i + 1 < minLeaf) {
                        continue;
                    }
                    int kn = (int) keys[i + 1];
                    if (v[kn] <= v[k] + FEATURE_THRESHOLD) {
                        continue;
                    }
                    double sr = ySum - sl;
                    double proxy = sl * sl / wl + sr * sr / (wSum - wl);
                    if (proxy > best) {
                        best = proxy;
                        bestFeature = f;
                        double t = 0.5 * (v[k] + v[kn]);
                        bestThreshold = (t == v[kn] || Double.isInfinite(t)) ? v[k] : t;
                    }
                }
            }
            if (bestFeature < 0) {
                return -1;
            }
            double[] v = values[bestFeature];
            int i = s;
            int j = e - 1;
            while (i <= j) {
                if (v[samples[i]] <= bestThreshold) {
                    i++;
                } else {
                    int t = samples[i];
                    samples[i] = samples[j];
                    samples[j] = t;
                    j--;
                }
            }
            feature[node] = bestFeature;
            threshold[node] = bestThreshold;
            return i;
        }
    }
}
