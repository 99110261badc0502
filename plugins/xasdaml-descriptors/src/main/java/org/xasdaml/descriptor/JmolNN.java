package org.xasdaml.descriptor;

import org.xasdaml.structure.Element;

/**
 * Jmol's default bonding rule (pymatgen {@code JmolNN}): atoms i and j are bonded when
 * {@code min_bond_distance < d ≤ r_i + r_j + tol} with the Jmol/OpenBabel bond radii.
 *
 * <p>Defaults as pymatgen: tol 0.45 Å, min_bond_distance 0.4 Å (Cu–Cu: bonded up to 3.49 Å).
 * Weight of a neighbour: the shortest bond length possible in the structure over its distance.
 */
public final class JmolNN implements NeighborFinder {
    private final double tol;
    private final double minBondDistance;

    public JmolNN() {
        this(0.45, 0.4);
    }

    public JmolNN(double tol, double minBondDistance) {
        this.tol = tol;
        this.minBondDistance = minBondDistance;
    }

    @Override
    public String name() {
        return "JmolNN";
    }

    /** The longest bond between two elements (Å), pymatgen {@code get_max_bond_distance}. */
    public double maxBondDistance(Element a, Element b) {
        double s = ElementRadii.jmolBondRadius(a) + ElementRadii.jmolBondRadius(b) + tol;
        return Math.sqrt(s * s);
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        Element c = env.centralElement();
        double maxBond = Double.NEGATIVE_INFINITY;
        double minBond = Double.POSITIVE_INFINITY;
        for (Element e : env.elementsPresent()) {
            double b = maxBondDistance(c, e);
            maxBond = Math.max(maxBond, b);
            minBond = Math.min(minBond, b);
        }
        NeighborList list = env.neighbors(maxBond + tol);
        Neighbors.Builder out = new Neighbors.Builder();
        Element last = null;
        double lastBond = 0;
        for (int i = 0; i < list.n; i++) {
            Element e = env.element(list.atom[i]);
            if (e != last) {
                last = e;
                lastBond = maxBondDistance(c, e);
            }
            double d = list.d[i];
            if (d <= lastBond && d > minBondDistance) {
                out.add(list, i, minBond / d);
            }
        }
        return out.build();
    }
}
