package org.xasdaml.xafs;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least-squares polynomial fit (numpy {@code polyfit}) of y(x) on a slice of the arrays.
 *
 * <p>The fit is done in the centred, scaled variable t = (x − x̄)/s with a Householder QR, so the
 * Vandermonde matrix stays well conditioned at X-ray energies (x ≈ 9000 eV, x² ≈ 10⁸); the curve is
 * also evaluated in t. Coefficients in powers of x (what Larch reports, highest order last here)
 * are derived from the t-coefficients only for reporting.
 */
final class PolynomialFit {

    private final double center;
    private final double scale;
    private final double[] tcoef;

    private PolynomialFit(double center, double scale, double[] tcoef) {
        this.center = center;
        this.scale = scale;
        this.tcoef = tcoef;
    }

    /**
     * Fits degree {@code degree} to (x[from:to], y[from:to]).
     *
     * @throws XafsArgumentException if there are fewer points than coefficients
     */
    static PolynomialFit fit(double[] x, double[] y, int from, int to, int degree, String what) {
        int n = to - from;
        if (n < degree + 1) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, what, degree + 1, Math.max(n, 0));
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= n;
        double s = 0;
        for (int i = from; i < to; i++) {
            s = Math.max(s, Math.abs(x[i] - mean));
        }
        if (s == 0) {
            s = 1;
        }
        double[][] a = new double[n][degree + 1];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (x[from + i] - mean) / s;
            double p = 1;
            for (int j = 0; j <= degree; j++) {
                a[i][j] = p;
                p *= t;
            }
            b[i] = y[from + i];
        }
        RealVector sol = new QRDecomposition(new Array2DRowRealMatrix(a, false), 0.0)
                .getSolver().solve(new ArrayRealVector(b, false));
        return new PolynomialFit(mean, s, sol.toArray());
    }

    double value(double x) {
        double t = (x - center) / scale;
        double v = 0;
        for (int j = tcoef.length - 1; j >= 0; j--) {
            v = v * t + tcoef[j];
        }
        return v;
    }

    /** @return coefficients c_j of Σ c_j x^j (ascending powers of x) */
    double[] powerCoefficients() {
        int d = tcoef.length;
        double[] c = new double[d];
        // p(x) = Σ b_j ((x - m)/s)^j = Σ b_j s^-j Σ_i C(j,i) x^i (-m)^(j-i)
        for (int j = 0; j < d; j++) {
            double bj = tcoef[j] / Math.pow(scale, j);
            for (int i = 0; i <= j; i++) {
                c[i] += bj * binomial(j, i) * Math.pow(-center, j - i);
            }
        }
        return c;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
