package org.xasdaml.xafs;

/**
 * Convolution of a spectrum with a Gaussian or Lorentzian of given full width at half maximum
 * (the spread of a monochromator's resolution, or extra core-hole lifetime broadening), on any
 * increasing abscissa, as trapezoid quadrature normalised by the kernel's own weight on the same
 * points (so the ends are not pulled towards zero and a constant stays constant). A kernel much
 * narrower than the point spacing returns the spectrum unchanged. Gaussian is cut at ±5σ,
 * Lorentzian at ±25 FWHM (the tails beyond hold under 2.6 % of its weight).
 */
public final class EnergyBroadening {
    private EnergyBroadening() {
    }

    /** Kernel shapes. */
    public enum Shape { GAUSSIAN, LORENTZIAN }

    /**
     * @param x    abscissa, strictly increasing (eV, or k mapped to energy)
     * @param y    values
     * @param fwhm full width at half maximum in the units of x (0 = unchanged)
     */
    public static double[] convolve(double[] x, double[] y, double fwhm, Shape shape) {
        ArrayChecks.requireSameLength("x", x, "y", y);
        ArrayChecks.requireStrictlyIncreasing("x", x);
        if (!(fwhm >= 0) || !Double.isFinite(fwhm)) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "fwhm", fwhm, "must be >= 0");
        }
        int n = x.length;
        if (fwhm == 0 || n < 2) {
            return y.clone();
        }
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double gamma = fwhm / 2;
        double reach = shape == Shape.GAUSSIAN ? 5 * sigma : 25 * fwhm;
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double lo = j > 0 ? x[j] - x[j - 1] : 0;
            double hi = j < n - 1 ? x[j + 1] - x[j] : 0;
            w[j] = 0.5 * (lo + hi);
        }
        double[] out = new double[n];
        int start = 0;
        for (int i = 0; i < n; i++) {
            while (x[start] < x[i] - reach) {
                start++;
            }
            double s = 0;
            double norm = 0;
            for (int j = start; j < n && x[j] <= x[i] + reach; j++) {
                double d = x[j] - x[i];
                double kern = shape == Shape.GAUSSIAN ? Math.exp(-0.5 * d * d / (sigma * sigma)) : 1 / (d * d + gamma * gamma);
                s += w[j] * kern * y[j];
                norm += w[j] * kern;
            }
            out[i] = norm > 0 ? s / norm : y[i];
        }
        return out;
    }
}
