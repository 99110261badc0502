package org.xasdaml.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** What to train. */
    /**
     * @param workers parallel fits in a forest search
     * @param threads native (OpenMP/OpenBLAS) threads for the networks; see {@link BlasThreads}
     */
    /**
     * @param intervalLevel  nominal coverage of the calibrated prediction intervals
     * @param intervalMethod auto, absolute or normalised (see {@link Calibration})
     */
    public record Spec(ModelKind kind, Task task, List<String> targets, NetworkOptions network, ForestOptions forest,
                       ForestGrid search, int workers, int threads, double intervalLevel, String intervalMethod) {
        /** Intervals at 90 %, method chosen on the validation set. */
        public Spec(ModelKind kind, Task task, List<String> targets, NetworkOptions network, ForestOptions forest,
                    ForestGrid search, int workers, int threads) {
            this(kind, task, targets, network, forest, search, workers, threads, 0.9, "auto");
        }

        public Spec {
            if (!(intervalLevel > 0 && intervalLevel < 1)) {
                throw new IllegalArgumentException("the interval level must lie between 0 and 1, got " + intervalLevel);
            }
            if (!List.of("auto", "absolute", "normalised").contains(intervalMethod)) {
                throw new IllegalArgumentException("interval method is auto, absolute or normalised, got " + intervalMethod);
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
        ColumnScaling inScale = ColumnScaling.fit(train.x());
        double[][] xt = inScale.apply(train.x());
        double[][] xv = valid.x().length == 0 ? new double[0][] : inScale.apply(valid.x());
        ColumnScaling outScale = spec.task() == Task.REGRESSION ? ColumnScaling.fit(train.y()) : null;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", spec.kind().id());
        params.put("task", spec.task().id());
        params.put("targets", String.join(",", spec.targets()));
        Predictor predictor;
        SampleTable curves = SampleTable.ofColumns(List.of(), List.of(), new double[0][]);
        ForestSearch.Result searched = null;
        Map<String, Object> prov = new LinkedHashMap<>();
        if (spec.kind() == ModelKind.RF) {
            ForestOptions fo = spec.forest();
            if (spec.search() != null) {
                ForestGrid g = spec.search();
                double[] y0 = spec.task() == Task.REGRESSION ? column(outScale.apply(train.y()), 0) : null;
                int[] c0 = classes == null ? null : classes.indices(column(train.y(), 0));
                searched = ForestSearch.search(xt, y0, c0, classes == null ? 0 : classes.size(), fo, g.trees(), g.depths(),
                        g.mtries(), g.nodeSizes(), g.folds(), spec.workers());
                fo = searched.best();
                List<String> ranked = new ArrayList<>();
                for (ForestSearch.Candidate c : searched.candidates()) {
                    ranked.add(c.toString());
                }
                prov.put("forest_search", ranked);
            }
            putForest(params, fo);
            List<Forest> forests = new ArrayList<>();
            if (spec.task() == Task.REGRESSION) {
                double[][] ys = outScale.apply(train.y());
                for (int j = 0; j < spec.targets().size(); j++) {
                    forests.add(ForestTrainer.regression(xt, column(ys, j), fo));
                    monitor.epoch(0, j + 1, new double[0]);
                }
            } else {
                forests.add(ForestTrainer.classification(xt, classes.indices(column(train.y(), 0)), classes.size(), fo));
            }
            predictor = new ForestEnsemble(forests, spec.task());
        } else {
            NetworkOptions no = spec.network();
            putNetwork(params, spec.kind(), no);
            double[][] yt;
            double[][] yv;
            if (spec.task() == Task.REGRESSION) {
                yt = outScale.apply(train.y());
                yv = valid.y().length == 0 ? new double[0][] : outScale.apply(valid.y());
            } else {
                yt = oneHot(train.y(), classes);
                yv = oneHot(valid.y(), classes);
            }
            NetworkTrainer.Result r = NetworkTrainer.train(spec.kind(), spec.task(), xt, yt, xv, yv, no, outScale, classes, monitor);
            predictor = r.model();
            curves = LossCurve.table(r.curves());
            List<Object> best = new ArrayList<>();
            for (LossCurve c : r.curves()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("member", c.member());
                m.put("epochs_run", c.epochs());
                m.put("best_epoch", c.bestEpoch());
                m.put("best_valid_loss", c.loss().get(c.bestEpoch() - 1)[1]);
                best.add(m);
            }
            prov.put("network_parameters", r.model().parameters());
            prov.put("checkpoints", best);
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
        if (valid.ids().isEmpty()) {
            warn.accept("no validation samples: the model gets no calibrated intervals and no domain score");
        } else {
            archive = archive.withCalibration(calibrate(archive, spec, inScale, train, valid));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("valid", score(archive, valid));
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

    /** Intervals and domain score on the validation rows (see {@link Calibration}). */
    static Calibration calibrate(ModelArchive a, Spec spec, ColumnScaling inScale, Rows train, Rows valid) {
        double[][] xv = inScale.apply(valid.x());
        double[][] mean = null;
        double[][] spread = null;
        double[][] yv = null;
        if (spec.task() == Task.REGRESSION) {
            SampleTable p = a.predictFeatures(valid.ids(), xv, false);
            int k = spec.targets().size();
            mean = new double[valid.ids().size()][k];
            spread = new double[valid.ids().size()][k];
            for (int j = 0; j < k; j++) {
                double[] m = p.column(spec.targets().get(j));
                double[] s = p.column(spec.targets().get(j) + "_sd");
                for (int i = 0; i < m.length; i++) {
                    mean[i][j] = m[i];
                    spread[i][j] = s[i];
                }
            }
            yv = valid.y();
        }
        return Calibration.fit(spec.task() == Task.REGRESSION ? spec.targets() : List.of(), spec.intervalLevel(),
                spec.intervalMethod(), inScale.apply(train.x()), train.y(), xv, yv, mean, spread);
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
