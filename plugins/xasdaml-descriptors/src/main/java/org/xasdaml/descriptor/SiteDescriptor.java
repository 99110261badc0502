package org.xasdaml.descriptor;

import java.util.List;

/**
 * A set of numbers that describe one site's surroundings, computed from its
 * {@link SiteEnvironment}: one class per descriptor, so a new one (second-shell CN, bond-angle
 * distribution) is a new class and a name in {@link #named(String)}, not a change to the step.
 */
public interface SiteDescriptor {

    /** Column names of the values, in order (e.g. CN_JmolNN, CR_JmolNN). */
    List<String> columns();

    /** The values for the environment's site, one per column. */
    double[] compute(SiteEnvironment env);

    /** The descriptor called name: for now the coordination (CN, CR) of a pymatgen neighbour finder. */
    static SiteDescriptor named(String name) {
        return new Coordination(NeighborFinder.named(name));
    }
}
