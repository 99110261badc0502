package org.xasdaml.descriptor;

import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;

/** Which cell the neighbour finders see. */
public enum BoxConvention {
    /**
     * The XASDAML reference's convention: the frame's atoms, unmoved, in a cubic periodic box
     * (40 Å by default) with its corner at the origin, whatever cell the file gives. Results
     * are then comparable with the reference's pymatgen labels.
     */
    CLUSTER_IN_BOX,
    /** The file's own cell and periodicity (crystals; a file without a cell is an isolated cluster). */
    AS_READ;

    /** The frame as the finders should see it; box is the cubic box edge for CLUSTER_IN_BOX (Å). */
    public Frame apply(Frame frame, double box) {
        return switch (this) {
            case CLUSTER_IN_BOX -> frame.withLattice(Lattice.orthorhombic(box, box, box), new boolean[] {true, true, true});
            case AS_READ -> frame;
        };
    }
}
