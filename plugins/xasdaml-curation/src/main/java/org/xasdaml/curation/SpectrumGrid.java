package org.xasdaml.curation;

import java.util.Locale;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.xafs.GridInterpolation;
import org.xasdaml.xafs.GridInterpolation.Extrapolation;

/**
 * A dataset's saved grid, onto which any spectrum (simulated now, measured later) is put by
 * linear interpolation: the one implementation behind the features, reconcile and prediction
 * steps ({@link org.xasdaml.curation.recipe.SpectrumFeatures#onEnergyGrid}); energy grids are
 * built by {@link org.xasdaml.curation.recipe.SpectrumFeatures#energyAxis}.
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
     * @param sample      names the spectrum in messages ("sample 3:0", a file, a file and its shift)
     * @param extrapolation {@link Extrapolation#REFUSE} (default) or {@link Extrapolation#CLAMP}
     * @throws IllegalArgumentException when the grid reaches outside x and extrapolation is refused
     */
    public double[] map(String sample, double[] x, double[] y, Extrapolation extrapolation) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("sample " + sample + ": " + x.length + " abscissae for " + y.length + " values");
        }
        if (extrapolation == Extrapolation.REFUSE && !coveredBy(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: data cover %s %.4f..%.4f %s but the grid spans %.4f..%.4f; refusing to extrapolate",
                    sample, axis.name(), x[0], x[x.length - 1], axis.unit(), axis.get(0), axis.get(axis.size() - 1)));
        }
        // coverage was checked above (to 1e-9, for grids built from the same numbers); ends may clamp by rounding only
        return GridInterpolation.linear(x, y, axis.values(), Extrapolation.CLAMP);
    }

    public double[] map(String sample, double[] x, double[] y) {
        return map(sample, x, y, Extrapolation.REFUSE);
    }
}
