package org.xasdaml.descriptor;

/**
 * The nearest neighbour and every atom almost as near (pymatgen {@code MinimumDistanceNN}):
 * neighbours are the atoms within the cutoff with {@code d < (1 + tol) d_min}.
 *
 * <p>Defaults as pymatgen: tol 0.1, cutoff 10 Å. Weight: d_min / d.
 */
public final class MinimumDistanceNN implements NeighborFinder {
    private final double tol;
    private final double cutoff;

    public MinimumDistanceNN() {
        this(0.1, 10.0);
    }

    public MinimumDistanceNN(double tol, double cutoff) {
        this.tol = tol;
        this.cutoff = cutoff;
    }

    @Override
    public String name() {
        return "MinimumDistanceNN";
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        NeighborList list = env.neighbors(cutoff);
        if (list.n == 0) {
            throw new IllegalArgumentException("MinimumDistanceNN: no atom within " + cutoff + " Å of site " + env.site());
        }
        double dmin = list.d[0];
        double limit = (1.0 + tol) * dmin;
        Neighbors.Builder out = new Neighbors.Builder();
        for (int i = 0; i < list.n && list.d[i] < limit; i++) {
            out.add(list, i, dmin / list.d[i]);
        }
        return out.build();
    }
}
