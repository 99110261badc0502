package org.xasdaml.xafs;

/**
 * Physical constants of XAFS, derived from CODATA 2018 values rather than typed in, as Larch's
 * {@code xafsutils} does with {@code scipy.constants}.
 *
 * <p>The photo-electron wavenumber k (Å⁻¹) and the energy above the edge E − E0 (eV) are related
 * by E − E0 = KTOE·k², with KTOE = 10²⁰·ħ²/(2·mₑ·e) ≈ 3.80998 eV·Å².
 */
public final class XafsConstants {

    /** Planck constant h in J·s (exact since the 2019 SI redefinition). */
    public static final double PLANCK_H = 6.62607015e-34;
    /** Reduced Planck constant ħ = h/(2π) in J·s. */
    public static final double HBAR = PLANCK_H / (2.0 * Math.PI);
    /** Electron rest mass in kg (CODATA 2018). */
    public static final double ELECTRON_MASS = 9.1093837015e-31;
    /** Elementary charge in C (exact). */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;
    /** Energy (eV) per k² (Å⁻²): 10²⁰·ħ²/(2·mₑ·e); Larch {@code KTOE}. */
    public static final double KTOE = 1.0e20 * HBAR * HBAR / (2.0 * ELECTRON_MASS * ELEMENTARY_CHARGE);
    /** k² (Å⁻²) per eV, 1/KTOE; Larch {@code ETOK}. */
    public static final double ETOK = 1.0 / KTOE;

    private XafsConstants() {
    }

    /**
     * Wavenumber of a photo-electron with kinetic energy {@code energy} (eV above E0).
     *
     * @param energy energy above the edge in eV, must be &ge; 0
     * @return k in Å⁻¹
     */
    public static double etok(double energy) {
        return Math.sqrt(energy * ETOK);
    }

    /**
     * Kinetic energy (eV above E0) of a photo-electron of wavenumber {@code k}.
     *
     * @param k wavenumber in Å⁻¹
     * @return energy above the edge in eV
     */
    public static double ktoe(double k) {
        return k * k * KTOE;
    }
}
