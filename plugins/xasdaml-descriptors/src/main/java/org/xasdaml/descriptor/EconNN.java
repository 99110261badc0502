package org.xasdaml.descriptor;

/**
 * Hoppe's effective coordination number (pymatgen {@code EconNN}, defaults: tol 0.2, cutoff 10 Å,
 * no cation/anion filter, bond distances rather than fictive ionic radii).
 *
 * <p>1. The mean fictive ionic radius starts as the weighted mean of all distances d within the
 * cutoff with weights exp(1 - (d/d_min)^6); 2. it is iterated, replacing d_min by the previous
 * mean, until it changes by at most 1e-4 Å; 3. a neighbour's bond weight is
 * exp(1 - (d/mefir)^6), and atoms with weight above tol (and d strictly below the cutoff) are
 * neighbours.
 *
 * <p>Reference: R. Hoppe, Z. Kristallogr. 150 (1979) 23-52, doi:10.1524/zkri.1979.150.14.23.
 */
public final class EconNN implements NeighborFinder {
    private final double tol;
    private final double cutoff;

    public EconNN() {
        this(0.2, 10.0);
    }

    public EconNN(double tol, double cutoff) {
        this.tol = tol;
        this.cutoff = cutoff;
    }

    @Override
    public String name() {
        return "EconNN";
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        NeighborList list = env.neighbors(cutoff);
        if (list.n == 0) {
            throw new IllegalArgumentException("EconNN: no atom within " + cutoff + " Å of site " + env.site());
        }
        double[] d = list.d;
        int n = list.n;
        double mefir = meanFictiveRadius(d, n, d[0]);
        double prev = Double.POSITIVE_INFINITY;
        while (Math.abs(prev - mefir) > 1e-4) {
            prev = mefir;
            mefir = meanFictiveRadius(d, n, mefir);
        }
        Neighbors.Builder out = new Neighbors.Builder();
        for (int i = 0; i < n; i++) {
            if (d[i] < cutoff) {
                double r = d[i] / mefir;
                double w = Math.exp(1 - Math.pow(r, 6));
                if (w > tol) {
                    out.add(list, i, w);
                }
            }
        }
        return out.build();
    }

    /** Hoppe's equation 2 (pymatgen {@code _get_mean_fictive_ionic_radius}). */
    static double meanFictiveRadius(double[] d, int n, double minimum) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(1 - Math.pow(d[i] / minimum, 6));
            weighted += d[i] * e;
            total += e;
        }
        return weighted / total;
    }
}
