package org.xasdaml.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.curation.SplitStep;
import org.xasdaml.curation.Standardizer;
import org.xasdaml.evaluation.ClassificationMetrics;
import org.xasdaml.evaluation.RegressionMetrics;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * Trains one model from a features table, a labels table and a split table, and returns the model
 * archive with its metrics (paper module M10).
 *
 * <p>Procedure: 1. join features, labels and split on sample id (never on row order); 2. take the
 * rows whose "set" is train, valid and test; 3. for classification, the classes are the distinct
 * training labels ({@link ClassMapping}), validation and test samples with a label unseen in
 * training are left out with a warning; 4. fit the input scaling (and for regression the target
 * scaling) on the training rows; 5. train (networks: early stopping on the validation loss, best
 * epoch kept; forest: optionally a cross-validated search first); 6. score the <em>saved</em> model
 * on the validation and test rows and store the scores and provenance in the archive.
 */
public final class ModelTraining {
    private ModelTraining() {
    }

    /**
     * What to train.
     *
     * @param workers        parallel fits in a forest search
     * @param threads        native (OpenMP/OpenBLAS) threads for the networks; see {@link BlasThreads}
     * @param intervalLevel  nominal coverage of the calibrated prediction intervals
     * @param intervalMethod auto, absolute or normalised (see {@link Calibration})
     * @param folds          cross-fitting: 0 trains on the training rows, early-stops and calibrates on the validation
     *                       rows (the paper's division); k ≥ 2 pools training and validation rows into k folds by source
     *                       sample and trains one model (an ensemble of {@code network.ensemble()} networks, or a forest)
     *                       per fold on the other folds, early-stopped on its own; the model is all of them, and each
     *                       pooled row's prediction by the one that did not train on it calibrates the intervals
     */
    public record Spec(ModelKind kind, Task task, List<String> targets, NetworkOptions network, ForestOptions forest,
                       ForestGrid search, int workers, int threads, double intervalLevel, String intervalMethod, int folds) {
        /** Intervals at 90 %, method chosen on the validation set. */
        public Spec(ModelKind kind, Task task, List<String> targets, NetworkOptions network, ForestOptions forest,
                    ForestGrid search, int workers, int threads) {
            this(kind, task, targets, network, forest, search, workers, threads, 0.9, "auto", 0);
        }

        /** Calibrated on the validation set. */
        public Spec(ModelKind kind, Task task, List<String> targets, NetworkOptions network, ForestOptions forest,
                    ForestGrid search, int workers, int threads, double intervalLevel, String intervalMethod) {
            this(kind, task, targets, network, forest, search, workers, threads, intervalLevel, intervalMethod, 0);
        }

        public Spec {
            if (!(intervalLevel > 0 && intervalLevel < 1)) {
                throw new IllegalArgumentException("the interval level must lie between 0 and 1, got " + intervalLevel);
            }
            if (!List.of("auto", "absolute", "normalised").contains(intervalMethod)) {
                throw new IllegalArgumentException("interval method is auto, absolute or normalised, got " + intervalMethod);
            }
            if (folds == 1 || folds < 0) {
                throw new IllegalArgumentException("cross-fitting folds are 0 (none) or at least 2, got " + folds);
            }
            if (workers < 1 || threads < 1) {
                throw new IllegalArgumentException("workers and threads must be at least 1");
            }
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no target given");
            }
            if (task == Task.CLASSIFICATION && targets.size() != 1) {
                throw new IllegalArgumentException("classification takes one target, got " + targets);
            }
        }
    }

    /** Random forest search grid; null in {@link Spec} means no search. */
    public record ForestGrid(List<Integer> trees, List<Integer> depths, List<Integer> mtries, List<Integer> nodeSizes, int folds) {
    }

    /**
     * Training output.
     *
     * @param archive     the model
     * @param curves      loss curves (networks) or an empty table (forests)
     * @param predictions predictions of the saved model on the test rows, with the true values
     * @param search      forest search results, or null
     * @param seconds     training wall time
     */
    public record Result(ModelArchive archive, SampleTable curves, SampleTable predictions, ForestSearch.Result search,
                         double seconds) {
    }

    /** Rows of one set. */
    record Rows(List<SampleId> ids, double[][] x, double[][] y) {
    }

    public static Result train(SampleTable features, SampleTable labels, SampleTable split, Standardizer transform, Spec spec,
                               NetworkTrainer.Monitor monitor, java.util.function.Consumer<String> warn) {
        long t0 = System.nanoTime();
        if (spec.kind() != ModelKind.RF) {
            BlasThreads.set(spec.threads());
        }
        for (String t : spec.targets()) {
            if (!labels.hasColumn(t)) {
                throw new IllegalArgumentException("the labels table has no column '" + t + "'; it has " + labels.columnNames());
            }
        }
        if (!split.textColumnNames().contains("set")) {
            throw new IllegalArgumentException("the split table needs a text column 'set' (train/valid/test)");
        }
        Rows train = rows(features, labels, split, "train", spec.targets());
        Rows valid = rows(features, labels, split, "valid", spec.targets());
        Rows test = rows(features, labels, split, "test", spec.targets());
        if (train.ids().size() < 2) {
            throw new IllegalArgumentException("the training set has " + train.ids().size() + " samples present in features, labels and split");
        }
        ClassMapping classes = null;
        if (spec.task() == Task.CLASSIFICATION) {
            double[] ytr = column(train.y(), 0);
            classes = ClassMapping.of(ytr);
            valid = known(valid, classes, "validation", warn);
            test = known(test, classes, "test", warn);
        }
        boolean cross = spec.folds() >= 2;
        // cross-fitting pools the training and validation rows: every one is trained on by all members but one
        // and predicted by that one (out of fold), which early-stops on it and calibrates with it
        Rows fitRows = cross ? concat(train, valid) : train;
        ColumnScaling inScale = ColumnScaling.fit(fitRows.x());
        ColumnScaling outScale = spec.task() == Task.REGRESSION ? ColumnScaling.fit(fitRows.y()) : null;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", spec.kind().id());
        params.put("task", spec.task().id());
        params.put("targets", String.join(",", spec.targets()));
        SampleTable curves = SampleTable.ofColumns(List.of(), List.of(), new double[0][]);
        ForestSearch.Result searched = null;
        Map<String, Object> prov = new LinkedHashMap<>();
        ForestOptions fo = spec.forest();
        String[] group = groups(split, fitRows.ids());
        if (spec.kind() == ModelKind.RF && spec.search() != null) {
            ForestGrid g = spec.search();
            double[] y0 = spec.task() == Task.REGRESSION ? column(outScale.apply(fitRows.y()), 0) : null;
            int[] c0 = classes == null ? null : classes.indices(column(fitRows.y(), 0));
            searched = ForestSearch.search(inScale.apply(fitRows.x()), y0, c0, classes == null ? 0 : classes.size(), fo, g.trees(),
                    g.depths(), g.mtries(), g.nodeSizes(), g.folds(), spec.workers(), group);
            fo = searched.best();
            List<String> ranked = new ArrayList<>();
            for (ForestSearch.Candidate c : searched.candidates()) {
                ranked.add(c.toString());
            }
            prov.put("forest_search", ranked);
        }
        if (spec.kind() == ModelKind.RF) {
            putForest(params, fo);
        } else {
            putNetwork(params, spec.kind(), spec.network());
        }
        Predictor predictor;
        List<Predictor> members = new ArrayList<>();
        int[] fold = null;
        if (!cross) {
            Fitted f = fit(spec, fo, inScale, outScale, classes, train, valid, 0, monitor);
            predictor = f.predictor();
            if (f.curves() != null) {
                curves = LossCurve.table(f.curves());
                putCheckpoints(prov, f);
            }
        } else {
            fold = Folds.assign(group, spec.folds(), spec.kind() == ModelKind.RF ? fo.seed() : spec.network().seed());
            List<LossCurve> all = new ArrayList<>();
            int perFold = spec.kind() == ModelKind.RF ? 1 : spec.network().ensemble();
            Fitted[] fitted = new Fitted[spec.folds()];
            int[] folds = fold;
            ForestOptions base = fo;
            ClassMapping cm = classes;
            // networks train on one native thread each, so two folds at once use both cores (a forest already does)
            eachFold(spec.folds(), spec.kind() == ModelKind.RF ? 1 : spec.workers(), k -> {
                fitted[k] = fit(spec, base.withSeed(base.seed() + (long) k * base.trees()), inScale, outScale, cm, select(fitRows, folds, k, false),
                        select(fitRows, folds, k, true), k * perFold, monitor);
            });
            for (Fitted f : fitted) {
                members.add(f.predictor());
                if (f.curves() != null) {
                    all.addAll(f.curves());
                }
            }
            predictor = Predictor.pool(members);
            if (!all.isEmpty()) {
                curves = LossCurve.table(all);
                putCheckpoints(prov, new Fitted(predictor, all));
            }
            Map<String, Object> cf = new LinkedHashMap<>();
            cf.put("folds", spec.folds());
            cf.put("grouped_by", java.util.Objects.requireNonNullElse(groupColumn(split), "sample"));
            cf.put("rows", fitRows.ids().size());
            cf.put("groups", java.util.Arrays.stream(group).distinct().count());
            prov.put("cross_fitting", cf);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        prov.put("trained_at", Instant.now().toString());
        prov.put("training_seconds", seconds);
        prov.put("samples", Map.of("train", train.ids().size(), "valid", valid.ids().size(), "test", test.ids().size()));
        prov.put("data_sha256", Map.of("train", digest(train), "valid", digest(valid), "test", digest(test)));
        prov.put("java", System.getProperty("java.version"));
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        prov.put("software", Software.versions());
        org.xasdaml.curation.recipe.FeatureRecipe recipe = org.xasdaml.curation.recipe.FeatureRecipe.ofMeta(features.meta());
        if (recipe != null) {
            prov.put(ModelArchive.RECIPE_KEY, recipe.toMap());
        }
        if (spec.kind() != ModelKind.RF) {
            prov.put("native_threads", BlasThreads.describe());
        }
        List<String> inputColumns = transform != null && transform.columns() != null ? transform.columns() : features.columnNames();
        org.xasdaml.table.Axis grid = transform != null ? transform.grid() : features.axis();
        ColumnScaling targetScaling = outScale;
        ModelArchive archive = new ModelArchive(spec.kind(), spec.task(), spec.targets(), classes, grid, inputColumns, transform,
                inScale, targetScaling, predictor, params, prov, Map.of());
        double[][][] oof = null;
        if (!cross && valid.ids().isEmpty()) {
            warn.accept("no validation samples: the model gets no calibrated intervals and no domain score");
        } else {
            Calibration c;
            if (cross) {
                oof = outOfFold(archive, members, fold, fitRows, inScale, spec);
                c = calibrate(spec, inScale, fitRows, fitRows, oof[0], oof[1], spec.folds(), fold);
            } else {
                SampleTable p = archive.predictFeatures(valid.ids(), inScale.apply(valid.x()), false);
                c = calibrate(spec, inScale, train, valid, columns(p, spec.targets(), ""), columns(p, spec.targets(), "_sd"), 0, null);
            }
            archive = archive.withCalibration(c);
            if (archive.calibration().domain() == null) {
                warn.accept("the training features admit no principal components (no variance?): the model gets intervals "
                        + "but no domain score");
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (cross) {
            // the pooled validation rows were trained on: their held-out scores are the out-of-fold ones
            Map<String, Object> m = new LinkedHashMap<>();
            for (int j = 0; spec.task() == Task.REGRESSION && oof != null && j < spec.targets().size(); j++) {
                m.put(spec.targets().get(j), RegressionMetrics.of(column(fitRows.y(), j), column(oof[0], j)).toMap());
            }
            metrics.put("out_of_fold", m);
        } else {
            metrics.put("valid", score(archive, valid));
        }
        SampleTable testPred = null;
        if (test.ids().size() > 0) {
            metrics.put("test", score(archive, test));
            testPred = withTruth(archive.predictFeatures(test.ids(), inScale.apply(test.x()), false), test, spec.targets());
        }
        archive = archive.withMetrics(metrics);
        if (testPred == null) {
            testPred = SampleTable.ofColumns(List.of(), List.of(), new double[0][]);
        }
        return new Result(archive, curves, testPred, searched, seconds);
    }

    /**
     * Intervals and domain score (see {@link Calibration}) from held-out predictions of the calibration rows:
     * the validation rows predicted by the model, or (cross-fitting) every pooled row predicted by the member
     * that did not train on it. The domain's principal components come from the rows the model was fitted on, its
     * scale from the held rows (cross-fitting: each row's distance to the components fitted without its fold).
     */
    static Calibration calibrate(Spec spec, ColumnScaling inScale, Rows fitted, Rows held, double[][] mean, double[][] spread,
                                 int folds, int[] fold) {
        boolean regression = spec.task() == Task.REGRESSION;
        double[][] xFitted = inScale.apply(fitted.x());
        double[][] xHeld = held == fitted ? xFitted : inScale.apply(held.x()); // cross-fitting: the same pooled rows
        return Calibration.fit(regression ? spec.targets() : List.of(), spec.intervalLevel(), spec.intervalMethod(),
                xFitted, fitted.y(), xHeld, regression ? held.y() : null,
                regression ? mean : null, regression ? spread : null, folds, fold);
    }

    /**
     * Out-of-fold predictions (mean, spread; rows × targets) of the pooled rows: each row by the member
     * trained without its fold, through the same scaling as the model.
     */
    static double[][][] outOfFold(ModelArchive model, List<Predictor> members, int[] fold, Rows rows, ColumnScaling inScale,
                                  Spec spec) {
        int n = rows.ids().size();
        double[][] mean = new double[n][];
        double[][] spread = new double[n][];
        for (int k = 0; k < members.size(); k++) {
            Rows out = select(rows, fold, k, true);
            SampleTable p = model.withPredictor(members.get(k)).predictFeatures(out.ids(), inScale.apply(out.x()), false);
            double[][] m = columns(p, spec.targets(), "");
            double[][] s = columns(p, spec.targets(), "_sd");
            for (int i = 0, r = 0; i < n; i++) {
                if (fold[i] == k) {
                    mean[i] = m == null ? null : m[r];
                    spread[i] = s == null ? null : s[r];
                    r++;
                }
            }
        }
        return new double[][][]{mean, spread};
    }

    /** The columns target + suffix of a prediction table as rows × targets, or null for a classifier's table. */
    private static double[][] columns(SampleTable p, List<String> targets, String suffix) {
        if (!p.hasColumn(targets.get(0) + suffix)) {
            return null;
        }
        double[][] v = new double[p.rows()][targets.size()];
        for (int j = 0; j < targets.size(); j++) {
            double[] c = p.column(targets.get(j) + suffix);
            for (int i = 0; i < c.length; i++) {
                v[i][j] = c[i];
            }
        }
        return v;
    }

    static Map<String, Object> score(ModelArchive a, Rows set) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (set.ids().isEmpty()) {
            return out;
        }
        SampleTable p = a.predictFeatures(set.ids(), scaleOnly(a, set.x()), false);
        for (int j = 0; j < a.targets().size(); j++) {
            String t = a.targets().get(j);
            double[] truth = column(set.y(), j);
            double[] pred = p.column(t);
            if (a.task() == Task.REGRESSION) {
                Map<String, Object> m = new LinkedHashMap<>(RegressionMetrics.of(truth, pred).toMap());
                if (p.hasColumn(t + "_lo")) {
                    m.putAll(org.xasdaml.evaluation.IntervalCoverage.of(truth, p.column(t + "_lo"), p.column(t + "_hi"),
                            p.meta().get("interval_level")).toMap());
                }
                out.put(t, m);
            } else {
                ClassMapping cm = a.classes();
                double[][] prob = new double[truth.length][cm.size()];
                for (int c = 0; c < cm.size(); c++) {
                    double[] pc = p.column("p_" + cm.name(c));
                    for (int i = 0; i < truth.length; i++) {
                        prob[i][c] = pc[i];
                    }
                }
                List<String> names = new ArrayList<>();
                for (int c = 0; c < cm.size(); c++) {
                    names.add(cm.name(c));
                }
                Map<String, Object> m = new LinkedHashMap<>(ClassificationMetrics.of(cm.indices(truth), cm.indices(pred),
                        prob, names).toMap());
                m.put("regression_on_labels", RegressionMetrics.of(truth, pred).toMap());
                out.put(t, m);
            }
        }
        return out;
    }

    /** Rows of a set are already transformed features; only the model's own scaling applies. */
    private static double[][] scaleOnly(ModelArchive a, double[][] x) {
        return a.inputScalingApply(x);
    }

    private static SampleTable withTruth(SampleTable pred, Rows set, List<String> targets) {
        SampleTable t = pred;
        for (int j = 0; j < targets.size(); j++) {
            t = t.withColumn(targets.get(j) + "_true", column(set.y(), j));
        }
        return t.withMeta(pred.meta());
    }

    /** A predictor fitted on one set of rows, with the networks' loss curves (null for a forest). */
    record Fitted(Predictor predictor, List<LossCurve> curves) {
    }

    /**
     * Fits one predictor: the forest (one per target) on {@code train}, or {@code ensemble} networks
     * early-stopped on {@code valid}; members are numbered from {@code firstMember} in curves and progress.
     */
    static Fitted fit(Spec spec, ForestOptions fo, ColumnScaling inScale, ColumnScaling outScale, ClassMapping classes, Rows train,
                      Rows valid, int firstMember, NetworkTrainer.Monitor monitor) {
        double[][] xt = inScale.apply(train.x());
        if (spec.kind() == ModelKind.RF) {
            List<Forest> forests = new ArrayList<>();
            if (spec.task() == Task.REGRESSION) {
                double[][] ys = outScale.apply(train.y());
                for (int j = 0; j < spec.targets().size(); j++) {
                    forests.add(ForestTrainer.regression(xt, column(ys, j), fo));
                    monitor.epoch(firstMember, j + 1, new double[0]);
                }
            } else {
                forests.add(ForestTrainer.classification(xt, classes.indices(column(train.y(), 0)), classes.size(), fo));
            }
            return new Fitted(new ForestEnsemble(forests, spec.task()), null);
        }
        double[][] xv = valid.x().length == 0 ? new double[0][] : inScale.apply(valid.x());
        double[][] yt;
        double[][] yv;
        if (spec.task() == Task.REGRESSION) {
            yt = outScale.apply(train.y());
            yv = valid.y().length == 0 ? new double[0][] : outScale.apply(valid.y());
        } else {
            yt = oneHot(train.y(), classes);
            yv = oneHot(valid.y(), classes);
        }
        NetworkTrainer.Result r = NetworkTrainer.train(spec.kind(), spec.task(), xt, yt, xv, yv, spec.network(), outScale, classes,
                monitor, firstMember);
        return new Fitted(r.model(), r.curves());
    }

    private static void putCheckpoints(Map<String, Object> prov, Fitted f) {
        List<Object> best = new ArrayList<>();
        for (LossCurve c : f.curves()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("member", c.member());
            m.put("epochs_run", c.epochs());
            m.put("best_epoch", c.bestEpoch());
            m.put("best_valid_loss", c.loss().get(c.bestEpoch() - 1)[1]);
            best.add(m);
        }
        prov.put("network_parameters", ((NetworkEnsemble) f.predictor()).parameters());
        prov.put("checkpoints", best);
    }

    /**
     * The group of each row that cross-fitting keeps within one fold: the split's group column (a group
     * split, e.g. by MD run), else its source sample (augmented variants of one spectrum), else the sample.
     */
    static String[] groups(SampleTable split, List<SampleId> ids) {
        String column = groupColumn(split);
        String[] values = column == null ? null : split.text(column);
        String[] g = new String[ids.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = values == null ? ids.get(i).toString() : values[split.rowOf(ids.get(i))];
        }
        return g;
    }

    /**
     * Runs {@code task} for folds 0 … n−1, on up to {@code parallel} threads. Each fold's model depends only on
     * its own seed and rows, so the result does not depend on the schedule (measured: the same predictions to
     * the last digit with 1 and 2 threads, {@code CalibrationTest}). The first failure (a cancellation from the
     * monitor included) stops the others and is rethrown.
     */
    static void eachFold(int n, int parallel, java.util.function.IntConsumer task) {
        if (parallel <= 1 || n <= 1) {
            for (int k = 0; k < n; k++) {
                task.accept(k);
            }
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(parallel, n), r -> {
            Thread t = new Thread(r, "xasdaml-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int fold = k;
                running.add(pool.submit(() -> task.accept(fold)));
            }
            for (java.util.concurrent.Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    running.forEach(o -> o.cancel(true));
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error er) {
                        throw er;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("training interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The split's column of groups that cross-fitting keeps whole, or null (every sample its own). */
    static String groupColumn(SampleTable split) {
        List<String> text = split.textColumnNames();
        return text.contains("group") ? "group" : text.contains(SplitStep.SOURCE_SAMPLE) ? SplitStep.SOURCE_SAMPLE : null;
    }

    static Rows concat(Rows a, Rows b) {
        List<SampleId> ids = new ArrayList<>(a.ids());
        ids.addAll(b.ids());
        double[][] x = java.util.stream.Stream.concat(java.util.Arrays.stream(a.x()), java.util.Arrays.stream(b.x())).toArray(double[][]::new);
        double[][] y = java.util.stream.Stream.concat(java.util.Arrays.stream(a.y()), java.util.Arrays.stream(b.y())).toArray(double[][]::new);
        return new Rows(ids, x, y);
    }

    /** The rows of fold k ({@code in} true) or of all other folds, in their order. */
    static Rows select(Rows r, int[] fold, int k, boolean in) {
        List<SampleId> ids = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == k) == in) {
                ids.add(r.ids().get(i));
                x.add(r.x()[i]);
                y.add(r.y()[i]);
            }
        }
        return new Rows(ids, x.toArray(new double[0][]), y.toArray(new double[0][]));
    }

    static Rows rows(SampleTable features, SampleTable labels, SampleTable split, String set, List<String> targets) {
        String[] sets = split.text("set");
        List<SampleId> ids = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            SampleId id = split.ids().get(i);
            if (set.equals(sets[i]) && features.rowOf(id) >= 0 && labels.rowOf(id) >= 0) {
                ids.add(id);
            }
        }
        double[][] x = new double[ids.size()][];
        double[][] y = new double[ids.size()][targets.size()];
        int[] cols = new int[targets.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = labels.columnIndex(targets.get(j));
        }
        for (int i = 0; i < ids.size(); i++) {
            x[i] = features.row(features.rowOf(ids.get(i)));
            int r = labels.rowOf(ids.get(i));
            for (int j = 0; j < cols.length; j++) {
                y[i][j] = labels.value(r, cols[j]);
                if (!Double.isFinite(y[i][j])) {
                    throw new IllegalArgumentException("sample " + ids.get(i) + " has no finite " + targets.get(j));
                }
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("sample " + ids.get(i) + " has a non-finite feature value");
                }
            }
        }
        return new Rows(ids, x, y);
    }

    private static Rows known(Rows r, ClassMapping cm, String what, java.util.function.Consumer<String> warn) {
        List<SampleId> ids = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < r.ids().size(); i++) {
            try {
                cm.index(r.y()[i][0]);
                ids.add(r.ids().get(i));
                x.add(r.x()[i]);
                y.add(r.y()[i]);
            } catch (IllegalArgumentException e) {
                dropped.add(r.ids().get(i) + " (" + r.y()[i][0] + ")");
            }
        }
        if (!dropped.isEmpty()) {
            warn.accept(String.format(Locale.ROOT, "%d %s samples have a class the training set lacks and are not scored: %s",
                    dropped.size(), what, dropped.size() > 10 ? dropped.subList(0, 10) + " ..." : dropped));
        }
        return new Rows(ids, x.toArray(new double[0][]), y.toArray(new double[0][]));
    }

    /** SHA-256 of a set's ids, features and targets, so a model names exactly the data it saw. */
    static String digest(Rows r) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            for (int i = 0; i < r.ids().size(); i++) {
                md.update(r.ids().get(i).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (double v : r.x()[i]) {
                    md.update(b.clear().putDouble(v).array());
                }
                for (double v : r.y()[i]) {
                    md.update(b.clear().putDouble(v).array());
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    private static double[][] oneHot(double[][] y, ClassMapping cm) {
        double[][] o = new double[y.length][cm.size()];
        for (int i = 0; i < y.length; i++) {
            o[i][cm.index(y[i][0])] = 1;
        }
        return o;
    }

    private static void putNetwork(Map<String, Object> p, ModelKind kind, NetworkOptions o) {
        if (kind == ModelKind.MLP) {
            p.put("hidden", o.hidden().toString());
        } else {
            p.put("channels", o.channels().toString());
            p.put("kernel", o.kernel());
            p.put("pool", o.pool());
            p.put("dense", o.dense().toString());
        }
        p.put("dropout", o.dropout());
        p.put("l2", o.l2());
        p.put("learning_rate", o.learningRate());
        p.put("batch", o.batch());
        p.put("max_epochs", o.epochs());
        p.put("patience", o.patience());
        p.put("min_delta", o.minDelta());
        p.put("ensemble", o.ensemble());
        p.put("seed", o.seed());
        p.put("optimizer", "adam(beta1=0.9, beta2=0.999, eps=1e-7)");
        p.put("weight_init", "glorot_uniform");
    }

    private static void putForest(Map<String, Object> p, ForestOptions o) {
        p.put("trees", o.trees());
        p.put("max_depth", o.maxDepth());
        p.put("mtry", o.mtry());
        p.put("node_size", o.nodeSize());
        p.put("max_nodes", o.maxNodes());
        p.put("subsample", o.subsample());
        p.put("seed", o.seed());
    }
}
