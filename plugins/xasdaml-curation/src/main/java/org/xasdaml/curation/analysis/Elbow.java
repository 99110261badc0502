package org.xasdaml.curation.analysis;

/**
 * The "elbow" of an inertia curve, for choosing the number of clusters without asking (the
 * reference stopped at an {@code input()} prompt).
 *
 * <p>Rule (the "kneedle" idea of Satopää et al., ICDCS Workshops 2011, in its simplest form):
 * scale k and inertia each to [0, 1], draw the chord from the first to the last point, and pick
 * the k whose point lies farthest below the chord. Users can always override the choice.
 */
public final class Elbow {
    private Elbow() {
    }

    /**
     * @param ks       increasing numbers of clusters
     * @param inertias inertia for each
     * @return the chosen k (the first k when there are fewer than 3 points or the curve is flat)
     */
    public static int choose(int[] ks, double[] inertias) {
        if (ks.length != inertias.length || ks.length == 0) {
            throw new IllegalArgumentException("elbow needs one inertia per k");
        }
        int n = ks.length;
        if (n < 3) {
            return ks[0];
        }
        double i0 = inertias[0];
        double i1 = inertias[n - 1];
        if (!(i0 > i1)) {
            return ks[0];
        }
        int best = 0;
        double bestD = 0;
        for (int i = 0; i < n; i++) {
            double x = (ks[i] - ks[0]) / (double) (ks[n - 1] - ks[0]);
            double y = (inertias[i] - i1) / (i0 - i1);
            double chord = 1 - x;
            double d = chord - y;
            if (d > bestD + 1e-12) {
                bestD = d;
                best = i;
            }
        }
        return ks[best];
    }
}
