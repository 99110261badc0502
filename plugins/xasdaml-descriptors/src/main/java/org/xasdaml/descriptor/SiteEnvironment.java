package org.xasdaml.descriptor;

import java.util.Arrays;

import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Lattice;

/**
 * One site of a frame and its surroundings, with the neighbour search shared by all finders.
 *
 * <p>Periodic images follow the frame's lattice along the periodic directions only (a cluster put
 * in the reference's 40 Å box is periodic along all three). The sorted list of neighbours is
 * computed once for the largest radius asked so far and cut for smaller radii, so six finders on
 * one site cost one search (pymatgen searches once per finder, and again on every Voronoi retry).
 *
 * <p>Not thread-safe: one environment belongs to one worker.
 */
public final class SiteEnvironment {
    /** pymatgen's numerical tolerance of neighbour searches (Å): a site at r + 1e-8 counts as within r. */
    static final double DISTANCE_TOL = 1e-8;

    private final Frame frame;
    private final int site;
    private final Lattice lattice;
    private final boolean[] pbc;
    private final double[] pos;
    private final double cx;
    private final double cy;
    private final double cz;
    private final double[] recipLen = new double[3];
    private final double[] frac;   // fractional coordinates of every atom relative to the site (periodic frames)
    private NeighborList withSelf;
    private java.util.List<Element> present;

    private SiteEnvironment(Frame frame, int site, Lattice lattice, boolean[] pbc) {
        if (site < 0 || site >= frame.size()) {
            throw new IllegalArgumentException("frame " + frame.index() + " has no atom " + site + " (" + frame.size() + " atoms)");
        }
        this.frame = frame;
        this.site = site;
        this.lattice = lattice;
        this.pbc = pbc.clone();
        this.pos = frame.positions();
        this.cx = pos[3 * site];
        this.cy = pos[3 * site + 1];
        this.cz = pos[3 * site + 2];
        if (lattice != null && (pbc[0] || pbc[1] || pbc[2])) {
            double[][] m = lattice.matrix();
            // |b_i| = |a_j x a_k| / V : the inverse of the spacing of lattice planes i
            for (int i = 0; i < 3; i++) {
                double[] a = m[(i + 1) % 3];
                double[] b = m[(i + 2) % 3];
                double cxv = a[1] * b[2] - a[2] * b[1];
                double cyv = a[2] * b[0] - a[0] * b[2];
                double czv = a[0] * b[1] - a[1] * b[0];
                recipLen[i] = Math.sqrt(cxv * cxv + cyv * cyv + czv * czv) / lattice.volume();
            }
            frac = new double[pos.length];
            double[] f = new double[3];
            for (int j = 0; j < frame.size(); j++) {
                lattice.toFractional(pos[3 * j] - cx, pos[3 * j + 1] - cy, pos[3 * j + 2] - cz, f);
                frac[3 * j] = f[0];
                frac[3 * j + 1] = f[1];
                frac[3 * j + 2] = f[2];
            }
        } else {
            frac = null;
        }
    }

    /** The site in the frame's own cell and periodicity (a frame without a cell is an isolated cluster). */
    public static SiteEnvironment of(Frame frame, int site) {
        return new SiteEnvironment(frame, site, frame.lattice(), frame.pbc());
    }

    public Frame frame() {
        return frame;
    }

    public int site() {
        return site;
    }

    public Element element(int atom) {
        return frame.element(atom);
    }

    public Element centralElement() {
        return frame.element(site);
    }

    /** The distinct elements of the frame (pymatgen {@code structure.composition.elements}). */
    public java.util.List<Element> elementsPresent() {
        if (present == null) {
            java.util.LinkedHashSet<Element> s = new java.util.LinkedHashSet<>(frame.elements());
            present = java.util.List.copyOf(s);
        }
        return present;
    }

    /**
     * Neighbours within r, the central site excluded, as pymatgen's {@code Structure.get_neighbors}
     * (distance at most r + 1e-8 Å).
     */
    public NeighborList neighbors(double r) {
        NeighborList all = sitesInSphere(r);
        int cnt = all.countWithin(r);
        int[] a = new int[cnt];
        double[] x = new double[cnt];
        double[] y = new double[cnt];
        double[] z = new double[cnt];
        double[] d = new double[cnt];
        int n = 0;
        for (int i = 0; i < cnt; i++) {
            if (all.atom[i] == site && all.d[i] <= DISTANCE_TOL) {
                continue;   // the site itself, not its periodic images
            }
            a[n] = all.atom[i];
            x[n] = all.x[i];
            y[n] = all.y[i];
            z[n] = all.z[i];
            d[n] = all.d[i];
            n++;
        }
        return new NeighborList(n, a, x, y, z, d, r);
    }

    /**
     * Every site within r including the central one, sorted by distance (pymatgen's
     * {@code get_sites_in_sphere}); the returned list may extend beyond r, use
     * {@link NeighborList#countWithin(double)}.
     */
    public NeighborList sitesInSphere(double r) {
        if (withSelf == null || withSelf.radius < r) {
            withSelf = search(Math.max(r, withSelf == null ? 0 : withSelf.radius));
        }
        return withSelf;
    }

    private NeighborList search(double r) {
        int nAtoms = frame.size();
        Found found = new Found(Math.max(16, nAtoms));
        double lim = r + DISTANCE_TOL;
        double lim2 = lim * lim;
        if (frac == null) {
            for (int j = 0; j < nAtoms; j++) {
                double dx = pos[3 * j] - cx;
                double dy = pos[3 * j + 1] - cy;
                double dz = pos[3 * j + 2] - cz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= lim2) {
                    found.add(j, dx, dy, dz, d2);
                }
            }
        } else {
            double[][] m = lattice.matrix();
            int[] lo = new int[3];
            int[] hi = new int[3];
            for (int j = 0; j < nAtoms; j++) {
                for (int k = 0; k < 3; k++) {
                    double f = frac[3 * j + k];
                    if (pbc[k]) {
                        double w = lim * recipLen[k];
                        lo[k] = (int) Math.ceil(-w - f);
                        hi[k] = (int) Math.floor(w - f);
                    } else {
                        lo[k] = 0;
                        hi[k] = 0;
                    }
                }
                double bx = pos[3 * j] - cx;
                double by = pos[3 * j + 1] - cy;
                double bz = pos[3 * j + 2] - cz;
                for (int i0 = lo[0]; i0 <= hi[0]; i0++) {
                    for (int i1 = lo[1]; i1 <= hi[1]; i1++) {
                        double px = bx + i0 * m[0][0] + i1 * m[1][0];
                        double py = by + i0 * m[0][1] + i1 * m[1][1];
                        double pz = bz + i0 * m[0][2] + i1 * m[1][2];
                        for (int i2 = lo[2]; i2 <= hi[2]; i2++) {
                            double dx = px + i2 * m[2][0];
                            double dy = py + i2 * m[2][1];
                            double dz = pz + i2 * m[2][2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 <= lim2) {
                                found.add(j, dx, dy, dz, d2);
                            }
                        }
                    }
                }
            }
        }
        return found.sorted(r);
    }

    /** Neighbours as they are found (atom, offset, distance), in growable columns. */
    private static final class Found {
        private int n;
        private int[] atom;
        private double[] xs;
        private double[] ys;
        private double[] zs;
        private double[] ds;

        Found(int capacity) {
            atom = new int[capacity];
            xs = new double[capacity];
            ys = new double[capacity];
            zs = new double[capacity];
            ds = new double[capacity];
        }

        void add(int j, double dx, double dy, double dz, double d2) {
            if (n == atom.length) {
                int cap = 2 * n;
                atom = Arrays.copyOf(atom, cap);
                xs = Arrays.copyOf(xs, cap);
                ys = Arrays.copyOf(ys, cap);
                zs = Arrays.copyOf(zs, cap);
                ds = Arrays.copyOf(ds, cap);
            }
            atom[n] = j;
            xs[n] = dx;
            ys[n] = dy;
            zs[n] = dz;
            ds[n] = Math.sqrt(d2);
            n++;
        }

        /** The neighbours sorted by distance (ties by discovery order). */
        NeighborList sorted(double r) {
            int[] order = sortedByDistance(ds, n);
            int[] a2 = new int[n];
            double[] x2 = new double[n];
            double[] y2 = new double[n];
            double[] z2 = new double[n];
            double[] d2 = new double[n];
            for (int i = 0; i < n; i++) {
                int o = order[i];
                a2[i] = atom[o];
                x2[i] = xs[o];
                y2[i] = ys[o];
                z2[i] = zs[o];
                d2[i] = ds[o];
            }
            return new NeighborList(n, a2, x2, y2, z2, d2, r);
        }
    }

    /**
     * Indices that sort non-negative distances ascending, ties in index order. The low bits of
     * each distance's IEEE pattern are replaced by its index so one primitive sort does the work;
     * an insertion pass then restores the exact order among the few distances that differed only
     * in those bits.
     */
    static int[] sortedByDistance(double[] d, int n) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        long mask = (1L << bits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (Double.doubleToRawLongBits(d[i]) & ~mask) | i;
        }
        Arrays.sort(keys);
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = (int) (keys[i] & mask);
        }
        for (int i = 1; i < n; i++) {
            int v = o[i];
            int j = i - 1;
            while (j >= 0 && (d[o[j]] > d[v] || (d[o[j]] == d[v] && o[j] > v))) {
                o[j + 1] = o[j];
                j--;
            }
            o[j + 1] = v;
        }
        return o;
    }

    /** Voronoi cells already computed for this site, by cutoff (see {@link VoronoiFacets}). */
    final java.util.List<VoronoiFacets> voronoiCache = new java.util.ArrayList<>(4);
    /** The largest cutoff at which the site's Voronoi cell was found open. */
    double voronoiOpenUpTo = -1;

    /**
     * Distance from the central site to the nearest image of an atom (Å): what pymatgen's
     * {@code PeriodicSite.distance} returns, and so what the reference averages into CR.
     */
    public double minimumImageDistance(int atom) {
        double bx = pos[3 * atom] - cx;
        double by = pos[3 * atom + 1] - cy;
        double bz = pos[3 * atom + 2] - cz;
        if (frac == null) {
            return Math.sqrt(bx * bx + by * by + bz * bz);
        }
        double[][] m = lattice.matrix();
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = pbc[k] ? Math.rint(frac[3 * atom + k]) : 0;
        }
        double x0 = bx - r[0] * m[0][0] - r[1] * m[1][0] - r[2] * m[2][0];
        double y0 = by - r[0] * m[0][1] - r[1] * m[1][1] - r[2] * m[2][1];
        double z0 = bz - r[0] * m[0][2] - r[1] * m[1][2] - r[2] * m[2][2];
        double best = Math.sqrt(x0 * x0 + y0 * y0 + z0 * z0);
        int[] w = new int[3];
        for (int k = 0; k < 3; k++) {
            w[k] = pbc[k] ? (int) Math.ceil(best * recipLen[k]) : 0;
        }
        for (int i0 = -w[0]; i0 <= w[0]; i0++) {
            for (int i1 = -w[1]; i1 <= w[1]; i1++) {
                for (int i2 = -w[2]; i2 <= w[2]; i2++) {
                    double dx = x0 + i0 * m[0][0] + i1 * m[1][0] + i2 * m[2][0];
                    double dy = y0 + i0 * m[0][1] + i1 * m[1][1] + i2 * m[2][1];
                    double dz = z0 + i0 * m[0][2] + i1 * m[1][2] + i2 * m[2][2];
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (d < best) {
                        best = d;
                    }
                }
            }
        }
        return best;
    }

    /** Longest body diagonal of the cell plus 0.01 Å: VoronoiNN's largest cutoff (0 without a cell). */
    double longestCellDiagonal() {
        if (lattice == null) {
            return 0;
        }
        double[][] m = lattice.matrix();
        int[][] corners = {{1, 1, 1}, {-1, 1, 1}, {1, -1, 1}, {1, 1, -1}};
        double best = 0;
        for (int[] c : corners) {
            double x = c[0] * m[0][0] + c[1] * m[1][0] + c[2] * m[2][0];
            double y = c[0] * m[0][1] + c[1] * m[1][1] + c[2] * m[2][1];
            double z = c[0] * m[0][2] + c[1] * m[1][2] + c[2] * m[2][2];
            best = Math.max(best, Math.sqrt(x * x + y * y + z * z));
        }
        return best + 0.01;
    }
}
