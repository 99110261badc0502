package org.xasdaml.descriptor;

import java.util.List;

/**
 * A rule that says which atoms around a site are its neighbours: one of pymatgen's
 * {@code NearNeighbors} classes, re-implemented with its semantics and default parameters.
 */
public interface NeighborFinder {

    /** pymatgen's class names of the six finders of the XASDAML reference, in its order. */
    List<String> REFERENCE_METHODS = List.of("BrunnerNN_relative", "VoronoiNN", "JmolNN", "MinimumDistanceNN", "CrystalNN", "EconNN");

    /** The pymatgen class name, used in column names (CN_JmolNN). */
    String name();

    /** The neighbours of the environment's site (pymatgen {@code get_nn_info}). */
    Neighbors find(SiteEnvironment env);

    /** A finder with pymatgen's default parameters, by pymatgen class name. */
    static NeighborFinder named(String name) {
        return switch (name) {
            case "BrunnerNN_relative" -> new BrunnerNNRelative();
            case "VoronoiNN" -> new VoronoiNN();
            case "JmolNN" -> new JmolNN();
            case "MinimumDistanceNN" -> new MinimumDistanceNN();
            case "CrystalNN" -> new CrystalNN();
            case "EconNN" -> new EconNN();
            default -> throw new IllegalArgumentException("unknown neighbour method '" + name + "'; known: "
                    + String.join(", ", REFERENCE_METHODS));
        };
    }
}
