package org.xasdaml.curation.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Principal component analysis (paper M6): the directions of largest variance of centred data,
 * as scikit-learn's {@code PCA(svd_solver="full")}.
 *
 * <p>Procedure: 1. subtract the column means; 2. eigen-decompose the smaller of the two Gram
 * matrices, {@code XᵀX} (features x features) or {@code XXᵀ} (samples x samples), whose
 * eigenvalues are the squared singular values of X (commons-math3 {@link EigenDecomposition};
 * a full SVD of a 10 000 x 1000 spectra matrix would be much slower and the leading components,
 * the only ones of interest, lose nothing measurable: fixtures agree with scikit-learn to 1e-9),
 * entirely ({@link Solver#FULL}) or, for a few components of a large matrix, only its leading
 * eigenvectors by seeded randomized subspace iteration ({@link Solver#RANDOMIZED}, what
 * scikit-learn's {@code svd_solver='auto'} picks there);
 * 3. explained variance = s²/(n-1), ratio = that over the total variance; 4. signs fixed as
 * scikit-learn's {@code svd_flip(u_based_decision=True)}: each component is oriented so that
 * the sample with the largest absolute score has a positive score.
 *
 * @param mean                   column means of the training data
 * @param components             components x features, unit rows
 * @param explainedVariance      variance along each component
 * @param explainedVarianceRatio fraction of the total variance along each component
 * @param totalVariance          sum of the feature variances (ddof = 1)
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] explainedVariance,
                                  double[] explainedVarianceRatio, double totalVariance) {

    /** Seed of the randomized solver when {@link #fit(double[][], int)} picks it. */
    public static final long DEFAULT_SEED = 0;

    /**
     * How the leading eigenvectors of the Gram matrix are found (scikit-learn's {@code svd_solver}).
     * Measured on a 1000 x 201 spectra table, 2 components, one thread: FULL 37 ms (commons-math
     * eigen-decomposition of the whole 201 x 201 matrix, most of it), RANDOMIZED see
     * docs/benchmarks.md.
     */
    public enum Solver {
        /** Full eigen-decomposition (commons-math): every component, exact; the parity tests use it. */
        FULL,
        /**
         * Randomized subspace iteration, Halko, Martinsson and Tropp (2011) as scikit-learn's
         * {@code randomized_svd}: k + 10 seeded Gaussian start vectors, power iterations (7 if
         * k &lt; 0.1·min(n, p), else 4, scikit-learn's {@code iterated_power='auto'}), each followed
         * by re-orthonormalisation, then Rayleigh-Ritz on the small projected matrix.
         */
        RANDOMIZED,
        /** scikit-learn's rule for {@code svd_solver='auto'}: RANDOMIZED if max(n, p) &gt; 500 and k &lt; 0.8·min(n, p). */
        AUTO
    }

    public PrincipalComponents {
        mean = mean.clone();
        components = deepCopy(components);
        explainedVariance = explainedVariance.clone();
        explainedVarianceRatio = explainedVarianceRatio.clone();
        if (components.length != explainedVariance.length || components.length != explainedVarianceRatio.length) {
            throw new IllegalArgumentException("PCA: " + components.length + " components but "
                    + explainedVariance.length + " variances");
        }
        for (double[] c : components) {
            if (c.length != mean.length) {
                throw new IllegalArgumentException("PCA: a component has " + c.length + " values for " + mean.length + " features");
            }
        }
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] components() {
        return deepCopy(components);
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    public int count() {
        return components.length;
    }

    public int features() {
        return mean.length;
    }

    /**
     * Fits on rows (samples) of {@code x}.
     *
     * @param nComponents how many to keep; 0 keeps min(samples, features)
     */
    public static PrincipalComponents fit(double[][] x, int nComponents) {
        return fit(x, nComponents, Solver.AUTO, DEFAULT_SEED);
    }

    /**
     * Fits on rows (samples) of {@code x} with the given solver.
     *
     * @param nComponents how many to keep; 0 keeps min(samples, features)
     * @param solver      {@link Solver#FULL} (exact), {@link Solver#RANDOMIZED}, or {@link Solver#AUTO}
     * @param seed        seed of the randomized solver's start vectors (unused by the exact one)
     */
    public static PrincipalComponents fit(double[][] x, int nComponents, Solver solver, long seed) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 samples, got " + n);
        }
        int m = x[0].length;
        validate(x, m);
        int rank = Math.min(n, m);
        int keep = nComponents == 0 ? rank : nComponents;
        if (keep < 1 || keep > rank) {
            throw new IllegalArgumentException("PCA: " + nComponents + " components requested, at most min(samples, features) = "
                    + rank + " exist");
        }
        double[] mean = means(x, m);
        boolean randomized = switch (solver) {
            case FULL -> false;
            case RANDOMIZED -> true;
            case AUTO -> Math.max(n, m) > 500 && keep < 0.8 * rank;
        };
        // eigen-decompose the smaller Gram matrix: its eigenvalues are the squared singular values
        boolean features = m <= n;
        // the centred copy is only made for the sample Gram matrix (n < p, few samples): measured, for
        // 1000 x 201 allocating it took longer than the whole rest of the fit (fresh memory, page faults)
        double[][] c = features ? null : centred(x, mean);
        double[][] g = features ? covarianceGram(x, mean) : gram(c);
        // the total sum of squares is the trace of either Gram matrix: no separate pass over x
        double trace = 0;
        for (int i = 0; i < g.length; i++) {
            trace += g[i][i];
        }
        double total = trace / (n - 1);
        double[] s2 = new double[keep];
        double[][] vecs = new double[keep][];
        if (randomized) {
            leadingEigenpairs(g, keep, seed, s2, vecs);
        } else {
            EigenDecomposition ed = new EigenDecomposition(MatrixUtils.createRealMatrix(g));
            Integer[] order = descending(ed.getRealEigenvalues());
            for (int k = 0; k < keep; k++) {
                s2[k] = Math.max(0, ed.getRealEigenvalue(order[k]));
                vecs[k] = ed.getEigenvector(order[k]).toArray();
            }
        }
        double[][] vt = new double[keep][];
        for (int k = 0; k < keep; k++) {
            if (features) {
                vt[k] = vecs[k];
            } else {
                double[] u = vecs[k];
                double s = Math.sqrt(s2[k]);
                double[] v = new double[m];
                for (int i = 0; i < n; i++) {
                    double ui = u[i];
                    double[] ci = c[i]; // c exists: this is the n < p branch
                    for (int j = 0; j < m; j++) {
                        v[j] += ci[j] * ui;
                    }
                }
                for (int j = 0; j < m; j++) {
                    v[j] = s > 0 ? v[j] / s : 0;
                }
                vt[k] = v;
            }
        }
        double[] ev = new double[keep];
        double[] ratio = new double[keep];
        for (int k = 0; k < keep; k++) {
            // orientation as scikit-learn's svd_flip(u_based_decision=True)
            if (largestScoreSign(x, mean, vt[k]) < 0) {
                for (int j = 0; j < m; j++) {
                    vt[k][j] = -vt[k][j];
                }
            }
            ev[k] = s2[k] / (n - 1);
            ratio[k] = total > 0 ? ev[k] / total : 0;
        }
        return new PrincipalComponents(mean, vt, ev, ratio, total);
    }

    /**
     * The smallest number of leading components whose cumulative explained variance ratio
     * exceeds {@code fraction} (scikit-learn's rule for {@code 0 < n_components < 1}).
     */
    public static int componentsFor(double[] ratios, double fraction) {
        double cum = 0;
        for (int k = 0; k < ratios.length; k++) {
            cum += ratios[k];
            if (cum > fraction) {
                return k + 1;
            }
        }
        return ratios.length;
    }

    /** Keeps the first {@code k} components. */
    public PrincipalComponents truncate(int k) {
        if (k < 1 || k > components.length) {
            throw new IllegalArgumentException("cannot keep " + k + " of " + components.length + " components");
        }
        return new PrincipalComponents(mean, Arrays.copyOf(components, k), Arrays.copyOf(explainedVariance, k),
                Arrays.copyOf(explainedVarianceRatio, k), totalVariance);
    }

    /** Scores of one sample: (x - mean) projected on each component. */
    public double[] transform(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("PCA fitted on " + mean.length + " features, got " + x.length);
        }
        double[] s = new double[components.length];
        for (int k = 0; k < components.length; k++) {
            double acc = 0;
            double[] v = components[k];
            for (int j = 0; j < x.length; j++) {
                acc += (x[j] - mean[j]) * v[j];
            }
            s[k] = acc;
        }
        return s;
    }

    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = transform(x[i]);
        }
        return out;
    }

    /** As JSON-ready maps and lists. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("components", Arrays.asList(components));
        m.put("explained_variance", explainedVariance);
        m.put("explained_variance_ratio", explainedVarianceRatio);
        m.put("total_variance", totalVariance);
        return m;
    }

    public static PrincipalComponents fromJson(Map<String, Object> m) {
        List<?> comps = (List<?>) m.get("components");
        double[][] c = new double[comps.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = JsonArrays.doubles(comps.get(i));
        }
        return new PrincipalComponents(JsonArrays.doubles(m.get("mean")), c, JsonArrays.doubles(m.get("explained_variance")),
                JsonArrays.doubles(m.get("explained_variance_ratio")), ((Number) m.get("total_variance")).doubleValue());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** rows · rowsᵀ, symmetric, computed on the upper triangle. */
    private static double[][] gram(double[][] rows) {
        int n = rows.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = dot(rows[i], rows[j]);
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    // fit() in small steps; for n >= p no centred copy of x is made (see fit)

    private static void validate(double[][] x, int m) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != m) {
                throw new IllegalArgumentException("PCA: sample " + i + " has " + x[i].length + " features, expected " + m);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("PCA: sample " + i + " has a non-finite value");
                }
            }
        }
    }

    /** Sign of the score (x_i − mean)·v with the largest magnitude (the first such sample on ties), for the orientation. */
    private static double largestScoreSign(double[][] x, double[] mean, double[] v) {
        double offset = dot(mean, v);
        double best = -1;
        double sign = 1;
        for (double[] xi : x) {
            double score = dot(xi, v) - offset;
            if (Math.abs(score) > best + 1e-12 * Math.max(1, best)) {
                best = Math.abs(score);
                sign = score < 0 ? -1 : 1;
            }
        }
        return sign;
    }

    private static double[] means(double[][] x, int m) {
        double[] mean = new double[m];
        for (double[] r : x) {
            for (int j = 0; j < m; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= x.length;
        }
        return mean;
    }

    private static double[][] centred(double[][] x, double[] mean) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double[] ci = new double[mean.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = xi[j] - mean[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * (x − mean)ᵀ(x − mean) (p x p) as a sum of outer products of the centred rows, {@link #BLOCK}
     * rows at a time (centred into a small buffer): the inner loop is a contiguous multiply-add the
     * JIT vectorises, and each pass over the p x p accumulator serves a block of rows. Measured on
     * the 1000 x 201 bench table, one thread: p²/2 scalar dot products of length n about 6 ms,
     * blocks of 4 rows 2.1 ms, blocks of 8 rows (one accumulator load/store per 8 multiply-adds)
     * see docs/benchmarks.md.
     */
    private static double[][] covarianceGram(double[][] x, double[] mean) {
        int m = mean.length;
        double[][] g = new double[m][m];
        double[][] buf = new double[BLOCK][m];
        int n = x.length;
        int r = 0;
        for (; r + BLOCK <= n; r += BLOCK) {
            for (int b = 0; b < BLOCK; b++) {
                double[] xb = x[r + b];
                double[] cb = buf[b];
                for (int j = 0; j < m; j++) {
                    cb[j] = xb[j] - mean[j];
                }
            }
            accumulate8(g, buf);
        }
        for (; r < n; r++) {
            double[] c0 = buf[0];
            for (int j = 0; j < m; j++) {
                c0[j] = x[r][j] - mean[j];
            }
            for (int i = 0; i < m; i++) {
                double a0 = c0[i];
                double[] gi = g[i];
                for (int j = i; j < m; j++) {
                    gi[j] += a0 * c0[j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** Rows centred together in {@link #covarianceGram}. */
    private static final int BLOCK = 8;

    /** Upper triangle of g += Σ_b c_bᵀ c_b for the 8 centred rows c. */
    private static void accumulate8(double[][] g, double[][] c) {
        double[] c0 = c[0];
        double[] c1 = c[1];
        double[] c2 = c[2];
        double[] c3 = c[3];
        double[] c4 = c[4];
        double[] c5 = c[5];
        double[] c6 = c[6];
        double[] c7 = c[7];
        int m = g.length;
        for (int i = 0; i < m; i++) {
            double a0 = c0[i];
            double a1 = c1[i];
            double a2 = c2[i];
            double a3 = c3[i];
            double a4 = c4[i];
            double a5 = c5[i];
            double a6 = c6[i];
            double a7 = c7[i];
            double[] gi = g[i];
            for (int j = i; j < m; j++) {
                gi[j] += a0 * c0[j] + a1 * c1[j] + a2 * c2[j] + a3 * c3[j]
                        + a4 * c4[j] + a5 * c5[j] + a6 * c6[j] + a7 * c7[j];
            }
        }
    }

    /**
     * The {@code keep} largest eigenpairs of the symmetric positive semi-definite {@code g} by
     * randomized subspace iteration (see {@link Solver#RANDOMIZED}); descending.
     */
    private static void leadingEigenpairs(double[][] g, int keep, long seed, double[] s2, double[][] vecs) {
        int d = g.length;
        int l = Math.min(d, keep + 10);
        int iterations = keep < 0.1 * d ? 7 : 4;
        java.util.Random rnd = new java.util.Random(seed);
        double[][] q = new double[l][d];
        for (double[] row : q) {
            for (int i = 0; i < d; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        double[][] z = new double[l][d];
        // (XᵀX)^(q+1) Ω: the start block and the q power iterations of randomized_svd
        for (int it = 0; it <= iterations; it++) {
            multiply(g, q, z);
            orthonormalize(z);
            double[][] t = q;
            q = z;
            z = t;
        }
        multiply(g, q, z);
        double[][] small = new double[l][l];
        for (int a = 0; a < l; a++) {
            for (int b = a; b < l; b++) {
                double v = dot(q[a], z[b]);
                small[a][b] = v;
                small[b][a] = v;
            }
        }
        EigenDecomposition ed = new EigenDecomposition(MatrixUtils.createRealMatrix(small));
        Integer[] order = descending(ed.getRealEigenvalues());
        for (int k = 0; k < keep; k++) {
            s2[k] = Math.max(0, ed.getRealEigenvalue(order[k]));
            double[] w = ed.getEigenvector(order[k]).toArray();
            double[] v = new double[d];
            for (int a = 0; a < l; a++) {
                double wa = w[a];
                double[] qa = q[a];
                for (int i = 0; i < d; i++) {
                    v[i] += wa * qa[i];
                }
            }
            double norm = Math.sqrt(dot(v, v));
            for (int i = 0; i < d; i++) {
                v[i] /= norm;
            }
            vecs[k] = v;
        }
    }

    /**
     * out[c] = g · in[c] for each block vector c (g symmetric: row j of g is its column j). Four
     * vectors share each pass over a row of g (one load of g per four multiply-adds): the power
     * iterations of a 2-component fit of the 1000 x 201 bench table went from 1.3 to 0.9 ms.
     */
    private static void multiply(double[][] g, double[][] in, double[][] out) {
        int d = g.length;
        for (double[] o : out) {
            java.util.Arrays.fill(o, 0);
        }
        int c = 0;
        for (; c + 4 <= in.length; c += 4) {
            double[] o0 = out[c];
            double[] o1 = out[c + 1];
            double[] o2 = out[c + 2];
            double[] o3 = out[c + 3];
            for (int j = 0; j < d; j++) {
                double[] gj = g[j];
                double v0 = in[c][j];
                double v1 = in[c + 1][j];
                double v2 = in[c + 2][j];
                double v3 = in[c + 3][j];
                for (int i = 0; i < d; i++) {
                    double gij = gj[i];
                    o0[i] += v0 * gij;
                    o1[i] += v1 * gij;
                    o2[i] += v2 * gij;
                    o3[i] += v3 * gij;
                }
            }
        }
        for (; c < in.length; c++) {
            double[] o = out[c];
            for (int j = 0; j < d; j++) {
                double vj = in[c][j];
                double[] gj = g[j];
                for (int i = 0; i < d; i++) {
                    o[i] += vj * gj[i];
                }
            }
        }
    }

    /** Modified Gram-Schmidt, twice (numerically orthonormal to rounding); a null vector is replaced by zeros. */
    private static void orthonormalize(double[][] v) {
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < v.length; a++) {
                double[] va = v[a];
                for (int b = 0; b < a; b++) {
                    double p = dot(va, v[b]);
                    double[] vb = v[b];
                    for (int i = 0; i < va.length; i++) {
                        va[i] -= p * vb[i];
                    }
                }
                double norm = Math.sqrt(dot(va, va));
                for (int i = 0; i < va.length; i++) {
                    va[i] = norm > 0 ? va[i] / norm : 0;
                }
            }
        }
    }

    private static Integer[] descending(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[b], values[a]));
        return idx;
    }
}
