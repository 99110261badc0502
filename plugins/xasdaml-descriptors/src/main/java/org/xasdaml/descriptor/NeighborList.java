package org.xasdaml.descriptor;

/**
 * Every atom (and periodic image) within a radius of one site, sorted by distance: the one search
 * that all neighbour finders of a sample share.
 *
 * <p>Entry {@code i} is atom {@link #atom(int)} displaced by {@link #x(int)}, {@link #y(int)},
 * {@link #z(int)} (Å) from the central site, at distance {@link #distance(int)}. Ties in distance
 * keep atom order, then image order, so the list is deterministic. Whether the central site itself
 * (distance 0) is an entry depends on how the list was made: pymatgen's {@code get_neighbors}
 * excludes it, {@code get_sites_in_sphere} (used by VoronoiNN) includes it.
 */
public final class NeighborList {
    final int n;
    final int[] atom;
    final double[] x;
    final double[] y;
    final double[] z;
    final double[] d;
    final double radius;

    NeighborList(int n, int[] atom, double[] x, double[] y, double[] z, double[] d, double radius) {
        this.n = n;
        this.atom = atom;
        this.x = x;
        this.y = y;
        this.z = z;
        this.d = d;
        this.radius = radius;
    }

    /** Number of entries. */
    public int size() {
        return n;
    }

    /** The radius searched (Å). */
    public double radius() {
        return radius;
    }

    public int atom(int i) {
        return atom[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double z(int i) {
        return z[i];
    }

    public double distance(int i) {
        return d[i];
    }

    /** Number of leading entries with distance at most r (plus pymatgen's 1e-8 Å tolerance). */
    public int countWithin(double r) {
        double lim = r + SiteEnvironment.DISTANCE_TOL;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d[mid] <= lim) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
