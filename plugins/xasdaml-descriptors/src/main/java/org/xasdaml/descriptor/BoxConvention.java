package org.xasdaml.descriptor;

import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;

/** Which cell the neighbour finders see. */
public enum BoxConvention {
    /**
     * The file's own periodicity (default): a frame periodic along any axis keeps its cell (a bulk
     * crystal stays a crystal), a frame without periodicity is an isolated cluster and goes into the
     * reference's cubic box. Boxing a periodic 108-atom fcc Cu cell as the reference did turns it into
     * an isolated 10.7 Å cube, whose absorber then loses neighbours across the cell faces (JmolNN CN
     * 9-10 instead of 12); for the cluster sets this gives exactly the reference's labels.
     */
    AUTO,
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
            case AUTO -> frame.periodic() ? frame : CLUSTER_IN_BOX.apply(frame, box);
            case CLUSTER_IN_BOX -> frame.withLattice(Lattice.orthorhombic(box, box, box), new boolean[] {true, true, true});
            case AS_READ -> frame;
        };
    }
}
