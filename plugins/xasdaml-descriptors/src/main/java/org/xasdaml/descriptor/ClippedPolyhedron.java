package org.xasdaml.descriptor;

import java.util.Arrays;

/**
 * A convex polyhedron cut down plane by plane: the incremental construction of one Voronoi cell
 * (as in Rycroft's voro++), starting from a large cube around the origin.
 *
 * <p>Each cut classifies the vertices as inside, on (within {@link #EPS} Å) or outside the plane,
 * clips every face polygon, and closes the hole with a new face whose boundary is chained from
 * the clipped faces' edges that lie in the plane. Faces keep the id of the plane that made them
 * (negative for the cube), so the finished cell knows each facet's neighbour and each vertex can
 * be recomputed from three planes. Cutting costs time only for planes that cut: a plane farther
 * than the farthest vertex is rejected without looking at the faces.
 *
 * <p>{@link #cut} returns false when the face edges in the plane do not chain into one cycle
 * (possible only in near-degenerate cases); the caller then falls back to another construction.
 */
final class ClippedPolyhedron {
    static final double EPS = 1e-9;
    static final double BIG = 1e4;

    double[] vx = new double[64];
    double[] vy = new double[64];
    double[] vz = new double[64];
    int nv;
    int[][] faces = new int[32][];
    int[] plane = new int[32];
    int nf;
    double r2max;

    // scratch
    private double[] s = new double[64];
    private byte[] st = new byte[64];
    private int[] capFrom = new int[64];
    private int[] capTo = new int[64];
    private long[] edgeKey = new long[64];
    private int[] edgeVertex = new int[64];
    private int[] buf = new int[64];

    ClippedPolyhedron() {
        for (int i = 0; i < 8; i++) {
            addVertex((i & 1) != 0 ? BIG : -BIG, (i & 2) != 0 ? BIG : -BIG, (i & 4) != 0 ? BIG : -BIG);
        }
        int[][] cube = {{0, 2, 6, 4}, {1, 5, 7, 3}, {0, 4, 5, 1}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 6, 7, 5}};
        for (int f = 0; f < 6; f++) {
            int[] c = cube[f];
            addFace(orientOutward(c), -1 - f);
        }
        r2max = 3 * BIG * BIG;
    }

    private int[] orientOutward(int[] c) {
        double ax = vx[c[1]] - vx[c[0]];
        double ay = vy[c[1]] - vy[c[0]];
        double az = vz[c[1]] - vz[c[0]];
        double bx = vx[c[2]] - vx[c[0]];
        double by = vy[c[2]] - vy[c[0]];
        double bz = vz[c[2]] - vz[c[0]];
        double nx = ay * bz - az * by;
        double ny = az * bx - ax * bz;
        double nz = ax * by - ay * bx;
        double dot = nx * vx[c[0]] + ny * vy[c[0]] + nz * vz[c[0]];
        if (dot < 0) {
            int[] r = new int[c.length];
            for (int i = 0; i < c.length; i++) {
                r[i] = c[c.length - 1 - i];
            }
            return r;
        }
        return c.clone();
    }

    private int addVertex(double x, double y, double z) {
        if (nv == vx.length) {
            int c = 2 * nv;
            vx = Arrays.copyOf(vx, c);
            vy = Arrays.copyOf(vy, c);
            vz = Arrays.copyOf(vz, c);
        }
        vx[nv] = x;
        vy[nv] = y;
        vz[nv] = z;
        return nv++;
    }

    private void addFace(int[] f, int id) {
        if (nf == faces.length) {
            faces = Arrays.copyOf(faces, 2 * nf);
            plane = Arrays.copyOf(plane, 2 * nf);
        }
        faces[nf] = f;
        plane[nf] = id;
        nf++;
    }

    /** True when a face of the initial cube survives: the cell is open. */
    boolean open() {
        for (int f = 0; f < nf; f++) {
            if (plane[f] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the part with {@code a x + b y + c z ≤ h} (a, b, c a unit normal).
     *
     * @return false if the cut could not be made consistently
     */
    boolean cut(double a, double b, double c, double h, int id) {
        if (h * h >= r2max * (1 + 1e-12) + 1e-12) {
            return true;
        }
        if (s.length < nv) {
            s = new double[2 * nv];
            st = new byte[2 * nv];
        }
        boolean anyOut = false;
        for (int v = 0; v < nv; v++) {
            double d = a * vx[v] + b * vy[v] + c * vz[v] - h;
            s[v] = d;
            if (d > EPS) {
                st[v] = 2;
                anyOut = true;
            } else if (d < -EPS) {
                st[v] = 0;
            } else {
                st[v] = 1;
            }
        }
        if (!anyOut) {
            return true;
        }
        int nOld = nv;
        int nEdges = 0;
        int nCap = 0;
        int[][] newFaces = new int[nf + 1][];
        int[] newPlane = new int[nf + 1];
        int nNew = 0;
        for (int f = 0; f < nf; f++) {
            int[] face = faces[f];
            int len = face.length;
            boolean hasIn = false;
            boolean hasOut = false;
            for (int v : face) {
                if (st[v] == 0) {
                    hasIn = true;
                } else if (st[v] == 2) {
                    hasOut = true;
                }
            }
            if (!hasIn) {
                continue;   // entirely beyond (or touching) the plane
            }
            int[] out;
            if (!hasOut) {
                out = face;
            } else {
                if (buf.length < 2 * len) {
                    buf = new int[4 * len];
                }
                int m = 0;
                for (int k = 0; k < len; k++) {
                    int p = face[k];
                    int q = face[k + 1 == len ? 0 : k + 1];
                    if (st[p] != 2) {
                        buf[m++] = p;
                    }
                    if ((st[p] == 0 && st[q] == 2) || (st[p] == 2 && st[q] == 0)) {
                        long key = p < q ? ((long) p << 32) | q : ((long) q << 32) | p;
                        int nvIdx = -1;
                        for (int e = 0; e < nEdges; e++) {
                            if (edgeKey[e] == key) {
                                nvIdx = edgeVertex[e];
                                break;
                            }
                        }
                        if (nvIdx < 0) {
                            double t = s[p] / (s[p] - s[q]);
                            nvIdx = addVertex(vx[p] + t * (vx[q] - vx[p]), vy[p] + t * (vy[q] - vy[p]), vz[p] + t * (vz[q] - vz[p]));
                            if (nEdges == edgeKey.length) {
                                edgeKey = Arrays.copyOf(edgeKey, 2 * nEdges);
                                edgeVertex = Arrays.copyOf(edgeVertex, 2 * nEdges);
                            }
                            edgeKey[nEdges] = key;
                            edgeVertex[nEdges++] = nvIdx;
                        }
                        buf[m++] = nvIdx;
                    }
                }
                if (m < 3) {
                    continue;
                }
                out = Arrays.copyOf(buf, m);
            }
            // edges of the kept face that lie in the plane border the new face (reversed)
            int m = out.length;
            for (int k = 0; k < m; k++) {
                int p = out[k];
                int q = out[k + 1 == m ? 0 : k + 1];
                if (inPlane(p, nOld) && inPlane(q, nOld)) {
                    if (nCap == capFrom.length) {
                        capFrom = Arrays.copyOf(capFrom, 2 * nCap);
                        capTo = Arrays.copyOf(capTo, 2 * nCap);
                    }
                    capFrom[nCap] = q;
                    capTo[nCap++] = p;
                }
            }
            newFaces[nNew] = out;
            newPlane[nNew++] = plane[f];
        }
        if (nCap < 3) {
            return false;
        }
        // chain the cap edges into one cycle
        int[] cap = new int[nCap];
        int start = capFrom[0];
        int cur = start;
        for (int k = 0; k < nCap; k++) {
            cap[k] = cur;
            int next = -1;
            for (int e = 0; e < nCap; e++) {
                if (capFrom[e] == cur) {
                    if (next >= 0) {
                        return false;   // the cap touches itself
                    }
                    next = capTo[e];
                }
            }
            if (next < 0) {
                return false;
            }
            cur = next;
            if (cur == start && k != nCap - 1) {
                return false;
            }
        }
        if (cur != start) {
            return false;
        }
        newFaces[nNew] = cap;
        newPlane[nNew++] = id;
        faces = newFaces;
        plane = newPlane;
        nf = nNew;
        compact();
        return true;
    }

    private boolean inPlane(int v, int nOld) {
        return v >= nOld || st[v] == 1;
    }

    /** Drops vertices no face uses and renumbers; updates the farthest-vertex radius. */
    private void compact() {
        int[] map = new int[nv];
        Arrays.fill(map, -1);
        for (int f = 0; f < nf; f++) {
            for (int v : faces[f]) {
                map[v] = 0;
            }
        }
        int n = 0;
        double r2 = 0;
        for (int v = 0; v < nv; v++) {
            if (map[v] == 0) {
                map[v] = n;
                vx[n] = vx[v];
                vy[n] = vy[v];
                vz[n] = vz[v];
                r2 = Math.max(r2, vx[n] * vx[n] + vy[n] * vy[n] + vz[n] * vz[n]);
                n++;
            }
        }
        nv = n;
        r2max = r2;
        for (int f = 0; f < nf; f++) {
            int[] face = faces[f];
            for (int k = 0; k < face.length; k++) {
                face[k] = map[face[k]];
            }
        }
    }

    /** Recomputes each vertex as the meeting point of three of the planes of its faces. */
    void refine(double[] nx, double[] ny, double[] nz, double[] h) {
        int[] count = new int[nv];
        int[][] all = new int[nv][];
        for (int f = 0; f < nf; f++) {
            for (int v : faces[f]) {
                if (all[v] == null) {
                    all[v] = new int[4];
                }
                if (count[v] == all[v].length) {
                    all[v] = Arrays.copyOf(all[v], 2 * count[v]);
                }
                all[v][count[v]++] = plane[f];
            }
        }
        for (int v = 0; v < nv; v++) {
            int[] ps = all[v];
            int c = count[v];
            boolean done = false;
            for (int i = 0; i < c && !done; i++) {
                for (int j = i + 1; j < c && !done; j++) {
                    for (int k = j + 1; k < c && !done; k++) {
                        int a = ps[i];
                        int b = ps[j];
                        int d = ps[k];
                        if (a < 0 || b < 0 || d < 0) {
                            continue;
                        }
                        double det = nx[a] * (ny[b] * nz[d] - ny[d] * nz[b]) - ny[a] * (nx[b] * nz[d] - nx[d] * nz[b])
                                + nz[a] * (nx[b] * ny[d] - nx[d] * ny[b]);
                        if (Math.abs(det) < 1e-3) {
                            continue;
                        }
                        double d1 = h[a];
                        double d2 = h[b];
                        double d3 = h[d];
                        vx[v] = (d1 * (ny[b] * nz[d] - ny[d] * nz[b]) - ny[a] * (d2 * nz[d] - d3 * nz[b]) + nz[a] * (d2 * ny[d] - d3 * ny[b])) / det;
                        vy[v] = (nx[a] * (d2 * nz[d] - d3 * nz[b]) - d1 * (nx[b] * nz[d] - nx[d] * nz[b]) + nz[a] * (nx[b] * d3 - nx[d] * d2)) / det;
                        vz[v] = (nx[a] * (ny[b] * d3 - ny[d] * d2) - ny[a] * (nx[b] * d3 - nx[d] * d2) + d1 * (nx[b] * ny[d] - nx[d] * ny[b])) / det;
                        done = true;
                    }
                }
            }
        }
    }
}
