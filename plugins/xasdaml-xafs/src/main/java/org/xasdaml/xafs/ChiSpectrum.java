package org.xasdaml.xafs;

/**
 * An EXAFS oscillation χ(k): photo-electron wavenumber in Å⁻¹ and unweighted χ (dimensionless).
 * Immutable: arrays are copied in and out. k must be finite, &ge; 0 and strictly increasing.
 *
 * @param k   wavenumber in Å⁻¹
 * @param chi χ(k), same length, unweighted
 */
public record ChiSpectrum(double[] k, double[] chi) {

    /** Validates and copies. */
    public ChiSpectrum {
        k = ArrayChecks.copy("k", k);
        chi = ArrayChecks.copy("chi", chi);
        ArrayChecks.requireSameLength("k", k, "chi", chi);
        ArrayChecks.requireMinLength("k", k, 2);
        ArrayChecks.requireStrictlyIncreasing("k", k);
        ArrayChecks.requireFinite("chi", chi);
        if (k[0] < 0) {
            throw new XafsArgumentException(XafsArgumentException.OUT_OF_RANGE, "k[0]", k[0], "must be >= 0");
        }
    }

    /** @return a copy of k (Å⁻¹) */
    @Override
    public double[] k() {
        return k.clone();
    }

    /** @return a copy of χ(k) */
    @Override
    public double[] chi() {
        return chi.clone();
    }

    /** @return the number of points */
    public int size() {
        return k.length;
    }

    /**
     * @param kweight exponent w
     * @return k^w·χ(k) (see {@link KWeighting})
     */
    public double[] weighted(double kweight) {
        return KWeighting.apply(k, chi, kweight);
    }
}
