package org.xasdaml.descriptor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import org.xasdaml.structure.Element;

/**
 * pymatgen's {@code CrystalNN} (2022.11.7) with its defaults: weighted_cn False, cation_anion
 * False, distance_cutoffs (0.5, 1), x_diff_weight 3, porous_adjustment True, search_cutoff 7 Å.
 *
 * <p>The procedure ({@code get_nn_data}):
 * <ol>
 * <li>Voronoi facets of the site with a 7 Å starting cutoff ({@link VoronoiFacets}); weight of each
 * neighbour w = Ω/Ω_max.</li>
 * <li>Porous adjustment: w ← w·Ω/A (solid angle over facet area).</li>
 * <li>Electronegativity: w ← w·(1 + x_diff_weight·sqrt(|X1 − X2|/3.3)) (unchanged where either X
 * is unknown).</li>
 * <li>Renormalise so the largest w is 1.</li>
 * <li>Distance: with r1 + r2 the sum of the default radii (covalent, else atomic: the structure
 * carries no oxidation states), w is kept up to d ≤ r1 + r2 + 0.5 Å, falls as a half cosine to 0
 * at r1 + r2 + 1 Å, and is 0 beyond.</li>
 * <li>Round w to 3 decimals (Python {@code round}, which rounds the exact binary value, half to
 * even) and drop zeros.</li>
 * <li>For each distinct weight v (descending), the candidate CN is the number of neighbours with
 * w ≥ v, scored by the area under a unit quarter circle between v and the next lower weight
 * ({@code _semicircle_integral}); CN 0 gets what remains of 1. The CN with the highest score wins
 * (on exact ties, the one found first).</li>
 * </ol>
 *
 * <p>Reference: H. Pan, A. M. Ganose, M. Horton et al., Inorg. Chem. 60 (2021) 1590-1603,
 * doi:10.1021/acs.inorgchem.0c02996.
 */
public final class CrystalNN implements NeighborFinder {
    private static final double CUTOFF_LOW = 0.5;
    private static final double CUTOFF_HIGH = 1.0;
    private static final double X_DIFF_WEIGHT = 3.0;
    private static final double SEARCH_CUTOFF = 7.0;

    @Override
    public String name() {
        return "CrystalNN";
    }

    /** Result of the weighting: neighbours with their final rounded weights, and the score of each CN. */
    public record Scores(Neighbors candidates, int[] cns, double[] scores) {
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        Scores s = scores(env);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.cns.length; k++) {
            if (s.scores[k] > bestScore) {
                bestScore = s.scores[k];
                best = s.cns[k];
            }
        }
        Neighbors c = s.candidates;
        int n = best;
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new Neighbors(Arrays.copyOf(c.atoms(), n), Arrays.copyOf(c.x(), n), Arrays.copyOf(c.y(), n),
                Arrays.copyOf(c.z(), n), Arrays.copyOf(c.distances(), n), ones);
    }

    /** Steps 1-7 of the procedure: candidates sorted by decreasing weight and the CN scores. */
    public Scores scores(SiteEnvironment env) {
        VoronoiFacets f = VoronoiFacets.of(env, SEARCH_CUTOFF);
        VoronoiCell c = f.cell();
        NeighborList l = f.list();
        int m = c.count;
        double maxAngle = f.maxSolidAngle();
        Element centre = env.centralElement();
        double x1 = ElementRadii.electronegativity(centre);
        double r1 = ElementRadii.defaultRadius(centre);
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double wi = c.solidAngle[i] / maxAngle;
            wi *= c.solidAngle[i] / c.area[i];
            Element e = env.element(l.atom[c.neighbor[i]]);
            double x2 = ElementRadii.electronegativity(e);
            double chem = Double.isNaN(x1) || Double.isNaN(x2) ? 1 : 1 + X_DIFF_WEIGHT * Math.sqrt(Math.abs(x1 - x2) / 3.3);
            w[i] = wi * chem;
        }
        Integer[] order = sortDescending(w, m);
        if (m == 0 || w[order[0]] == 0) {
            return new Scores(Neighbors.NONE, new int[] {0}, new double[] {1.0});
        }
        double highest = w[order[0]];
        for (int i = 0; i < m; i++) {
            w[i] = w[i] / highest;
        }
        for (int i = 0; i < m; i++) {
            int e = c.neighbor[i];
            double d = ElementRadii.defaultRadius(env.element(l.atom[e])) + r1;
            double dist = l.d[e];
            double dw = 0;
            double lo = d + CUTOFF_LOW;
            double hi = d + CUTOFF_HIGH;
            if (dist <= lo) {
                dw = 1;
            } else if (dist < hi) {
                dw = (Math.cos((dist - lo) / (hi - lo) * Math.PI) + 1) * 0.5;
            }
            w[i] = w[i] * dw;
        }
        order = sortDescending(w, m);
        if (w[order[0]] == 0) {
            return new Scores(Neighbors.NONE, new int[] {0}, new double[] {1.0});
        }
        Neighbors.Builder cand = new Neighbors.Builder();
        double[] rw = new double[m];
        int kept = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            double r = round3(w[i]);
            if (r > 0) {
                int e = c.neighbor[i];
                cand.add(l, e, r);
                rw[kept++] = r;
            }
        }
        Neighbors candidates = cand.build();
        // distinct weights in order (rounded weights keep the descending order), then 0
        double[] bins = new double[kept + 1];
        int nb = 0;
        for (int k = 0; k < kept; k++) {
            if (nb == 0 || bins[nb - 1] != rw[k]) {
                bins[nb++] = rw[k];
            }
        }
        bins[nb++] = 0;
        int[] cns = new int[nb];
        double[] scores = new double[nb];
        int nc = 0;
        double sum = 0;
        for (int idx = 0; idx < nb; idx++) {
            double v = bins[idx];
            if (v != 0) {
                int cn = 0;
                for (int k = 0; k < kept; k++) {
                    if (rw[k] >= v) {
                        cn++;
                    }
                }
                cns[nc] = cn;
                scores[nc] = semicircleIntegral(bins, idx);
                sum += scores[nc];
                nc++;
            }
        }
        double cn0 = 1.0 - sum;
        if (cn0 > 0) {
            cns[nc] = 0;
            scores[nc] = cn0;
            nc++;
        }
        return new Scores(candidates, Arrays.copyOf(cns, nc), Arrays.copyOf(scores, nc));
    }

    /** Indices sorted by decreasing weight, stable (Python {@code sorted(..., reverse=True)}). */
    private static Integer[] sortDescending(double[] w, int m) {
        Integer[] o = new Integer[m];
        for (int i = 0; i < m; i++) {
            o[i] = i;
        }
        Arrays.sort(o, (a, b) -> Double.compare(w[b], w[a]));
        return o;
    }

    /** Python's {@code round(x, 3)}: the exact binary value rounded to 3 decimals, ties to even. */
    static double round3(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Share of a unit quarter circle's area between two weights (pymatgen {@code _semicircle_integral}). */
    static double semicircleIntegral(double[] bins, int idx) {
        double x1 = bins[idx];
        double x2 = bins[idx + 1];
        double area1;
        if (x1 == 1) {
            area1 = 0.25 * Math.PI;
        } else {
            area1 = 0.5 * ((x1 * Math.sqrt(1 - x1 * x1)) + Math.atan(x1 / Math.sqrt(1 - x1 * x1)));
        }
        double area2 = 0.5 * ((x2 * Math.sqrt(1 - x2 * x2)) + Math.atan(x2 / Math.sqrt(1 - x2 * x2)));
        return (area1 - area2) / (0.25 * Math.PI);
    }
}
