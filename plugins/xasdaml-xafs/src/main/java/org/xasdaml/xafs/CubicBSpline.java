package org.xasdaml.xafs;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Cubic B-spline basis on FITPACK's interpolation knots, as built by {@code splrep(x, y, k=3, s=0)}:
 * t = (x₀ ×4, x₂ … x_{m−3}, x_{m−1} ×4), m coefficients. Basis values come from the Cox–de Boor
 * recursion evaluated on the knot interval that contains the point, clamped to the first/last
 * interval outside the knots, so points beyond the ends get the end polynomial — FITPACK
 * {@code splev}'s default extrapolation.
 */
final class CubicBSpline {

    static final int ORDER = 3;

    private final double[] t;
    private final int ncoef;

    /** @param xs the interpolation abscissae (spline knots of autobk), strictly increasing, ≥ 4 */
    CubicBSpline(double[] xs) {
        int m = xs.length;
        if (m < 4) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, "spline knots", 4, m);
        }
        ArrayChecks.requireStrictlyIncreasing("spline knots", xs);
        ncoef = m;
        t = new double[m + ORDER + 1];
        for (int i = 0; i <= ORDER; i++) {
            t[i] = xs[0];
            t[m + i] = xs[m - 1];
        }
        for (int i = 2; i <= m - 3; i++) {
            t[i + 2] = xs[i];
        }
    }

    double[] knots() {
        return t.clone();
    }

    int coefficientCount() {
        return ncoef;
    }

    /** Basis matrix B[i][j] = B_j(x_i). */
    double[][] basis(double[] xs) {
        double[][] b = new double[xs.length][ncoef];
        double[] hv = new double[ORDER + 1];
        for (int i = 0; i < xs.length; i++) {
            int l = interval(xs[i]);
            values(xs[i], l, hv);
            for (int j = 0; j <= ORDER; j++) {
                b[i][l - ORDER + j] = hv[j];
            }
        }
        return b;
    }

    /** Coefficients of the interpolating spline through (xs, ys) (the {@code splrep} coefficients). */
    double[] interpolate(double[] xs, double[] ys) {
        double[][] b = basis(xs);
        return new LUDecomposition(new Array2DRowRealMatrix(b, false)).getSolver()
                .solve(new ArrayRealVector(ys, false)).toArray();
    }

    /** Spline value Σ c_j B_j(x) at each x. */
    double[] evaluate(double[] coefs, double[] xs) {
        double[] out = new double[xs.length];
        double[] hv = new double[ORDER + 1];
        for (int i = 0; i < xs.length; i++) {
            int l = interval(xs[i]);
            values(xs[i], l, hv);
            double v = 0;
            for (int j = 0; j <= ORDER; j++) {
                v += coefs[l - ORDER + j] * hv[j];
            }
            out[i] = v;
        }
        return out;
    }

    /** Knot interval l, t[l] ≤ x &lt; t[l+1], restricted to [k, n−k−2] as FITPACK does. */
    private int interval(double x) {
        int lo = ORDER;
        int hi = t.length - ORDER - 2;
        int l = lo;
        while (l < hi && x >= t[l + 1]) {
            l++;
        }
        return l;
    }

    /** The k+1 non-zero basis values at x on interval l (Cox–de Boor). */
    private void values(double x, int l, double[] hv) {
        double[] hh = new double[ORDER];
        hv[0] = 1.0;
        for (int j = 1; j <= ORDER; j++) {
            System.arraycopy(hv, 0, hh, 0, j);
            hv[0] = 0.0;
            for (int i = 1; i <= j; i++) {
                int li = l + i;
                int lj = li - j;
                double f = t[li] == t[lj] ? 0.0 : hh[i - 1] / (t[li] - t[lj]);
                hv[i - 1] += f * (t[li] - x);
                hv[i] = f * (x - t[lj]);
            }
        }
    }
}
