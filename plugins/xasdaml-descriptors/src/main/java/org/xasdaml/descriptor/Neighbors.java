package org.xasdaml.descriptor;

import java.util.Arrays;

/**
 * The neighbours a finder returns for one site: pymatgen's {@code get_nn_info} list.
 *
 * @param atoms     atom index of each neighbour in the frame
 * @param x         displacement of each neighbour (the image found) from the site, x (Å); y and z alike
 * @param y         see x
 * @param z         see x
 * @param distances distance of each neighbour image from the site (Å)
 * <p>Immutable: the builder hands over fresh arrays and the accessors return copies.
 *
 * @param weights   the finder's weight of each neighbour (Voronoi: solid angle over the largest;
 *                  EconNN: Hoppe's bond weight; JmolNN, MinimumDistanceNN, Brunner: shortest
 *                  distance over this one; CrystalNN: 1)
 */
public record Neighbors(int[] atoms, double[] x, double[] y, double[] z, double[] distances, double[] weights) {

    /** No neighbours. */
    public static final Neighbors NONE = new Neighbors(new int[0], new double[0], new double[0], new double[0], new double[0], new double[0]);

    public Neighbors {
        int n = atoms.length;
        if (x.length != n || y.length != n || z.length != n || distances.length != n || weights.length != n) {
            throw new IllegalArgumentException("neighbour arrays differ in length");
        }
    }

    @Override
    public int[] atoms() {
        return atoms.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    @Override
    public double[] distances() {
        return distances.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Coordination number: how many neighbours (pymatgen {@code get_cn} with use_weights=False). */
    public int cn() {
        return atoms.length;
    }

    /**
     * CR as the XASDAML reference defines it: the mean over the neighbours of
     * {@code neighbour.distance(structure[site])}, which in pymatgen is the minimum-image distance
     * from the site to the neighbour's atom (not necessarily to the image found); 0 without neighbours.
     */
    public double cr(SiteEnvironment env) {
        if (atoms.length == 0) {
            return 0;
        }
        double s = 0;
        for (int a : atoms) {
            s += env.minimumImageDistance(a);
        }
        return s / atoms.length;
    }

    /** Takes entries from a neighbour list: a builder for finders. */
    static final class Builder {
        private int n;
        private int[] atoms = new int[16];
        private double[] x = new double[16];
        private double[] y = new double[16];
        private double[] z = new double[16];
        private double[] d = new double[16];
        private double[] w = new double[16];

        void add(NeighborList list, int i, double weight) {
            add(list.atom[i], list.x[i], list.y[i], list.z[i], list.d[i], weight);
        }

        void add(int atom, double xi, double yi, double zi, double di, double weight) {
            if (n == atoms.length) {
                int c = 2 * n;
                atoms = Arrays.copyOf(atoms, c);
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
                z = Arrays.copyOf(z, c);
                d = Arrays.copyOf(d, c);
                w = Arrays.copyOf(w, c);
            }
            atoms[n] = atom;
            x[n] = xi;
            y[n] = yi;
            z[n] = zi;
            d[n] = di;
            w[n] = weight;
            n++;
        }

        Neighbors build() {
            return new Neighbors(Arrays.copyOf(atoms, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(z, n),
                    Arrays.copyOf(d, n), Arrays.copyOf(w, n));
        }
    }
}
