package org.xasdaml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Random-forest hyperparameter search by k-fold cross-validation on the training set (the
 * reference's {@code GridSearchCV(cv=5)}), all candidate × fold fits run in parallel on a bounded
 * pool. Regression candidates are ranked by mean validation MSE of the fold held out, classifiers
 * by mean error rate. Folds come from a seeded shuffle (the reference's KFold did not shuffle, which
 * is only right for data in random order). Invalid candidates are not generated (the reference's
 * grid had a third of its candidates fail with max_features='auto').
 */
public final class ForestSearch {
    private ForestSearch() {
    }

    /** One candidate's cross-validated score (lower is better). */
    public record Candidate(ForestOptions options, double meanScore, double sdScore) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "trees=%d depth=%d mtry=%d nodeSize=%d: %.6g ± %.2g", options.trees(),
                    options.maxDepth(), options.mtry(), options.nodeSize(), meanScore, sdScore);
        }
    }

    /** Candidates ordered best first. */
    public record Result(List<Candidate> candidates) {
        public ForestOptions best() {
            return candidates.get(0).options();
        }
    }

    /**
     * @param base      options whose subsample, maxNodes and seed all candidates share
     * @param classes   for classification the class indices of y (and k &gt; 0), else null
     * @param workers   parallel fits
     */
    public static Result search(double[][] x, double[] y, int[] classes, int k, ForestOptions base, List<Integer> trees,
                                List<Integer> depths, List<Integer> mtries, List<Integer> nodeSizes, int folds, int workers) {
        return search(x, y, classes, k, base, trees, depths, mtries, nodeSizes, folds, workers, null);
    }

    /**
     * As {@link #search(double[][], double[], int[], int, ForestOptions, List, List, List, List, int, int)}, with the
     * rows of one group (a spectrum and its augmented variants) kept in one fold, so that a candidate is never scored
     * on near copies of what it trained on; null: every row its own group.
     */
    public static Result search(double[][] x, double[] y, int[] classes, int k, ForestOptions base, List<Integer> trees,
                                List<Integer> depths, List<Integer> mtries, List<Integer> nodeSizes, int folds, int workers,
                                String[] groups) {
        if (folds < 2 || folds > x.length) {
            throw new IllegalArgumentException("folds must be between 2 and the number of training samples, got " + folds);
        }
        int n = x.length;
        String[] rows = groups;
        if (rows == null) {
            rows = new String[n];
            for (int i = 0; i < n; i++) {
                rows[i] = Integer.toString(i);
            }
        }
        int[] fold = Folds.assign(rows, folds, base.seed());
        List<ForestOptions> grid = new ArrayList<>();
        for (int t : trees) {
            for (int d : depths) {
                for (int m : mtries) {
                    for (int s : nodeSizes) {
                        grid.add(base.with(t, d, m, s));
                    }
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<List<Future<Double>>> futures = new ArrayList<>();
            for (ForestOptions o : grid) {
                List<Future<Double>> fs = new ArrayList<>();
                for (int f = 0; f < folds; f++) {
                    final int held = f;
                    fs.add(pool.submit(() -> foldScore(x, y, classes, k, o, fold, held)));
                }
                futures.add(fs);
            }
            List<Candidate> out = new ArrayList<>();
            for (int c = 0; c < grid.size(); c++) {
                double[] s = new double[folds];
                for (int f = 0; f < folds; f++) {
                    s[f] = futures.get(c).get(f).get();
                }
                double mean = 0;
                for (double v : s) {
                    mean += v;
                }
                mean /= folds;
                double var = 0;
                for (double v : s) {
                    var += (v - mean) * (v - mean);
                }
                out.add(new Candidate(grid.get(c), mean, Math.sqrt(var / folds)));
            }
            out.sort(java.util.Comparator.comparingDouble(Candidate::meanScore));
            return new Result(out);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("random forest search failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("random forest search interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double foldScore(double[][] x, double[] y, int[] classes, int k, ForestOptions o, int[] fold, int held) {
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            (fold[i] == held ? te : tr).add(i);
        }
        double[][] xt = new double[tr.size()][];
        for (int i = 0; i < xt.length; i++) {
            xt[i] = x[tr.get(i)];
        }
        if (classes != null) {
            int[] ct = new int[tr.size()];
            for (int i = 0; i < ct.length; i++) {
                ct[i] = classes[tr.get(i)];
            }
            Forest f = ForestTrainer.classification(xt, ct, k, o);
            int wrong = 0;
            for (int i : te) {
                wrong += NetworkTrainer.argmax(f.predict(x[i])) == classes[i] ? 0 : 1;
            }
            return (double) wrong / te.size();
        }
        double[] yt = new double[tr.size()];
        for (int i = 0; i < yt.length; i++) {
            yt[i] = y[tr.get(i)];
        }
        Forest f = ForestTrainer.regression(xt, yt, o);
        double se = 0;
        for (int i : te) {
            double d = f.predict(x[i])[0] - y[i];
            se += d * d;
        }
        return se / te.size();
    }
}
