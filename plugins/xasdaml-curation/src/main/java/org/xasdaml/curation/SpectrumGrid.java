package org.xasdaml.curation;

import java.util.Locale;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.xafs.GridInterpolation;
import org.xasdaml.xafs.GridInterpolation.Extrapolation;

/**
 * A dataset's saved grid, onto which any spectrum (simulated now, measured later) is put by
 * linear interpolation; the ML module's prediction step uses it for measured spectra.
 *
 * <p>Interpolation is NumPy's {@code interp} arithmetic, but points of the grid outside the
 * spectrum's range are refused (with the sample and both ranges in the message) unless the
 * caller asks for the reference's end-value clamping: a spectrum that does not cover the grid
 * would otherwise become an invented model input.
 *
 * @param axis the grid (energy in eV, k in Å⁻¹, ...)
 */
public record SpectrumGrid(Axis axis) {

    public SpectrumGrid {
        if (axis == null || axis.size() < 2) {
            throw new IllegalArgumentException("a spectrum grid needs at least 2 points");
        }
        double[] v = axis.values();
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] > v[i - 1])) {
                throw new IllegalArgumentException("grid " + axis.name() + " is not strictly increasing at point " + i);
            }
        }
    }

    /** The grid of a spectra table (e.g. the reconciled μ(E) of a dataset). */
    public static SpectrumGrid of(SampleTable spectra) {
        if (spectra.axis() == null) {
            throw new IllegalArgumentException("table has no grid (axis): " + spectra);
        }
        return new SpectrumGrid(spectra.axis());
    }

    /**
     * The reference's energy grid rule: {@code linspace(min E0 - below, max E0 + above, points)}.
     *
     * @param e0     E0 of every spectrum of the dataset (eV)
     * @param below  eV below the lowest E0 [10]
     * @param above  eV above the highest E0 [200]
     * @param points number of points [1000]
     */
    public static SpectrumGrid energy(double[] e0, double below, double above, int points) {
        if (e0.length == 0) {
            throw new IllegalArgumentException("no E0 values to build an energy grid from");
        }
        if (points < 2) {
            throw new IllegalArgumentException("an energy grid needs at least 2 points, got " + points);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double e : e0) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("non-finite E0 in the dataset");
            }
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        return new SpectrumGrid(new Axis("energy", "eV", GridInterpolation.linspace(lo - below, hi + above, points)));
    }

    public double[] values() {
        return axis.values();
    }

    /** Whether the spectrum's abscissa covers the whole grid. */
    public boolean coveredBy(double[] x) {
        return x[0] <= axis.get(0) + 1e-9 && x[x.length - 1] >= axis.get(axis.size() - 1) - 1e-9;
    }

    /**
     * Puts y(x) on the grid.
     *
     * @param sample      name of the sample for messages
     * @param extrapolation {@link Extrapolation#REFUSE} (default) or {@link Extrapolation#CLAMP}
     * @throws IllegalArgumentException when the grid reaches outside x and extrapolation is refused
     */
    public double[] map(String sample, double[] x, double[] y, Extrapolation extrapolation) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("sample " + sample + ": " + x.length + " abscissae for " + y.length + " values");
        }
        if (extrapolation == Extrapolation.REFUSE && !coveredBy(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sample %s: data cover %s %.4f..%.4f %s but the dataset grid spans %.4f..%.4f; refusing to extrapolate",
                    sample, axis.name(), x[0], x[x.length - 1], axis.unit(), axis.get(0), axis.get(axis.size() - 1)));
        }
        // coverage was checked above (to 1e-9, for grids built from the same numbers); ends may clamp by rounding only
        return GridInterpolation.linear(x, y, axis.values(), Extrapolation.CLAMP);
    }

    public double[] map(String sample, double[] x, double[] y) {
        return map(sample, x, y, Extrapolation.REFUSE);
    }
}
