package org.xasdaml.descriptor;

import java.util.Arrays;

/**
 * The Voronoi cell of a point among its neighbours, with the statistics pymatgen's
 * {@code VoronoiNN._extract_cell_info} reports for each facet (solid angle, area, volume of the
 * pyramid on the facet, distance to the facet, number of vertices).
 *
 * <p>pymatgen tessellates all sites within the cutoff with qhull and keeps the ridges of the
 * central site; here only the central cell is built, facet by facet: each neighbour p defines the
 * half-space {@code x·p̂ ≤ |p|/2}; its facet is a large square in the bisecting plane, clipped by
 * every other half-space (Sutherland-Hodgman) in order of distance, stopping as soon as the next
 * plane lies beyond the facet's farthest vertex (planes are sorted, so none later can cut). Each
 * vertex of a finished facet is then recomputed as the intersection of the three planes that meet
 * there, so vertex coordinates do not carry the rounding of the clipping. A facet that keeps a
 * vertex of the initial square is unbounded: the cell is open, which qhull reports as an infinite
 * vertex and pymatgen answers by doubling the cutoff.
 *
 * <p>Facets whose solid angle is below {@link #MIN_SOLID_ANGLE} are dropped: they are planes that
 * touch the cell at a vertex or an edge (exact in symmetric crystals), which qhull merges away.
 *
 * <p>Reference: M. O'Keeffe, Acta Cryst. A35 (1979) 772-775, doi:10.1107/S0567739479001765.
 */
final class VoronoiCell {
    /** Facets with a smaller solid angle (sr) are touching planes, not facets. */
    static final double MIN_SOLID_ANGLE = 0;
    private static final double BIG = 1e4;
    private static final double EPS = 1e-9;

    /** Index of each facet's neighbour in the input arrays. */
    final int[] neighbor;
    final double[] solidAngle;
    final double[] area;
    final double[] volume;
    final double[] faceDist;
    final int[] nVerts;
    final int count;
    /** False when some facet is unbounded (the point is on the hull of the points given). */
    final boolean bounded;
    /** Distance of the farthest vertex from the origin (Å), over the facets kept. */
    final double maxRadius;

    private VoronoiCell(int count, int[] neighbor, double[] solidAngle, double[] area, double[] volume, double[] faceDist,
                        int[] nVerts, boolean bounded, double maxRadius) {
        this.maxRadius = maxRadius;
        this.count = count;
        this.neighbor = neighbor;
        this.solidAngle = solidAngle;
        this.area = area;
        this.volume = volume;
        this.faceDist = faceDist;
        this.nVerts = nVerts;
        this.bounded = bounded;
    }

    /**
     * The cell of the origin among points {@code (px[i], py[i], pz[i])}, i in [from, to), which
     * must be sorted by distance from the origin and not contain the origin.
     */
    static VoronoiCell of(double[] px, double[] py, double[] pz, int from, int to) {
        double[][] planes = planes(px, py, pz, from, to);
        VoronoiCell inc = incremental(planes[0], planes[1], planes[2], planes[3], from, to - from);
        if (inc != null) {
            return inc;
        }
        return perFacet(planes[0], planes[1], planes[2], planes[3], from, to - from);
    }

    /** Unit normals and distances of the bisecting planes: {nx, ny, nz, h}. */
    static double[][] planes(double[] px, double[] py, double[] pz, int from, int to) {
        int m = to - from;
        double[] nx = new double[m];
        double[] ny = new double[m];
        double[] nz = new double[m];
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            double x = px[from + i];
            double y = py[from + i];
            double z = pz[from + i];
            double r = Math.sqrt(x * x + y * y + z * z);
            nx[i] = x / r;
            ny[i] = y / r;
            nz[i] = z / r;
            h[i] = 0.5 * r;
        }
        return new double[][] {nx, ny, nz, h};
    }

    /** The cell by cutting one polyhedron (fast); null if a cut was inconsistent. */
    static VoronoiCell incremental(double[] nx, double[] ny, double[] nz, double[] h, int from, int m) {
        ClippedPolyhedron p = new ClippedPolyhedron();
        for (int i = 0; i < m; i++) {
            if (h[i] * h[i] >= p.r2max * (1 + 1e-12) + 1e-12) {
                break;   // sorted: this and every later plane lie beyond the cell
            }
            if (!p.cut(nx[i], ny[i], nz[i], h[i], i)) {
                return null;
            }
        }
        if (p.open()) {
            return new VoronoiCell(0, new int[0], new double[0], new double[0], new double[0], new double[0], new int[0], false, 0);
        }
        p.refine(nx, ny, nz, h);
        Integer[] order = new Integer[p.nf];
        for (int f = 0; f < p.nf; f++) {
            order[f] = f;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(p.plane[a], p.plane[b]));
        int[] nb = new int[p.nf];
        double[] sa = new double[p.nf];
        double[] ar = new double[p.nf];
        double[] vo = new double[p.nf];
        double[] fd = new double[p.nf];
        int[] nv = new int[p.nf];
        Polygon poly = new Polygon();
        int count = 0;
        double cellRadius = 0;
        for (int k = 0; k < p.nf; k++) {
            int f = order[k];
            int i = p.plane[f];
            poly.load(p.vx, p.vy, p.vz, p.faces[f]);
            double angle = poly.solidAngle();
            if (!(angle > MIN_SOLID_ANGLE)) {
                continue;
            }
            cellRadius = Math.max(cellRadius, poly.maxRadius());
            double volume = poly.pyramidVolume();
            nb[count] = from + i;
            sa[count] = angle;
            vo[count] = volume;
            fd[count] = h[i];
            ar[count] = 3 * volume / h[i];
            nv[count] = poly.n;
            count++;
        }
        return new VoronoiCell(count, nb, sa, ar, vo, fd, nv, true, cellRadius);
    }

    /** The cell facet by facet (slower, independent of the cut bookkeeping). */
    static VoronoiCell perFacet(double[] nx, double[] ny, double[] nz, double[] h, int from, int m) {
        // pass 1: the cell of the nearest few planes bounds the cell of all; planes beyond its
        // farthest vertex cannot cut the final cell
        int limit = m;
        int k = Math.min(m, 32);
        if (k < m) {
            Polygon probe = new Polygon();
            double rmax = 0;
            boolean open = false;
            for (int i = 0; i < k && !open; i++) {
                if (probe.facet(i, nx, ny, nz, h, k)) {
                    if (probe.touchesBox()) {
                        open = true;
                    }
                    rmax = Math.max(rmax, probe.maxRadius());
                }
            }
            if (!open) {
                double lim = rmax * (1 + 1e-9) + 1e-9;
                int cut = k;
                while (cut < m && h[cut] <= lim) {
                    cut++;
                }
                limit = cut;
            }
        }
        Polygon poly = new Polygon();
        int cap = 32;
        int[] nb = new int[cap];
        double[] sa = new double[cap];
        double[] ar = new double[cap];
        double[] vo = new double[cap];
        double[] fd = new double[cap];
        int[] nv = new int[cap];
        int count = 0;
        boolean bounded = true;
        double cellRadius = 0;
        for (int i = 0; i < limit; i++) {
            if (!poly.facet(i, nx, ny, nz, h, limit)) {
                continue;
            }
            if (poly.touchesBox()) {
                bounded = false;
                break;   // an open cell is of no use to the caller, who will widen the cutoff
            }
            poly.refine(nx, ny, nz, h);
            double angle = poly.solidAngle();
            if (!(angle > MIN_SOLID_ANGLE)) {
                continue;
            }
            if (count == cap) {
                cap *= 2;
                nb = Arrays.copyOf(nb, cap);
                sa = Arrays.copyOf(sa, cap);
                ar = Arrays.copyOf(ar, cap);
                vo = Arrays.copyOf(vo, cap);
                fd = Arrays.copyOf(fd, cap);
                nv = Arrays.copyOf(nv, cap);
            }
            cellRadius = Math.max(cellRadius, poly.maxRadius());
            double volume = poly.pyramidVolume();
            nb[count] = from + i;
            sa[count] = angle;
            vo[count] = volume;
            fd[count] = h[i];
            ar[count] = 3 * volume / h[i];
            nv[count] = poly.n;
            count++;
        }
        return new VoronoiCell(count, nb, sa, ar, vo, fd, nv, bounded, cellRadius);
    }

    /** One facet polygon, reused between facets. */
    private static final class Polygon {
        int n;
        double[] x = new double[16];
        double[] y = new double[16];
        double[] z = new double[16];
        int[] edge = new int[16];     // plane of the edge from vertex k to k+1; negative: the initial square
        double[] tx = new double[16];
        double[] ty = new double[16];
        double[] tz = new double[16];
        int[] te = new int[16];
        int plane;

        /** Takes the polygon of a polyhedron's face. */
        void load(double[] vx, double[] vy, double[] vz, int[] face) {
            n = face.length;
            if (x.length < n) {
                x = new double[2 * n];
                y = new double[2 * n];
                z = new double[2 * n];
                edge = new int[2 * n];
            }
            for (int k = 0; k < n; k++) {
                x[k] = vx[face[k]];
                y[k] = vy[face[k]];
                z[k] = vz[face[k]];
            }
        }

        /** Builds the facet of plane i clipped by planes [0, limit); false if it is empty. */
        boolean facet(int i, double[] nx, double[] ny, double[] nz, double[] h, int limit) {
            plane = i;
            double ax = nx[i];
            double ay = ny[i];
            double az = nz[i];
            // an orthonormal pair in the plane
            double ux;
            double uy;
            double uz;
            if (Math.abs(ax) < 0.6) {
                ux = 0;
                uy = az;
                uz = -ay;
            } else {
                ux = -az;
                uy = 0;
                uz = ax;
            }
            double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
            ux /= ul;
            uy /= ul;
            uz /= ul;
            double vx = ay * uz - az * uy;
            double vy = az * ux - ax * uz;
            double vz = ax * uy - ay * ux;
            double cx = ax * h[i];
            double cy = ay * h[i];
            double cz = az * h[i];
            n = 4;
            double[] su = {BIG, -BIG, -BIG, BIG};
            double[] sv = {BIG, BIG, -BIG, -BIG};
            for (int k = 0; k < 4; k++) {
                x[k] = cx + su[k] * ux + sv[k] * vx;
                y[k] = cy + su[k] * uy + sv[k] * vy;
                z[k] = cz + su[k] * uz + sv[k] * vz;
                edge[k] = -1 - k;
            }
            double r2 = maxRadius2();
            for (int j = 0; j < limit; j++) {
                if (j == i) {
                    continue;
                }
                if (h[j] * h[j] >= r2 * (1 + 1e-12) + 1e-12) {
                    break;   // this plane and all later ones lie beyond the polygon
                }
                int before = n;
                if (!clip(nx[j], ny[j], nz[j], h[j], j)) {
                    return false;
                }
                if (n != before || changed) {
                    r2 = maxRadius2();
                }
            }
            return true;
        }

        private boolean changed;
        private double[] sbuf = new double[16];

        private double maxRadius2() {
            double r = 0;
            for (int k = 0; k < n; k++) {
                r = Math.max(r, x[k] * x[k] + y[k] * y[k] + z[k] * z[k]);
            }
            return r;
        }

        double maxRadius() {
            return Math.sqrt(maxRadius2());
        }

        boolean touchesBox() {
            for (int k = 0; k < n; k++) {
                if (edge[k] < 0) {
                    return true;
                }
            }
            return false;
        }

        /** Keeps the part with n·x ≤ d; false if nothing (of positive area) remains. */
        private boolean clip(double a, double b, double c, double d, int id) {
            changed = false;
            boolean anyOut = false;
            if (sbuf.length < n) {
                sbuf = new double[2 * n];
            }
            double[] s = sbuf;
            for (int k = 0; k < n; k++) {
                s[k] = a * x[k] + b * y[k] + c * z[k] - d;
                if (s[k] > EPS) {
                    anyOut = true;
                }
            }
            if (!anyOut) {
                return true;
            }
            changed = true;
            ensure(2 * n + 2);
            int m = 0;
            for (int k = 0; k < n; k++) {
                int k1 = k + 1 == n ? 0 : k + 1;
                double sa = s[k];
                double sb = s[k1];
                if (sa <= EPS) {
                    tx[m] = x[k];
                    ty[m] = y[k];
                    tz[m] = z[k];
                    if (sb > EPS) {
                        if (sa < -EPS) {
                            te[m++] = edge[k];
                            double t = sa / (sa - sb);
                            tx[m] = x[k] + t * (x[k1] - x[k]);
                            ty[m] = y[k] + t * (y[k1] - y[k]);
                            tz[m] = z[k] + t * (z[k1] - z[k]);
                            te[m++] = id;
                        } else {
                            te[m++] = id;
                        }
                    } else {
                        te[m++] = edge[k];
                    }
                } else if (sb < -EPS) {
                    double t = sa / (sa - sb);
                    tx[m] = x[k] + t * (x[k1] - x[k]);
                    ty[m] = y[k] + t * (y[k1] - y[k]);
                    tz[m] = z[k] + t * (z[k1] - z[k]);
                    te[m++] = edge[k];
                }
            }
            double[] sw = x;
            x = tx;
            tx = sw;
            sw = y;
            y = ty;
            ty = sw;
            sw = z;
            z = tz;
            tz = sw;
            int[] se = edge;
            edge = te;
            te = se;
            n = m;
            return n >= 3;
        }

        private void ensure(int c) {
            if (tx.length < c) {
                tx = new double[c];
                ty = new double[c];
                tz = new double[c];
                te = new int[c];
            }
            if (x.length < c) {
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
                z = Arrays.copyOf(z, c);
                edge = Arrays.copyOf(edge, c);
            }
        }

        /** Recomputes each vertex as the meeting point of the facet's plane and its two edges' planes. */
        void refine(double[] nx, double[] ny, double[] nz, double[] h) {
            int p = plane;
            for (int k = 0; k < n; k++) {
                int e1 = edge[k == 0 ? n - 1 : k - 1];
                int e2 = edge[k];
                if (e1 == e2 || e1 < 0 || e2 < 0) {
                    continue;
                }
                // solve [n_p; n_e1; n_e2] v = [h_p, h_e1, h_e2] by Cramer's rule
                double a1 = nx[p];
                double b1 = ny[p];
                double c1 = nz[p];
                double a2 = nx[e1];
                double b2 = ny[e1];
                double c2 = nz[e1];
                double a3 = nx[e2];
                double b3 = ny[e2];
                double c3 = nz[e2];
                double d1 = h[p];
                double d2 = h[e1];
                double d3 = h[e2];
                double det = a1 * (b2 * c3 - b3 * c2) - b1 * (a2 * c3 - a3 * c2) + c1 * (a2 * b3 - a3 * b2);
                if (Math.abs(det) < 1e-6) {
                    continue;
                }
                x[k] = (d1 * (b2 * c3 - b3 * c2) - b1 * (d2 * c3 - d3 * c2) + c1 * (d2 * b3 - d3 * b2)) / det;
                y[k] = (a1 * (d2 * c3 - d3 * c2) - d1 * (a2 * c3 - a3 * c2) + c1 * (a2 * d3 - a3 * d2)) / det;
                z[k] = (a1 * (b2 * d3 - b3 * d2) - b1 * (a2 * d3 - a3 * d2) + d1 * (a2 * b3 - a3 * b2)) / det;
            }
        }

        /**
         * Solid angle of the polygon seen from the origin, summed over the fan of triangles from
         * vertex 0 with the tetrahedron formula (pymatgen {@code solid_angle}).
         */
        double solidAngle() {
            double r0x = x[0];
            double r0y = y[0];
            double r0z = z[0];
            double n0 = Math.sqrt(r0x * r0x + r0y * r0y + r0z * r0z);
            double angle = 0;
            for (int i = 1; i < n - 1; i++) {
                int j = i + 1;
                double rix = x[i];
                double riy = y[i];
                double riz = z[i];
                double rjx = x[j];
                double rjy = y[j];
                double rjz = z[j];
                double ni = Math.sqrt(rix * rix + riy * riy + riz * riz);
                double nj = Math.sqrt(rjx * rjx + rjy * rjy + rjz * rjz);
                double cxp = riy * rjz - riz * rjy;
                double cyp = riz * rjx - rix * rjz;
                double czp = rix * rjy - riy * rjx;
                double tp = Math.abs(r0x * cxp + r0y * cyp + r0z * czp);
                double de = n0 * ni * nj + nj * (r0x * rix + r0y * riy + r0z * riz) + ni * (r0x * rjx + r0y * rjy + r0z * rjz)
                        + n0 * (rix * rjx + riy * rjy + riz * rjz);
                double my;
                if (de == 0) {
                    my = tp > 0 ? 0.5 * Math.PI : -0.5 * Math.PI;
                } else {
                    my = Math.atan(tp / de);
                }
                angle += (my > 0 ? my : my + Math.PI) * 2;
            }
            return angle;
        }

        /** Volume of the pyramid from the origin on the polygon (pymatgen's sum of {@code vol_tetra}). */
        double pyramidVolume() {
            double v = 0;
            for (int i = 1; i < n - 1; i++) {
                int j = i + 1;
                // (0 - v_j) · ((v_0 - v_j) x (v_i - v_j))
                double ax = x[0] - x[j];
                double ay = y[0] - y[j];
                double az = z[0] - z[j];
                double bx = x[i] - x[j];
                double by = y[i] - y[j];
                double bz = z[i] - z[j];
                double cx = ay * bz - az * by;
                double cy = az * bx - ax * bz;
                double cz = ax * by - ay * bx;
                v += Math.abs(-x[j] * cx - y[j] * cy - z[j] * cz) / 6;
            }
            return v;
        }
    }
}
