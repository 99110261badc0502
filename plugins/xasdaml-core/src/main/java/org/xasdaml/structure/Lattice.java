package org.xasdaml.structure;

import java.util.Arrays;

/**
 * Three cell vectors a, b, c (rows, Cartesian, Å), as in POSCAR and extended XYZ.
 *
 * <p>Periodic images and the minimum-image convention are computed from here, so the inverse
 * is kept rather than recomputed for each distance.
 */
public final class Lattice {
    private final double[] m;   // row-major 3x3: a = m[0..2], b = m[3..5], c = m[6..8]
    private final double[] inv; // inverse (columns map Cartesian -> fractional)
    private final double volume;

    private Lattice(double[] m) {
        this.m = m;
        double det = m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (!(Math.abs(det) > 1e-12) || !Double.isFinite(det)) {
            throw new IllegalArgumentException("cell vectors are degenerate (volume " + det + " Å³)");
        }
        this.volume = Math.abs(det);
        double[] r = new double[9];
        r[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        r[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        r[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        r[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        r[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        r[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        r[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        r[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        r[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        this.inv = r;
    }

    /** A lattice from the rows a, b, c. */
    public static Lattice of(double[] a, double[] b, double[] c) {
        for (double[] v : new double[][] {a, b, c}) {
            if (v.length != 3) {
                throw new IllegalArgumentException("a cell vector needs 3 components");
            }
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("cell vector component is not finite: " + x);
                }
            }
        }
        return new Lattice(new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]});
    }

    /** An orthorhombic box with edges a, b, c (Å). */
    public static Lattice orthorhombic(double a, double b, double c) {
        return of(new double[] {a, 0, 0}, new double[] {0, b, 0}, new double[] {0, 0, c});
    }

    /** Cell vector i (0 = a, 1 = b, 2 = c), a copy. */
    public double[] vector(int i) {
        return Arrays.copyOfRange(m, 3 * i, 3 * i + 3);
    }

    /** Component j of cell vector i. */
    public double get(int i, int j) {
        return m[3 * i + j];
    }

    public double volume() {
        return volume;
    }

    /** Lengths of a, b, c (Å). */
    public double[] lengths() {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = Math.sqrt(m[3 * i] * m[3 * i] + m[3 * i + 1] * m[3 * i + 1] + m[3 * i + 2] * m[3 * i + 2]);
        }
        return l;
    }

    /** Angles alpha (b,c), beta (a,c), gamma (a,b) in degrees. */
    public double[] angles() {
        double[] l = lengths();
        return new double[] {
            angle(1, 2, l), angle(0, 2, l), angle(0, 1, l)
        };
    }

    private double angle(int i, int j, double[] l) {
        double dot = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (l[i] * l[j])))));
    }

    /** Cartesian coordinates of fractional (f0, f1, f2), written into out[0..2]. */
    public void toCartesian(double f0, double f1, double f2, double[] out) {
        out[0] = f0 * m[0] + f1 * m[3] + f2 * m[6];
        out[1] = f0 * m[1] + f1 * m[4] + f2 * m[7];
        out[2] = f0 * m[2] + f1 * m[5] + f2 * m[8];
    }

    /** Fractional coordinates of Cartesian (x, y, z), written into out[0..2]. */
    public void toFractional(double x, double y, double z, double[] out) {
        out[0] = x * inv[0] + y * inv[3] + z * inv[6];
        out[1] = x * inv[1] + y * inv[4] + z * inv[7];
        out[2] = x * inv[2] + y * inv[5] + z * inv[8];
    }

    /** The matrix as rows, a copy. */
    public double[][] matrix() {
        return new double[][] {vector(0), vector(1), vector(2)};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.equals(m, l.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        double[] l = lengths();
        double[] a = angles();
        return String.format(java.util.Locale.ROOT, "a=%.4f b=%.4f c=%.4f Å, α=%.2f β=%.2f γ=%.2f°",
                l[0], l[1], l[2], a[0], a[1], a[2]);
    }
}
