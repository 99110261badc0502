package org.xasdaml.curation.statistics;

import java.util.Arrays;

/**
 * Gaussian kernel density estimate on a grid, with Scott's bandwidth n^(-1/5)·σ (σ with n - 1),
 * the default of scipy's {@code gaussian_kde} that seaborn's {@code kdeplot} uses.
 */
public final class Density {
    private Density() {
    }

    /**
     * @return {x, density} on {@code points} points from min - 3h to max + 3h; empty arrays for fewer than 2 values
     */
    public static double[][] of(double[] values, int points) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length < 2) {
            return new double[][] {new double[0], new double[0]};
        }
        Describe d = Describe.of(v);
        double h = Math.pow(v.length, -0.2) * d.std();
        if (!(h > 0)) {
            h = Math.max(1e-3, Math.abs(d.mean()) * 1e-3);
        }
        double lo = d.min() - 3 * h;
        double hi = d.max() + 3 * h;
        double[] x = new double[points];
        double[] y = new double[points];
        double norm = 1.0 / (v.length * h * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < points; i++) {
            x[i] = lo + (hi - lo) * i / (points - 1);
            double s = 0;
            for (double e : v) {
                double z = (x[i] - e) / h;
                s += Math.exp(-0.5 * z * z);
            }
            y[i] = s * norm;
        }
        return new double[][] {x, y};
    }
}
