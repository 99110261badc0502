package org.xasdaml.feff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-means on environment vectors (k-means++ seeding, Lloyd iterations) and the choice of
 * representatives: the members nearest to the centres of sub-groups. A small kernel of its own so
 * that FEFF does not depend on the curation module for forty lines of arithmetic.
 */
public final class EnvironmentGroups {
    private EnvironmentGroups() {
    }

    /**
     * Groups by k-means.
     *
     * @param x     vectors (rows)
     * @param k     number of groups (at most the number of distinct rows is used)
     * @param seed  seed of the k-means++ seeding
     * @return the group of each row, 0 … k'−1
     */
    public static int[] kMeans(double[][] x, int k, long seed) {
        int n = x.length;
        int[] label = new int[n];
        if (n == 0 || k <= 1) {
            return label;
        }
        k = Math.min(k, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> centres = new ArrayList<>();
        centres.add(x[rnd.nextInt(n)].clone());
        double[] d2 = new double[n];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        while (centres.size() < k) {
            double total = 0;
            double[] last = centres.get(centres.size() - 1);
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], EnvironmentDescriptor.distance2(x[i], last));
                total += d2[i];
            }
            if (total <= 0) {
                break; // every row sits on a centre already
            }
            double u = rnd.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u <= 0) {
                    pick = i;
                    break;
                }
            }
            centres.add(x[pick].clone());
        }
        int m = x[0].length;
        for (int iter = 0; iter < 100; iter++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(x[i], centres);
                if (best != label[i] || iter == 0) {
                    changed |= best != label[i];
                    label[i] = best;
                }
            }
            double[][] sum = new double[centres.size()][m];
            int[] count = new int[centres.size()];
            for (int i = 0; i < n; i++) {
                count[label[i]]++;
                for (int j = 0; j < m; j++) {
                    sum[label[i]][j] += x[i][j];
                }
            }
            for (int c = 0; c < centres.size(); c++) {
                if (count[c] > 0) {
                    for (int j = 0; j < m; j++) {
                        sum[c][j] /= count[c];
                    }
                    centres.set(c, sum[c]);
                }
            }
            if (!changed && iter > 0) {
                break;
            }
        }
        // renumber so that labels are 0 … k'−1 without gaps, in order of first appearance
        int[] map = new int[centres.size()];
        Arrays.fill(map, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (map[label[i]] < 0) {
                map[label[i]] = next++;
            }
            label[i] = map[label[i]];
        }
        return label;
    }

    /** Index of the centre nearest to a vector. */
    static int nearest(double[] v, List<double[]> centres) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.size(); c++) {
            double d = EnvironmentDescriptor.distance2(v, centres.get(c));
            if (d < bd) {
                bd = d;
                best = c;
            }
        }
        return best;
    }

    /**
     * Representatives: {@code groups} k-means groups, each split into {@code perGroup} sub-groups by
     * k-means again, and of each sub-group the member nearest to its mean.
     *
     * @return row indices of the representatives, ascending
     */
    public static int[] representatives(double[][] x, int groups, int perGroup, long seed) {
        int[] g = kMeans(x, groups, seed);
        int ng = Arrays.stream(g).max().orElse(-1) + 1;
        List<Integer> reps = new ArrayList<>();
        for (int c = 0; c < ng; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < g.length; i++) {
                if (g[i] == c) {
                    members.add(i);
                }
            }
            double[][] sub = new double[members.size()][];
            for (int i = 0; i < sub.length; i++) {
                sub[i] = x[members.get(i)];
            }
            int[] s = kMeans(sub, perGroup, seed + 1 + c);
            int ns = Arrays.stream(s).max().orElse(-1) + 1;
            for (int q = 0; q < ns; q++) {
                double[] mean = new double[x[0].length];
                int cnt = 0;
                for (int i = 0; i < s.length; i++) {
                    if (s[i] == q) {
                        cnt++;
                        for (int j = 0; j < mean.length; j++) {
                            mean[j] += sub[i][j];
                        }
                    }
                }
                for (int j = 0; j < mean.length; j++) {
                    mean[j] /= cnt;
                }
                int best = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int i = 0; i < s.length; i++) {
                    if (s[i] == q) {
                        double d = EnvironmentDescriptor.distance2(sub[i], mean);
                        if (d < bd) {
                            bd = d;
                            best = members.get(i);
                        }
                    }
                }
                reps.add(best);
            }
        }
        return reps.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * One round of refinement towards a target error: every potential set (centre) whose check error
     * (its own structure computed with the potentials of the nearest other centre, against its own
     * self-consistent ones) is above the target gets a new representative among the samples it
     * serves: the one farthest from it in environment. The check error of a centre is an upper
     * estimate of its samples' errors, because its nearest other centre is usually farther from it
     * than its samples are.
     *
     * @param x        samples' environment vectors
     * @param centres  environment vectors of the potential sets available (library entries and new ones)
     * @param check    check error of each centre (NaN when unknown: never split)
     * @param target   largest acceptable check error
     * @param room     most new representatives this round
     * @return sample indices of the new representatives, worst centre first
     */
    public static int[] split(double[][] x, double[][] centres, double[] check, double target, int room) {
        List<double[]> cs = Arrays.asList(centres);
        int[] assign = new int[x.length];
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            assign[i] = nearest(x[i], cs);
            d[i] = EnvironmentDescriptor.distance2(x[i], centres[assign[i]]);
        }
        Integer[] order = new Integer[centres.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Double.isNaN(check[b]) ? -1 : check[b], Double.isNaN(check[a]) ? -1 : check[a]));
        List<Integer> add = new ArrayList<>();
        for (int c : order) {
            if (add.size() >= room || !(check[c] > target)) {
                break;
            }
            int far = -1;
            for (int i = 0; i < x.length; i++) {
                if (assign[i] == c && d[i] > 0 && (far < 0 || d[i] > d[far])) {
                    far = i;
                }
            }
            if (far >= 0) {
                add.add(far);
            }
        }
        return add.stream().mapToInt(Integer::intValue).toArray();
    }
}
