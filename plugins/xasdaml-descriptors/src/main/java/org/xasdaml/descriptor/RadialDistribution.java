package org.xasdaml.descriptor;

import java.util.ArrayList;
import java.util.List;

import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;

/**
 * The radial distribution function of one absorbing site, as the XASDAML reference computes it
 * with vasppy's {@code RadialDistributionFunction(structures=[s], indices_i=[site],
 * indices_j=partners, r_min, r_max, nbins).smeared_rdf(sigma)}.
 *
 * <ol>
 * <li>Distances from the site to each partner atom: with periodic images, the minimum-image
 * distance in the frame's cell (one image per partner, vasppy's convention: complete only up to
 * half the narrowest cell width); without, the plain distance (an isolated cluster).</li>
 * <li>Histogram on {@code bins} equal bins from rmin to rmax (numpy: a distance on an inner edge
 * belongs to the bin above it, rmax itself to the last bin).</li>
 * <li>g = count · V / (4/3 π (r₊³ − r₋³) · N_partners), V the cell volume (the reference's
 * density 1/V for its one site i).</li>
 * <li>Smoothing by a Gaussian of sigma Å = sigma/Δr bins, truncated at 4 sigma, edges reflected
 * (scipy {@code gaussian_filter1d} defaults).</li>
 * </ol>
 *
 * <p>The reference hands vasppy the frame in the cell the file gave (the LAMMPS dump box: atoms'
 * extent plus 10 Å), not the 40 Å box of the neighbour finders, so V is that cell's volume and,
 * for the Cu clusters, the minimum image is always the atom itself.
 */
public final class RadialDistribution {
    private RadialDistribution() {
    }

    /**
     * The bins: numpy's {@code linspace(rmin, rmax, bins + 1)} edges and their centres.
     *
     * @param rmin smallest distance counted (Å)
     * @param rmax largest distance counted (Å)
     * @param bins number of bins
     */
    public record Grid(double rmin, double rmax, int bins) {
        public Grid {
            if (!(rmax > rmin) || rmin < 0 || bins < 1) {
                throw new IllegalArgumentException("RDF grid needs 0 ≤ rmin < rmax and at least one bin, got rmin " + rmin
                        + ", rmax " + rmax + ", bins " + bins);
            }
        }

        /** Bin edges, bitwise as numpy.linspace. */
        public double[] edges() {
            double[] e = new double[bins + 1];
            double step = (rmax - rmin) / bins;
            for (int i = 0; i < bins; i++) {
                e[i] = i * step + rmin;
            }
            e[bins] = rmax;
            return e;
        }

        /** Bin width (Å). */
        public double dr() {
            return (rmax - rmin) / bins;
        }

        /** Bin centres, vasppy's r (Å). */
        public double[] centres() {
            double[] e = edges();
            double[] r = new double[bins];
            double half = dr() / 2.0;
            for (int i = 0; i < bins; i++) {
                r[i] = e[i] + half;
            }
            return r;
        }
    }

    /** Partner atoms: every atom of the given element except the site, or every other atom when element is null. */
    public static int[] partners(Frame frame, int site, Element element) {
        List<Integer> p = new ArrayList<>();
        for (int j = 0; j < frame.size(); j++) {
            if (j != site && (element == null || frame.element(j).equals(element))) {
                p.add(j);
            }
        }
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The unsmoothed g(r) of the site (steps 1-3).
     *
     * @param periodic minimum-image distances in the frame's cell, along all three directions
     *                 whatever the file's periodicity flags (the reference writes a POSCAR, which is periodic)
     */
    public static double[] raw(Frame frame, int site, int[] partners, Grid grid, boolean periodic) {
        if (frame.lattice() == null) {
            throw new IllegalArgumentException("frame " + frame.index() + ": the RDF is normalised by the cell volume, "
                    + "and this frame has no cell");
        }
        if (partners.length == 0) {
            throw new IllegalArgumentException("frame " + frame.index() + ": no partner atoms for the RDF of site " + site);
        }
        Frame f = periodic ? frame.withLattice(frame.lattice(), new boolean[] {true, true, true})
                : frame.withLattice(null, new boolean[3]);
        SiteEnvironment env = SiteEnvironment.of(f, site);
        double[] d = new double[partners.length];
        for (int k = 0; k < partners.length; k++) {
            d[k] = env.minimumImageDistance(partners[k]);
        }
        double[] hist = histogram(d, grid);
        double[] e = grid.edges();
        double rho = 1.0 / frame.lattice().volume();
        double[] g = new double[grid.bins()];
        for (int i = 0; i < g.length; i++) {
            double shell = 4.0 / 3.0 * Math.PI * (e[i + 1] * e[i + 1] * e[i + 1] - e[i] * e[i] * e[i]);
            g[i] = hist[i] / rho / shell / partners.length;
        }
        return g;
    }

    /** The smoothed g(r) the reference stores (steps 1-4); sigma in Å, 0 for none. */
    public static double[] of(Frame frame, int site, int[] partners, Grid grid, double sigma, boolean periodic) {
        double[] g = raw(frame, site, partners, grid, periodic);
        return sigma > 0 ? gaussianFilter(g, sigma / grid.dr()) : g;
    }

    /** Counts per bin, numpy.histogram's rule with explicit edges. */
    static double[] histogram(double[] values, Grid grid) {
        double[] e = grid.edges();
        int nb = grid.bins();
        double[] h = new double[nb];
        for (double v : values) {
            if (v < e[0] || v > e[nb]) {
                continue;
            }
            int lo = 0;
            int hi = nb;   // find the last edge <= v
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (e[mid] <= v) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            h[lo]++;
        }
        return h;
    }

    /**
     * scipy.ndimage.gaussian_filter1d with mode "reflect" and truncate 4: a normalised Gaussian
     * kernel of radius int(4 sigma + 0.5) samples.
     */
    public static double[] gaussianFilter(double[] in, double sigmaBins) {
        int radius = (int) (4.0 * sigmaBins + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 / (sigmaBins * sigmaBins) * k * k);
            sum += w[k + radius];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        int n = in.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -radius; k <= radius; k++) {
                s += w[k + radius] * in[reflect(i + k, n)];
            }
            out[i] = s;
        }
        return out;
    }

    /** Index into a signal extended by reflection about its edges (d c b a | a b c d | d c b a). */
    private static int reflect(int i, int n) {
        int period = 2 * n;
        int j = Math.floorMod(i, period);
        return j < n ? j : period - 1 - j;
    }
}
