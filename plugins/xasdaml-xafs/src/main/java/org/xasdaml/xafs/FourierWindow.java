package org.xasdaml.xafs;

import java.util.Locale;

/**
 * Fourier-transform windows Ω(x) for XAFS, as Larch's {@code ftwindow}: a window that is 1 on
 * [xmin + dx/2, xmax − dx2/2] and tapers to 0 over a width dx (dx2) around xmin (xmax).
 *
 * <p>Why windows: χ(k) is only known on a finite range; a hard cut would convolve χ(R) with a
 * sinc and spread every shell into ripples. The taper trades a little resolution for much lower
 * side lobes. The index arithmetic below (end points snapped to grid indices with a tolerance of
 * 10⁻⁴ grid steps, index = int(x/step) assuming the grid starts at 0) reproduces Larch exactly,
 * which matters because the transforms are compared to Larch to 10⁻⁶.
 */
public final class FourierWindow {

    /** Window shapes; Larch recognises them by the first three letters of the name. */
    public enum Shape {
        /** cosine-squared taper (Larch "hanning", the default of {@code autobk}). */
        HANNING("han"),
        /** Hanning with taper widths given as fractions of the window width ("fhanning"). */
        FHANNING("fha"),
        /** Gaussian centred on the window, dx is its sigma ("gaussian"). */
        GAUSSIAN("gau"),
        /** Kaiser–Bessel, (I0(dx·√arg) − 1)/(I0(dx) − 1) (the default of {@code xftf}). */
        KAISER("kai"),
        /** Ifeffit 1.0 Kaiser–Bessel, I0(dx·√arg)/I0(dx), zero outside ("bessel"). */
        BESSEL("bes"),
        /** linear taper ("parzen"). */
        PARZEN("par"),
        /** quadratic taper ("welch"). */
        WELCH("wel"),
        /** sine over the whole window ("sine"). */
        SINE("sin");

        private final String prefix;

        Shape(String prefix) {
            this.prefix = prefix;
        }

        /**
         * Parses a Larch window name by its first three letters, case-insensitive ("hanning",
         * "Kaiser-Bessel" …).
         *
         * @param name window name
         * @return the shape
         */
        public static Shape of(String name) {
            String p = name.strip().toLowerCase(Locale.ROOT);
            p = p.length() > 3 ? p.substring(0, 3) : p;
            for (Shape s : values()) {
                if (s.prefix.equals(p)) {
                    return s;
                }
            }
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "window", name,
                    "expected hanning, fhanning, gaussian, kaiser, bessel, parzen, welch or sine");
        }

        /** @return Larch's name of the window ("hanning", "kaiser", …), as recipes and step parameters write it */
        public String larchName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the three-letter Larch prefix */
        public String larchPrefix() {
            return prefix;
        }
    }

    private FourierWindow() {
    }

    /**
     * Builds the window on grid {@code x} (assumed uniform and starting at 0, as Larch assumes).
     *
     * @param x      grid (Å⁻¹ for k windows, Å for R windows), at least 2 points
     * @param xmin   start of the window
     * @param xmax   end of the window
     * @param dx     taper width at xmin (for GAUSSIAN the sigma, for KAISER/BESSEL the shape parameter)
     * @param dx2    taper width at xmax, or NaN for "same as dx"
     * @param window shape
     * @return Ω(x), same length as x
     */
    public static double[] window(double[] x, double xmin, double xmax, double dx, double dx2, Shape window) {
        int n = x.length;
        ArrayChecks.requireMinLength("window grid", x, 2);
        double dx1 = dx;
        if (Double.isNaN(dx2)) {
            dx2 = dx1;
        }
        double xlo = x[0];
        double xhi = x[0];
        for (double v : x) {
            xlo = Math.min(xlo, v);
            xhi = Math.max(xhi, v);
        }
        double xstep = (x[n - 1] - x[0]) / (n - 1);
        double xeps = 1.e-4 * xstep;
        double x1 = Math.max(xlo, xmin - dx1 / 2.0);
        double x2 = xmin + dx1 / 2.0 + xeps;
        double x3 = xmax - dx2 / 2.0 - xeps;
        double x4 = Math.min(xhi, xmax + dx2 / 2.0);
        if (window == Shape.FHANNING) {
            if (dx1 < 0) {
                dx1 = 0;
            }
            if (dx2 > 1) {
                dx2 = 1;
            }
            x2 = x1 + xeps + dx1 * (xmax - xmin) / 2.0;
            x3 = x4 - xeps - dx2 * (xmax - xmin) / 2.0;
        } else if (window == Shape.GAUSSIAN) {
            dx1 = Math.max(dx1, xeps);
        }
        int i1 = Math.max(0, asint(x1, xeps, xstep));
        int i2 = Math.max(0, asint(x2, xeps, xstep));
        int i3 = Math.min(n - 1, asint(x3, xeps, xstep));
        int i4 = Math.min(n - 1, asint(x4, xeps, xstep));
        if (i2 == i1) {
            i1 = Math.max(0, i2 - 1);
        }
        if (i4 == i3) {
            i3 = Math.max(i2, i4 - 1);
        }
        x1 = x[i1];
        x2 = x[i2];
        x3 = x[i3];
        x4 = x[i4];
        if (x1 == x2) {
            x2 = x2 + xeps;
        }
        if (x3 == x4) {
            x4 = x4 + xeps;
        }
        double[] w = new double[n];
        for (int i = i2; i < i3; i++) {
            w[i] = 1.0;
        }
        switch (window) {
            case HANNING, FHANNING -> {
                for (int i = i1; i <= i2; i++) {
                    double s = Math.sin((Math.PI / 2) * (x[i] - x1) / (x2 - x1));
                    w[i] = s * s;
                }
                for (int i = i3; i <= i4; i++) {
                    double c = Math.cos((Math.PI / 2) * (x[i] - x3) / (x4 - x3));
                    w[i] = c * c;
                }
            }
            case PARZEN -> {
                for (int i = i1; i <= i2; i++) {
                    w[i] = (x[i] - x1) / (x2 - x1);
                }
                for (int i = i3; i <= i4; i++) {
                    w[i] = 1 - (x[i] - x3) / (x4 - x3);
                }
            }
            case WELCH -> {
                for (int i = i1; i <= i2; i++) {
                    double t = (x[i] - x2) / (x2 - x1);
                    w[i] = 1 - t * t;
                }
                for (int i = i3; i <= i4; i++) {
                    double t = (x[i] - x3) / (x4 - x3);
                    w[i] = 1 - t * t;
                }
            }
            case KAISER, BESSEL -> {
                double cen = (x4 + x1) / 2;
                double wid = (x4 - x1) / 2;
                double scale = Math.max(1.e-10, besselI0(dx) - 1);
                double i0dx = besselI0(dx);
                for (int i = 0; i < n; i++) {
                    double arg = 1 - (x[i] - cen) * (x[i] - cen) / (wid * wid);
                    if (arg < 0) {
                        arg = 0;
                    }
                    if (window == Shape.BESSEL) {
                        w[i] = (x[i] <= x1 || x[i] >= x4) ? 0.0 : besselI0(dx * Math.sqrt(arg)) / i0dx;
                    } else {
                        w[i] = (besselI0(dx * Math.sqrt(arg)) - 1) / scale;
                    }
                }
            }
            case SINE -> {
                for (int i = i1; i <= i4; i++) {
                    w[i] = Math.sin(Math.PI * (x4 - x[i]) / (x4 - x1));
                }
            }
            case GAUSSIAN -> {
                double cen = (x4 + x1) / 2;
                for (int i = 0; i < n; i++) {
                    double d = x[i] - cen;
                    w[i] = Math.exp(-((d * d) / (2 * dx1 * dx1)));
                }
            }
            default -> throw new IllegalStateException("unhandled window " + window);
        }
        return w;
    }

    /** Larch's {@code asint}: Python int() truncates toward zero, as the Java cast does. */
    private static int asint(double val, double xeps, double xstep) {
        return (int) ((val + xeps) / xstep);
    }

    /**
     * Modified Bessel function of the first kind, order 0, by its power series
     * Σ ((x/2)^m / m!)², summed until the terms stop changing the sum; all terms are positive so
     * the relative error stays near one ulp for the shape parameters used in windows (|x| &lt; 50).
     */
    static double besselI0(double x) {
        double q = x * x / 4.0;
        double term = 1.0;
        double sum = 1.0;
        for (int m = 1; m < 500; m++) {
            term *= q / ((double) m * m);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }
}
