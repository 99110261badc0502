package org.xasdaml.xafs;

/**
 * Interpolating cubic spline with not-a-knot end conditions, evaluated at a fixed set of points.
 *
 * <p>This is the spline FITPACK builds for {@code splrep(x, y, s=0)} and
 * {@code UnivariateSpline(x, y, s=0)} with cubic order: knots at x₂ … x_{n−3}, i.e. no knot at x₁
 * and x_{n−2}, which is exactly the not-a-knot condition (third derivative continuous there). The
 * interpolant is unique, so solving for the slopes with a tridiagonal system (as scipy's
 * {@code CubicSpline(bc_type='not-a-knot')} does) gives the same curve to rounding. Outside
 * [x₀, x_{n−1}] the end cubic is extended, as FITPACK does with {@code ext=0}.
 *
 * <p>Both abscissae are fixed at construction, so the interval search and Hermite weights are
 * computed once and {@link #apply} is O(n) — autobk applies it once per spline coefficient.
 */
final class NotAKnotSpline {

    private final double[] x;
    private final int n;
    private final double[] h;
    // Thomas factorisation of the slope system
    private final double[] diag;
    private final double[] upper;
    private final double[] lower;
    // evaluation plan
    private final int[] interval;
    private final double[] w00;
    private final double[] w10;
    private final double[] w01;
    private final double[] w11;

    NotAKnotSpline(double[] x, double[] xout) {
        this.x = x;
        this.n = x.length;
        if (n < 4) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, "spline abscissae", 4, n);
        }
        h = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            h[i] = x[i + 1] - x[i];
            if (!(h[i] > 0)) {
                throw new XafsArgumentException(XafsArgumentException.NOT_INCREASING, "spline abscissae", i + 1,
                        x[i + 1], x[i]);
            }
        }
        lower = new double[n];
        diag = new double[n];
        upper = new double[n];
        diag[0] = h[1];
        upper[0] = x[2] - x[0];
        for (int i = 1; i < n - 1; i++) {
            lower[i] = h[i];
            diag[i] = 2 * (h[i - 1] + h[i]);
            upper[i] = h[i - 1];
        }
        lower[n - 1] = x[n - 1] - x[n - 3];
        diag[n - 1] = h[n - 3];
        // forward elimination of the matrix part (kept for every right-hand side)
        for (int i = 1; i < n; i++) {
            double m = lower[i] / diag[i - 1];
            lower[i] = m;
            diag[i] -= m * upper[i - 1];
        }
        int m = xout.length;
        interval = new int[m];
        w00 = new double[m];
        w10 = new double[m];
        w01 = new double[m];
        w11 = new double[m];
        int j = 0;
        for (int p = 0; p < m; p++) {
            double v = xout[p];
            if (j > 0 && v < x[j]) {
                j = 0;
            }
            while (j < n - 2 && v >= x[j + 1]) {
                j++;
            }
            interval[p] = j;
            double hj = h[j];
            double t = (v - x[j]) / hj;
            double t2 = t * t;
            double t3 = t2 * t;
            w00[p] = 2 * t3 - 3 * t2 + 1;
            w10[p] = (t3 - 2 * t2 + t) * hj;
            w01[p] = -2 * t3 + 3 * t2;
            w11[p] = (t3 - t2) * hj;
        }
    }

    /** Spline through (x, y) evaluated at the output points. */
    double[] apply(double[] y) {
        double[] s = slopes(y);
        double[] out = new double[interval.length];
        for (int p = 0; p < out.length; p++) {
            int j = interval[p];
            out[p] = w00[p] * y[j] + w10[p] * s[j] + w01[p] * y[j + 1] + w11[p] * s[j + 1];
        }
        return out;
    }

    private double[] slopes(double[] y) {
        double[] d = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            d[i] = (y[i + 1] - y[i]) / h[i];
        }
        double[] b = new double[n];
        double s0 = x[2] - x[0];
        b[0] = ((h[0] + 2 * s0) * h[1] * d[0] + h[0] * h[0] * d[1]) / s0;
        for (int i = 1; i < n - 1; i++) {
            b[i] = 3 * (h[i] * d[i - 1] + h[i - 1] * d[i]);
        }
        double s1 = x[n - 1] - x[n - 3];
        b[n - 1] = (h[n - 2] * h[n - 2] * d[n - 3] + (2 * s1 + h[n - 2]) * h[n - 3] * d[n - 2]) / s1;
        for (int i = 1; i < n; i++) {
            b[i] -= lower[i] * b[i - 1];
        }
        double[] s = new double[n];
        s[n - 1] = b[n - 1] / diag[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            s[i] = (b[i] - upper[i] * s[i + 1]) / diag[i];
        }
        return s;
    }
}
