package org.xasdaml.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-column z-scores fitted on the training set, {@code (x − mean) / scale}, with the population
 * standard deviation as scale and 1 for constant columns (as scikit-learn's StandardScaler). Models
 * use it for their inputs and, for regression, their targets (so CN ≈ 3..12 and CR ≈ 2.5 Å weigh
 * alike when trained together); it is stored in the model archive and applied at prediction.
 *
 * @param mean  column means
 * @param scale column scales
 */
public record ColumnScaling(double[] mean, double[] scale) {
    public ColumnScaling {
        mean = mean.clone();
        scale = scale.clone();
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale differ in length");
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    public int size() {
        return mean.length;
    }

    /** Fits on rows x columns. */
    public static ColumnScaling fit(double[][] rows) {
        int m = rows[0].length;
        double[] mean = new double[m];
        double[] scale = new double[m];
        for (double[] r : rows) {
            for (int j = 0; j < m; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= rows.length;
        }
        for (double[] r : rows) {
            for (int j = 0; j < m; j++) {
                double d = r[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < m; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1.0;
        }
        return new ColumnScaling(mean, scale);
    }

    /** No scaling. */
    public static ColumnScaling identity(int m) {
        double[] one = new double[m];
        java.util.Arrays.fill(one, 1.0);
        return new ColumnScaling(new double[m], one);
    }

    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, the scaling expects " + mean.length);
            }
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    public double[][] invert(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = rows[i][j] * scale[j] + mean[j];
            }
        }
        return out;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean.clone());
        m.put("scale", scale.clone());
        return m;
    }

    public static ColumnScaling fromJson(Map<?, ?> m) {
        return new ColumnScaling(doubles(m.get("mean")), doubles(m.get("scale")));
    }

    static double[] doubles(Object o) {
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }
}
