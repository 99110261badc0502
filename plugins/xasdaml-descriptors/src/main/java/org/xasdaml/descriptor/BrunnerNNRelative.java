package org.xasdaml.descriptor;

/**
 * Brunner's largest-relative-gap rule (pymatgen {@code BrunnerNN_relative}): sort the distances
 * within the cutoff, find the largest ratio d(k+1)/d(k) between consecutive ones, and keep
 * every atom nearer than d(k) + tol.
 *
 * <p>Defaults as pymatgen: tol 1e-4 Å, cutoff 8 Å. Of equal largest ratios the first (nearest)
 * gap wins, as Python's {@code list.index(max(...))}. Weight: d_min / d.
 *
 * <p>For a surface atom of a cluster (in the reference's 40 Å box, whose images are beyond 8 Å)
 * the distances within 8 Å are those of the cluster alone; the largest relative gap may then lie
 * after the second or third shell, so CN counts more than the first shell (37 of the 1000 Cu
 * frames keep neighbours beyond 3.6 Å), in pymatgen as here.
 *
 * <p>Reference: G. O. Brunner, Acta Cryst. A33 (1977) 226-227, doi:10.1107/S0567739477000461.
 */
public final class BrunnerNNRelative implements NeighborFinder {
    private final double tol;
    private final double cutoff;

    public BrunnerNNRelative() {
        this(1e-4, 8.0);
    }

    public BrunnerNNRelative(double tol, double cutoff) {
        this.tol = tol;
        this.cutoff = cutoff;
    }

    @Override
    public String name() {
        return "BrunnerNN_relative";
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        NeighborList list = env.neighbors(cutoff);
        if (list.n < 2) {
            throw new IllegalArgumentException("BrunnerNN_relative: fewer than two atoms within " + cutoff + " Å of site "
                    + env.site() + ", no gap to find");
        }
        double best = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (int i = 0; i + 1 < list.n; i++) {
            double ratio = list.d[i + 1] / list.d[i];
            if (ratio > best) {
                best = ratio;
                at = i;
            }
        }
        double limit = list.d[at] + tol;
        double dmin = list.d[0];
        Neighbors.Builder out = new Neighbors.Builder();
        for (int i = 0; i < list.n && list.d[i] < limit; i++) {
            out.add(list, i, dmin / list.d[i]);
        }
        return out.build();
    }
}
