package org.xasdaml.xafs;

/**
 * Linear interpolation of a sampled curve onto a grid, with numpy's {@code interp} arithmetic
 * (y = fp[j] + slope·(x − xp[j])) but, unlike numpy, <em>refusing</em> to extrapolate unless the
 * caller explicitly asks for numpy's end-value clamping.
 *
 * <p>Why refuse: the reference implementation interpolated every spectrum onto the training grid
 * with {@code np.interp}, which silently repeats the end values outside the data; a spectrum that
 * does not cover a model's grid then yields a plausible-looking but invented input. A model must
 * reject such a spectrum, so {@link Extrapolation#REFUSE} is the default of
 * {@link #onto(MuSpectrum, EnergyGrid)}.
 */
public final class GridInterpolation {

    /** What to do with grid points outside the data range. */
    public enum Extrapolation {
        /** throw {@link XafsArgumentException} naming both ranges. */
        REFUSE,
        /** repeat the first/last value, as {@code np.interp} does (opt-in only). */
        CLAMP
    }

    private GridInterpolation() {
    }

    /**
     * Interpolates μ(E) onto an energy grid, refusing grids that reach outside the spectrum.
     *
     * @param spectrum the spectrum
     * @param grid     target grid (eV)
     * @return a new spectrum on {@code grid}
     */
    public static MuSpectrum onto(MuSpectrum spectrum, EnergyGrid grid) {
        return onto(spectrum, grid, Extrapolation.REFUSE);
    }

    /**
     * Interpolates μ(E) onto an energy grid.
     *
     * @param spectrum      the spectrum
     * @param grid          target grid (eV)
     * @param extrapolation policy for grid points outside the spectrum
     * @return a new spectrum on {@code grid}
     */
    public static MuSpectrum onto(MuSpectrum spectrum, EnergyGrid grid, Extrapolation extrapolation) {
        double[] g = grid.values();
        return new MuSpectrum(g, linear(spectrum.energy(), spectrum.mu(), g, extrapolation));
    }

    /**
     * Interpolates χ(k) onto a k grid.
     *
     * @param spectrum      the spectrum
     * @param grid          target grid (Å⁻¹)
     * @param extrapolation policy for grid points outside the spectrum
     * @return a new spectrum on {@code grid}
     */
    public static ChiSpectrum onto(ChiSpectrum spectrum, KGrid grid, Extrapolation extrapolation) {
        double[] g = grid.values();
        return new ChiSpectrum(g, linear(spectrum.k(), spectrum.chi(), g, extrapolation));
    }

    /**
     * Linear interpolation of (xp, fp) at points x.
     *
     * @param xp            strictly increasing abscissae
     * @param fp            values at xp
     * @param x             points to evaluate, any order
     * @param extrapolation policy for x outside [xp[0], xp[n−1]]
     * @return interpolated values
     */
    public static double[] linear(double[] xp, double[] fp, double[] x, Extrapolation extrapolation) {
        ArrayChecks.requireSameLength("xp", xp, "fp", fp);
        ArrayChecks.requireMinLength("xp", xp, 2);
        ArrayChecks.requireStrictlyIncreasing("xp", xp);
        if (extrapolation == Extrapolation.REFUSE) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo < xp[0] || hi > xp[xp.length - 1]) {
                throw new XafsArgumentException(XafsArgumentException.NOT_COVERED, xp[0],
                        xp[xp.length - 1], lo, hi);
            }
        }
        return interp(xp, fp, x);
    }

    /** numpy {@code interp}: linear inside, end values outside. No checks (internal use). */
    static double[] interp(double[] xp, double[] fp, double[] x) {
        int n = xp.length;
        double[] out = new double[x.length];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v <= xp[0]) {
                out[i] = fp[0];
                continue;
            }
            if (v >= xp[n - 1]) {
                out[i] = fp[n - 1];
                continue;
            }
            if (j >= n - 1 || xp[j] > v) {
                j = 0;
            }
            while (xp[j + 1] <= v) {
                j++;
            }
            double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
            out[i] = slope * (v - xp[j]) + fp[j];
        }
        return out;
    }

    /**
     * numpy {@code linspace(start, stop, n)}: start + i·(stop − start)/(n − 1), last point exactly stop.
     *
     * @param start first value
     * @param stop  last value
     * @param n     number of points, &ge; 2
     * @return the points
     */
    public static double[] linspace(double start, double stop, int n) {
        if (n < 2) {
            throw new XafsArgumentException(XafsArgumentException.TOO_SHORT, "linspace", 2, n);
        }
        double step = (stop - start) / (n - 1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i * step + start;
        }
        out[n - 1] = stop;
        return out;
    }
}
