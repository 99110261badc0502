package org.xasdaml.xafs;

/**
 * An absorption spectrum μ(E): photon energies in eV and the absorption coefficient (any
 * consistent unit, typically ln(I0/It) or If/I0). Immutable: arrays are copied in and out.
 *
 * <p>Energies must be finite and strictly increasing, μ finite, at least 2 points. Larch silently
 * nudges repeated energies ({@code remove_dups}); here the caller is told instead, because a
 * repeated energy in measured data is a symptom worth seeing.
 *
 * @param energy photon energy in eV, strictly increasing
 * @param mu     absorption μ(E), same length
 */
public record MuSpectrum(double[] energy, double[] mu) {

    /** Validates and copies. */
    public MuSpectrum {
        energy = ArrayChecks.copy("energy", energy);
        mu = ArrayChecks.copy("mu", mu);
        ArrayChecks.requireSameLength("energy", energy, "mu", mu);
        ArrayChecks.requireMinLength("energy", energy, 2);
        ArrayChecks.requireStrictlyIncreasing("energy", energy);
        ArrayChecks.requireFinite("mu", mu);
    }

    /** @return a copy of the energies (eV) */
    @Override
    public double[] energy() {
        return energy.clone();
    }

    /** @return a copy of μ(E) */
    @Override
    public double[] mu() {
        return mu.clone();
    }

    /** @return the number of points */
    public int size() {
        return energy.length;
    }

    /** @return the energy grid of this spectrum */
    public EnergyGrid grid() {
        return new EnergyGrid(energy);
    }
}
