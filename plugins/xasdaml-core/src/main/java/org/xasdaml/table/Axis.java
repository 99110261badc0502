package org.xasdaml.table;

import java.util.Arrays;

/**
 * The grid shared by the numeric columns of a spectra table: energies (eV), k (Å⁻¹), R (Å) or
 * wavelet (k, R) pairs flattened. Stored with the dataset so that every later spectrum, measured
 * ones included, is put on exactly this grid (the reference lost it).
 *
 * @param name   quantity of the grid, e.g. "energy", "k", "r"
 * @param unit   e.g. "eV", "Å⁻¹", "Å"
 * @param values grid points, one per numeric column
 */
public record Axis(String name, String unit, double[] values) {
    public Axis {
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("axis " + name + " has a non-finite point");
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /**
     * Same quantity: axis name and unit. Checked before any comparison of numbers, because
     * different quantities can span the same numbers (g(r) on r 1-8 Å and χ(k) on k 1-8 Å⁻¹).
     */
    public boolean sameQuantity(Axis other) {
        return other != null && other.name.equals(name) && other.unit.equals(unit);
    }

    /** "k (Å⁻¹)": the quantity, for messages. */
    public String quantity() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /** Same name, unit and points within a relative tolerance. */
    public boolean sameGrid(Axis other, double relTol) {
        if (!sameQuantity(other) || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            double scale = Math.max(1e-12, Math.max(Math.abs(values[i]), Math.abs(other.values[i])));
            if (Math.abs(values[i] - other.values[i]) > relTol * scale) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && a.name.equals(name) && a.unit.equals(unit) && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length == 0 ? name + " (empty)"
                : String.format(java.util.Locale.ROOT, "%s %g..%g %s (%d points)", name, values[0], values[values.length - 1],
                unit, values.length);
    }
}
