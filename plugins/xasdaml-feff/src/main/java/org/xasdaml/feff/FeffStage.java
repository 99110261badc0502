package org.xasdaml.feff;

import java.util.List;

/**
 * The six programs of Feff8L, run in this order in one folder; each reads what the ones before it
 * wrote there. Costs measured on a 108-atom Cu cluster (K edge, reference cards, one core): pot
 * with SCF ≈ 146 s and without ≈ 0.05 s; every other stage ≤ 0.25 s. So pot's self-consistent loop
 * is the whole cost, which is what {@link FeffMode#SHARED_POTENTIAL} and {@link FeffMode#NO_SCF} avoid.
 */
public enum FeffStage {
    /** Reads feff.inp, writes the json parameter files and the geometry of the later stages. */
    RDINP("feff8l_rdinp", List.of("geom.json", "pot.json", "xsph.json")),
    /** Atomic and (optionally self-consistent) muffin-tin potentials: {@code pot.pad}. */
    POT("feff8l_pot", List.of("pot.pad")),
    /** Cross-section and scattering phase shifts per unique potential: {@code phase.pad}, {@code xsect.json}. */
    XSPH("feff8l_xsph", List.of("phase.pad", "xsect.json")),
    /** Scattering paths up to RPATH: {@code paths.dat}. */
    PATHFINDER("feff8l_pathfinder", List.of("paths.dat")),
    /** Effective scattering amplitudes of every path: {@code feff.pad}, {@code list.dat}. */
    GENFMT("feff8l_genfmt", List.of("feff.pad", "list.dat")),
    /** Sum over paths: {@code xmu.dat}, {@code chi.dat}. */
    FF2X("feff8l_ff2x", List.of("xmu.dat", "chi.dat"));

    private final String program;
    private final List<String> outputs;

    FeffStage(String program, List<String> outputs) {
        this.program = program;
        this.outputs = outputs;
    }

    /** The executable's name, e.g. {@code feff8l_pot}. */
    public String program() {
        return program;
    }

    /** Files the stage must leave in the folder; missing ones mean it failed even when it exited with 0. */
    public List<String> outputs() {
        return outputs;
    }

    /** The stage's short name: rdinp, pot, … */
    public String label() {
        return program.substring("feff8l_".length());
    }
}
