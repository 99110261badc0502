package org.xasdaml.xafs;

/**
 * An immutable energy grid in eV (finite, strictly increasing, at least 2 points). Models keep
 * the grid they were trained on and refuse spectra that do not cover it
 * (see {@link GridInterpolation}).
 *
 * @param values energies in eV
 */
public record EnergyGrid(double[] values) {

    /** Validates and copies. */
    public EnergyGrid {
        values = ArrayChecks.copy("energy grid", values);
        ArrayChecks.requireMinLength("energy grid", values, 2);
        ArrayChecks.requireStrictlyIncreasing("energy grid", values);
    }

    /**
     * Evenly spaced grid, like numpy's {@code linspace(start, stop, n)} (both ends included).
     *
     * @param start first energy (eV)
     * @param stop  last energy (eV), &gt; start
     * @param n     number of points, &ge; 2
     * @return the grid
     */
    public static EnergyGrid linspace(double start, double stop, int n) {
        return new EnergyGrid(GridInterpolation.linspace(start, stop, n));
    }

    /** @return a copy of the energies (eV) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return number of points */
    public int size() {
        return values.length;
    }

    /** @return first energy (eV) */
    public double min() {
        return values[0];
    }

    /** @return last energy (eV) */
    public double max() {
        return values[values.length - 1];
    }
}
