package org.xasdaml.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import smile.base.cart.CART;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A trained random forest held as plain arrays: per tree, each node's split feature and threshold
 * ({@code x[feature] <= threshold} goes left), its children, and for leaves an output vector (the
 * regression value, or the class fractions of the training samples in the leaf).
 *
 * <p>Why not keep Smile's objects: Smile's models persist only through Java serialisation, which
 * ties a saved file to the library's class layout and can run code when read. The trees are
 * copied out of Smile through its public API ({@link InternalNode#feature()},
 * {@link InternalNode#trueChild()}, {@link RegressionNode#output()}, {@link DecisionNode#count()}); the
 * split value of an {@link OrdinalNode} has no getter, so it is recovered exactly by bisection on the
 * bit patterns of doubles with the public {@code branch(Tuple)} test (64 probes per node). The
 * forest then predicts by itself and is written as a small binary format ({@link #write}).
 *
 * <p>Prediction averages the trees' leaf outputs (for classes: the mean of leaf class fractions,
 * as scikit-learn's {@code RandomForestClassifier.predict_proba}); the spread between trees is the
 * uncertainty.
 *
 * @param nFeatures number of input features
 * @param nOutputs  length of each leaf's output (1 for regression, the number of classes otherwise)
 * @param trees     the trees
 */
public record Forest(int nFeatures, int nOutputs, List<Tree> trees) {

    public Forest {
        trees = List.copyOf(trees);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
    }

    /**
     * One tree. Node 0 is the root. For an internal node {@code feature >= 0}; for a leaf
     * {@code feature == -1} and {@code output[node]} holds its output vector.
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[][] output) {
        public Tree {
            int n = feature.length;
            if (threshold.length != n || left.length != n || right.length != n || output.length != n) {
                throw new IllegalArgumentException("tree arrays differ in length");
            }
        }

        /** The output vector of the leaf the sample reaches. */
        public double[] leaf(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return output[node];
        }

        public int nodes() {
            return feature.length;
        }
    }

    /** Mean of the trees' outputs for one sample. */
    public double[] predict(double[] x) {
        double[] sum = new double[nOutputs];
        for (Tree t : trees) {
            double[] o = t.leaf(x);
            for (int j = 0; j < nOutputs; j++) {
                sum[j] += o[j];
            }
        }
        for (int j = 0; j < nOutputs; j++) {
            sum[j] /= trees.size();
        }
        return sum;
    }

    /** Each tree's first output for one sample (regression: the per-tree predictions). */
    public double[] perTree(double[] x) {
        double[] v = new double[trees.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = trees.get(i).leaf(x)[0];
        }
        return v;
    }

    /** Copies a trained Smile tree (regression or classification) into arrays. */
    public static Tree copy(CART cart, int nFeatures, int nOutputs) {
        StructType schema = cart instanceof smile.regression.RegressionTree rt ? rt.schema()
                : ((smile.classification.DecisionTree) cart).schema();
        List<Node> nodes = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        nodes.add(cart.root());
        children.add(null);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof InternalNode in) {
                int l = nodes.size();
                nodes.add(in.trueChild());
                children.add(null);
                int r = nodes.size();
                nodes.add(in.falseChild());
                children.add(null);
                children.set(i, new int[]{l, r});
            }
        }
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[][] output = new double[n][];
        double[] probe = new double[schema.length()];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node instanceof OrdinalNode on) {
                feature[i] = on.feature();
                if (feature[i] >= nFeatures) {
                    throw new IllegalStateException("tree splits on column " + feature[i] + " of " + nFeatures);
                }
                threshold[i] = splitValue(on, probe, schema);
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
                output[i] = new double[0];
            } else if (node instanceof RegressionNode rn) {
                feature[i] = -1;
                output[i] = new double[]{rn.output()};
            } else if (node instanceof DecisionNode dn) {
                feature[i] = -1;
                int[] count = dn.count();
                double total = 0;
                for (int c : count) {
                    total += c;
                }
                double[] frac = new double[nOutputs];
                for (int c = 0; c < Math.min(count.length, nOutputs); c++) {
                    frac[c] = total > 0 ? count[c] / total : 0;
                }
                output[i] = frac;
            } else {
                throw new IllegalStateException("unsupported tree node " + node.getClass().getName()
                        + " (only numeric splits are used for spectra)");
            }
        }
        return new Tree(feature, threshold, left, right, output);
    }

    /** The largest double d for which the node sends x[feature] = d to its true (left) child. */
    static double splitValue(OrdinalNode node, double[] probe, StructType schema) {
        int f = node.feature();
        long lo = sortable(-Double.MAX_VALUE);
        long hi = sortable(Double.MAX_VALUE);
        probe[f] = -Double.MAX_VALUE;
        if (!node.branch(Tuple.of(probe.clone(), schema))) {
            throw new IllegalStateException("split below the smallest double");
        }
        while (lo != hi) {
            long mid = lo + ((hi - lo) >>> 1) + 1;
            probe[f] = fromSortable(mid);
            if (node.branch(Tuple.of(probe.clone(), schema))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return fromSortable(lo);
    }

    private static long sortable(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromSortable(long s) {
        return Double.longBitsToDouble(s >= 0 ? s : s ^ Long.MAX_VALUE);
    }

    private static final int MAGIC = 0x58464F52; // "XFOR"
    private static final int VERSION = 1;

    /**
     * Writes the forest: int magic "XFOR", int version, int nFeatures, int nOutputs, int trees; per
     * tree int nodes, then per node int feature, double threshold, int left, int right, and for
     * leaves nOutputs doubles. Big-endian ({@link DataOutputStream}).
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(nFeatures);
        out.writeInt(nOutputs);
        out.writeInt(trees.size());
        for (Tree t : trees) {
            out.writeInt(t.nodes());
            for (int i = 0; i < t.nodes(); i++) {
                out.writeInt(t.feature[i]);
                out.writeDouble(t.threshold[i]);
                out.writeInt(t.left[i]);
                out.writeInt(t.right[i]);
                if (t.feature[i] < 0) {
                    for (int j = 0; j < nOutputs; j++) {
                        out.writeDouble(t.output[i][j]);
                    }
                }
            }
        }
        out.flush();
    }

    /** Reads what {@link #write} wrote. */
    public static Forest read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a forest (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("forest format version " + version + " is not supported (expected " + VERSION + ")");
        }
        int nFeatures = in.readInt();
        int nOutputs = in.readInt();
        int nTrees = in.readInt();
        // counts are checked against the bytes left before anything is allocated from them (the
        // stream is an in-memory entry, so available() is exact): a crafted header cannot claim 1e9 nodes
        if (nFeatures < 0 || nOutputs < 0 || nOutputs > in.available() / 8 || nTrees < 0 || nTrees > in.available() / 4) {
            throw new IOException("corrupt forest: " + nTrees + " trees of " + nOutputs + " outputs do not fit in its "
                    + in.available() + " bytes");
        }
        List<Tree> trees = new ArrayList<>(nTrees);
        for (int k = 0; k < nTrees; k++) {
            int n = in.readInt();
            if (n < 0 || n > in.available() / 20) {
                throw new IOException("corrupt forest: tree " + k + " claims " + n + " nodes, more than its bytes hold");
            }
            int[] feature = new int[n];
            double[] threshold = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[][] output = new double[n][];
            for (int i = 0; i < n; i++) {
                feature[i] = in.readInt();
                threshold[i] = in.readDouble();
                left[i] = in.readInt();
                right[i] = in.readInt();
                output[i] = new double[feature[i] < 0 ? nOutputs : 0];
                for (int j = 0; j < output[i].length; j++) {
                    output[i][j] = in.readDouble();
                }
                if (feature[i] >= nFeatures || (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n))) {
                    throw new IOException("corrupt forest: tree " + k + " node " + i);
                }
            }
            trees.add(new Tree(feature, threshold, left, right, output));
        }
        return new Forest(nFeatures, nOutputs, trees);
    }
}
