package org.xasdaml.xafs;

/**
 * An immutable photo-electron wavenumber grid in Å⁻¹ (finite, &ge; 0, strictly increasing, at
 * least 2 points).
 *
 * @param values k in Å⁻¹
 */
public record KGrid(double[] values) {

    /** Validates and copies. */
    public KGrid {
        values = ArrayChecks.copy("k grid", values);
        ArrayChecks.requireMinLength("k grid", values, 2);
        ArrayChecks.requireStrictlyIncreasing("k grid", values);
        if (values[0] < 0) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "k grid[0]", values[0],
                    "must be >= 0");
        }
    }

    /**
     * The uniform grid Larch uses for χ(k): {@code kstep * arange(int(1.01 + kmax/kstep))}, i.e.
     * 0, kstep, … up to kmax (0 … 20 Å⁻¹ in 401 points for kstep 0.05).
     *
     * @param kmax  last k (Å⁻¹), &gt; 0
     * @param kstep spacing (Å⁻¹), &gt; 0
     * @return the grid
     */
    public static KGrid uniform(double kmax, double kstep) {
        if (!(kstep > 0) || !(kmax > 0)) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "kmax/kstep",
                    kmax + "/" + kstep, "must both be > 0");
        }
        int n = (int) (1.01 + kmax / kstep);
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kstep * i;
        }
        return new KGrid(k);
    }

    /** @return a copy of k (Å⁻¹) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return number of points */
    public int size() {
        return values.length;
    }
}
