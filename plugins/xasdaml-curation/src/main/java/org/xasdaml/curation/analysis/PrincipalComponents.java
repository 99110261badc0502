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
 * the only ones of interest, lose nothing measurable: fixtures agree with scikit-learn to 1e-9);
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
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 samples, got " + n);
        }
        int m = x[0].length;
        for (int i = 0; i < n; i++) {
            if (x[i].length != m) {
                throw new IllegalArgumentException("PCA: sample " + i + " has " + x[i].length + " features, expected " + m);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("PCA: sample " + i + " has a non-finite value");
                }
            }
        }
        int rank = Math.min(n, m);
        int keep = nComponents == 0 ? rank : nComponents;
        if (keep < 1 || keep > rank) {
            throw new IllegalArgumentException("PCA: " + nComponents + " components requested, at most min(samples, features) = "
                    + rank + " exist");
        }
        double[] mean = new double[m];
        for (double[] r : x) {
            for (int j = 0; j < m; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[n][m];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = x[i][j] - mean[j];
                total += c[i][j] * c[i][j];
            }
        }
        total /= (n - 1);
        double[][] vt = new double[keep][];
        double[] s2 = new double[keep];
        if (m <= n) {
            double[][] g = gram(transpose(c));
            EigenDecomposition ed = new EigenDecomposition(MatrixUtils.createRealMatrix(g));
            Integer[] order = descending(ed.getRealEigenvalues());
            for (int k = 0; k < keep; k++) {
                s2[k] = Math.max(0, ed.getRealEigenvalue(order[k]));
                vt[k] = ed.getEigenvector(order[k]).toArray();
            }
        } else {
            double[][] g = gram(c);
            EigenDecomposition ed = new EigenDecomposition(MatrixUtils.createRealMatrix(g));
            Integer[] order = descending(ed.getRealEigenvalues());
            for (int k = 0; k < keep; k++) {
                s2[k] = Math.max(0, ed.getRealEigenvalue(order[k]));
                double[] u = ed.getEigenvector(order[k]).toArray();
                double s = Math.sqrt(s2[k]);
                double[] v = new double[m];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        v[j] += c[i][j] * u[i];
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
            double best = -1;
            double sign = 1;
            for (int i = 0; i < n; i++) {
                double score = dot(c[i], vt[k]);
                if (Math.abs(score) > best + 1e-12 * Math.max(1, best)) {
                    best = Math.abs(score);
                    sign = score < 0 ? -1 : 1;
                }
            }
            if (sign < 0) {
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

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
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

    private static Integer[] descending(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[b], values[a]));
        return idx;
    }
}
