package org.xasdaml.feff;

import java.util.List;
import java.util.Locale;

/**
 * How much of Feff8L runs per sample. pot's self-consistent loop is nearly the whole cost (see
 * {@link FeffStage}); the modes differ in where the potentials come from.
 */
public enum FeffMode {
    /** Every stage for every sample, self-consistent potentials included: the honest reference. */
    FULL("full"),
    /**
     * Self-consistent potentials and phase shifts computed once per group of samples (for the group's
     * first sample, the representative) and copied ({@code phase.pad}, {@code xsect.json}) into every
     * sample's folder, where only rdinp, pathfinder, genfmt and ff2x run: the paths, their scattering
     * amplitudes and χ are the sample's own, its potentials are the representative's.
     */
    SHARED_POTENTIAL("shared-potential"),
    /** Every stage per sample, but without the SCF card: overlapped free-atom potentials. */
    NO_SCF("no-scf"),
    /**
     * Self-consistent potentials of a few representatives per group of similar environments, kept in a
     * {@link PotentialLibrary}; every sample takes those of its nearest representative
     * ({@link EnvironmentPotentials}) and runs rdinp, pathfinder, genfmt and ff2x itself.
     */
    ENVIRONMENT("environment"),
    /**
     * Every stage for every sample, with self-consistent potentials over a small cluster: the SCF card's
     * radius is the local one ({@code localScfRadius}, 3 Å: the absorber and its first shell), the other
     * cards (paths, RPATH, NLEGS) unchanged. Why: the potentials depend on the absorber's own first shell far
     * more than on anything a representative can share, and Feff8L's SCF cost grows steeply with the
     * cluster. Measured against full SCF at production cards (SCF 6.8 Å; k²χ relative L2, 2–12 Å⁻¹;
     * PotentialBench on the complete production reference, 40 cluster + 20 bulk frames of the public Cu sets):
     * SCF 3 Å per sample 0.27 % mean, 1.16 % max on the clusters (bulk 0.17 % / 0.58 %), 3.7 and 6.5 CPU-s a
     * frame all in against 106 and 437 (28× and 67× less); EdgeShiftBench on 18 frames of the first 23 of that
     * reference: the edge energy within 0.02 eV (mean), while the
     * environment mode's nearest other frame gives 2.7 % / 7.4 % and even moved by the exact edge-energy
     * difference 2.4 % / 4.7 %; 2.4 Å (the first shell cut) 5.2 % / 9.2 %.
     */
    LOCAL_SCF("local-scf");

    private final String label;

    FeffMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Stages run in each sample's own folder. */
    public List<FeffStage> sampleStages() {
        return this == SHARED_POTENTIAL || this == ENVIRONMENT
                ? List.of(FeffStage.RDINP, FeffStage.PATHFINDER, FeffStage.GENFMT, FeffStage.FF2X)
                : List.of(FeffStage.values());
    }

    /** The mode named by its label (local-scf, full, environment, shared-potential, no-scf). */
    public static FeffMode of(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (FeffMode m : values()) {
            if (m.label.equals(l)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown FEFF mode '" + label + "'; use local-scf, full, environment, shared-potential or no-scf");
    }
}
