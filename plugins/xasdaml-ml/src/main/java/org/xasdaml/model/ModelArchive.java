package org.xasdaml.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.xasdaml.curation.Standardizer;
import org.xasdaml.io.Json;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * A trained model with everything needed to use it on new spectra, in one file (paper M10–M11).
 *
 * <p>Holds: the model family and task, the target names, for classifiers the {@link ClassMapping},
 * the input grid and column names, the upstream feature transform (the curation module's
 * {@link Standardizer}: scaling and PCA) when the model was trained on transformed features, the
 * model's own input and target scaling, the network(s) or forest(s), every hyperparameter, the
 * training provenance and the validation and test metrics.
 *
 * <p>File format ({@code .xasmodel}, a zip): {@code archive.json} (all of the above but the
 * weights), {@code network-<i>.zip} (Deeplearning4j's JSON configuration + raw float32 parameters,
 * {@link NetworkEnsemble#toBytes}) or {@code forest-<i>.bin} ({@link Forest#write}). No Java
 * serialisation anywhere: reading takes only these entries, each up to a size limit.
 *
 * <p>Prediction ({@link #predict}) refuses spectra on another grid instead of silently
 * interpolating or clamping (the reference's notebooks did not store the grid at all).
 */
public final class ModelArchive {
    /** File name extension. */
    public static final String EXTENSION = ".xasmodel";
    static final String FORMAT = "xasdaml-model";
    /** 2: networks as configuration + raw float32 parameters (1 used Deeplearning4j's serializer; still read, without it). */
    static final int VERSION = 2;
    /** Grid points may differ by this relative amount and still count as the same grid. */
    public static final double GRID_TOLERANCE = 1e-9;

    private final ModelKind kind;
    private final Task task;
    private final List<String> targets;
    private final ClassMapping classes;
    private final Axis inputGrid;
    private final List<String> inputColumns;
    private final Standardizer transform;
    private final ColumnScaling inputScaling;
    private final ColumnScaling targetScaling;
    private final Predictor predictor;
    private final Map<String, Object> parameters;
    private final Map<String, Object> provenance;
    private final Map<String, Object> metrics;
    /** Intervals and domain score calibrated at training; null in archives written before them. */
    private final Calibration calibration;

    /**
     * @param inputGrid     grid of the raw spectra the model takes (null when the inputs are not spectra)
     * @param inputColumns  names of the raw input columns
     * @param transform     upstream transform from raw inputs to the model's features, or null
     * @param inputScaling  the model's own scaling of its features
     * @param targetScaling scaling of regression targets (null for classification)
     */
    public ModelArchive(ModelKind kind, Task task, List<String> targets, ClassMapping classes, Axis inputGrid,
                        List<String> inputColumns, Standardizer transform, ColumnScaling inputScaling,
                        ColumnScaling targetScaling, Predictor predictor, Map<String, Object> parameters,
                        Map<String, Object> provenance, Map<String, Object> metrics) {
        this(kind, task, targets, classes, inputGrid, inputColumns, transform, inputScaling, targetScaling, predictor, parameters,
                provenance, metrics, null);
    }

    private ModelArchive(ModelKind kind, Task task, List<String> targets, ClassMapping classes, Axis inputGrid,
                         List<String> inputColumns, Standardizer transform, ColumnScaling inputScaling,
                         ColumnScaling targetScaling, Predictor predictor, Map<String, Object> parameters,
                         Map<String, Object> provenance, Map<String, Object> metrics, Calibration calibration) {
        this.calibration = calibration;
        this.kind = kind;
        this.task = task;
        this.targets = List.copyOf(targets);
        this.classes = classes;
        this.inputGrid = inputGrid;
        this.inputColumns = List.copyOf(inputColumns);
        this.transform = transform;
        this.inputScaling = inputScaling;
        this.targetScaling = targetScaling;
        this.predictor = predictor;
        this.parameters = org.xasdaml.io.OrderedCopy.of(parameters);
        this.provenance = new LinkedHashMap<>(provenance);
        this.metrics = new LinkedHashMap<>(metrics);
        if (task == Task.CLASSIFICATION && (classes == null || this.targets.size() != 1)) {
            throw new IllegalArgumentException("a classifier has one target and a class mapping");
        }
        if (task == Task.REGRESSION && (targetScaling == null || targetScaling.size() != this.targets.size())) {
            throw new IllegalArgumentException("a regression model needs a target scaling per target");
        }
        if (inputGrid != null && inputGrid.size() != this.inputColumns.size()) {
            throw new IllegalArgumentException("grid of " + inputGrid.size() + " points for " + this.inputColumns.size() + " columns");
        }
    }

    public ModelKind kind() {
        return kind;
    }

    public Task task() {
        return task;
    }

    public List<String> targets() {
        return targets;
    }

    public ClassMapping classes() {
        return classes;
    }

    public Axis inputGrid() {
        return inputGrid;
    }

    public List<String> inputColumns() {
        return inputColumns;
    }

    public Standardizer transform() {
        return transform;
    }

    public Predictor predictor() {
        return predictor;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public Map<String, Object> provenance() {
        return java.util.Collections.unmodifiableMap(provenance);
    }

    /** Provenance key of the feature recipe the training features were made by. */
    public static final String RECIPE_KEY = org.xasdaml.curation.recipe.FeatureRecipe.PROVENANCE_KEY;

    /**
     * The feature recipe of the training features (kept in the provenance, entry
     * {@value #RECIPE_KEY}), or null for models trained on features made without one; prediction
     * from measured spectra applies it unchanged.
     */
    @SuppressWarnings("unchecked")
    public org.xasdaml.curation.recipe.FeatureRecipe recipe() {
        Object r = provenance.get(RECIPE_KEY);
        return r instanceof Map<?, ?> m ? org.xasdaml.curation.recipe.FeatureRecipe.fromMap((Map<String, Object>) m) : null;
    }

    public Map<String, Object> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    /** A copy with metrics added (training records validation and test scores after the fact). */
    public ModelArchive withMetrics(Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.putAll(more);
        return new ModelArchive(kind, task, targets, classes, inputGrid, inputColumns, transform, inputScaling, targetScaling,
                predictor, parameters, provenance, m, calibration);
    }

    /** A copy predicting with another predictor of the same inputs and outputs (a fold model of cross-fitting). */
    public ModelArchive withPredictor(Predictor p) {
        return new ModelArchive(kind, task, targets, classes, inputGrid, inputColumns, transform, inputScaling, targetScaling,
                p, parameters, provenance, metrics, calibration);
    }

    /** The calibration of intervals and domain score, or null (archives written before calibration existed). */
    public Calibration calibration() {
        return calibration;
    }

    /** A copy carrying a calibration (stored as the archive's {@code calibration.json}). */
    public ModelArchive withCalibration(Calibration c) {
        return new ModelArchive(kind, task, targets, classes, inputGrid, inputColumns, transform, inputScaling, targetScaling,
                predictor, parameters, provenance, metrics, c);
    }

    /** The refusal for spectra of another quantity than the model's (no regridding can fix it). */
    public static String differentQuantity(Axis spectra, Axis model) {
        return "the spectra are on " + spectra.quantity() + " but the model was trained on " + model.quantity()
                + ": a different quantity, which no regridding turns into the other; give spectra of the kind the model "
                + "was trained on (" + model + "), refusing to predict";
    }

    /** Raw input rows of a table, checked against the model's grid or columns. */
    public double[][] inputs(SampleTable spectra) {
        if (inputGrid != null) {
            Axis a = spectra.axis();
            if (a == null) {
                throw new IllegalArgumentException("the model takes spectra on the grid " + inputGrid
                        + ", but the table has no grid (" + spectra + ")");
            }
            if (!a.sameQuantity(inputGrid)) {
                throw new IllegalArgumentException(differentQuantity(a, inputGrid));
            }
            if (!a.sameGrid(inputGrid, GRID_TOLERANCE)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the spectra are on the grid %s, but the model was trained on %s: put them on the model's grid "
                                + "first (predict from measured spectra does this), refusing to predict", a, inputGrid));
            }
            return spectra.matrix();
        }
        for (String c : inputColumns) {
            if (!spectra.hasColumn(c)) {
                throw new IllegalArgumentException("the model needs the column '" + c + "', which the table lacks");
            }
        }
        return spectra.selectColumns(inputColumns).matrix();
    }

    /** The model's own scaling applied to already transformed features. */
    double[][] inputScalingApply(double[][] x) {
        return inputScaling.apply(x);
    }

    /** Model features from raw inputs: transform (if any), then the model's scaling. */
    public double[][] features(double[][] raw) {
        double[][] x = transform == null ? raw : transform.apply(raw);
        return inputScaling.apply(x);
    }

    /**
     * Predicts for every row of a table on the model's grid.
     *
     * @param roundRegression round regression values to the nearest integer (for CN)
     * @return one row per sample: per target the prediction and its uncertainty ({@code <target>_sd},
     * the spread of the ensemble or trees; for classifiers {@code <target>_uncertainty} = 1 − the
     * winning class's mean probability), and for classifiers the class probabilities {@code p_<label>};
     * with a {@link Calibration}, per regression target also {@code <target>_lo}, {@code <target>_hi}
     * (the calibrated interval) and {@code <target>_in_range} (the interval reaches into the training labels'
     * range, {@link Calibration.TargetInterval#inRange}), and per row {@code domain_score} and
     * {@code in_domain}, with the metadata {@code interval_level} and {@code interval_method}
     */
    public SampleTable predict(SampleTable spectra, boolean roundRegression) {
        return predictFeatures(spectra.ids(), features(inputs(spectra)), roundRegression);
    }

    /** Predicts from features the archive's transform already made (the standardised dataset splits). */
    public SampleTable predictFeaturesScaled(List<org.xasdaml.structure.SampleId> ids, double[][] transformed,
                                             boolean roundRegression) {
        return predictFeatures(ids, inputScaling.apply(transformed), roundRegression);
    }

    /** Predicts from features already transformed and scaled by the model's own scaling. */
    public SampleTable predictFeatures(List<org.xasdaml.structure.SampleId> ids, double[][] features, boolean roundRegression) {
        Predictor.Output out = predictor.predict(features);
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        int n = features.length;
        if (task == Task.REGRESSION) {
            double[][] v = targetScaling.invert(out.mean());
            double[] scale = targetScaling.scale();
            for (int j = 0; j < targets.size(); j++) {
                double[] p = new double[n];
                double[] sd = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = roundRegression ? Math.rint(v[i][j]) : v[i][j];
                    sd[i] = out.spread()[i][j] * scale[j];
                }
                names.add(targets.get(j));
                cols.add(p);
                names.add(targets.get(j) + "_sd");
                cols.add(sd);
                Calibration.TargetInterval iv = calibration == null ? null : calibration.interval(targets.get(j));
                if (iv != null) {
                    double[] lo = new double[n];
                    double[] hi = new double[n];
                    double[] in = new double[n];
                    for (int i = 0; i < n; i++) {
                        double h = iv.halfWidth(sd[i]);
                        lo[i] = v[i][j] - h;
                        hi[i] = v[i][j] + h;
                        in[i] = iv.inRange(p[i], h) ? 1 : 0;
                    }
                    names.add(targets.get(j) + "_lo");
                    cols.add(lo);
                    names.add(targets.get(j) + "_hi");
                    cols.add(hi);
                    names.add(targets.get(j) + "_in_range");
                    cols.add(in);
                }
            }
        } else {
            double[] label = new double[n];
            double[] unc = new double[n];
            for (int i = 0; i < n; i++) {
                int c = NetworkTrainer.argmax(out.mean()[i]);
                label[i] = classes.label(c);
                unc[i] = 1 - out.mean()[i][c];
            }
            names.add(targets.get(0));
            cols.add(label);
            names.add(targets.get(0) + "_uncertainty");
            cols.add(unc);
            for (int c = 0; c < classes.size(); c++) {
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = out.mean()[i][c];
                }
                names.add("p_" + classes.name(c));
                cols.add(p);
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (calibration != null && calibration.domain() != null) {
            double[] score = calibration.domain().score(features);
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = score[i] <= 1 ? 1 : 0;
            }
            names.add("domain_score");
            cols.add(score);
            names.add("in_domain");
            cols.add(in);
        }
        if (calibration != null && task == Task.REGRESSION) {
            meta.put("interval_level", calibration.levelText());
            meta.put("interval_method", calibration.method());
        }
        meta.put("model", kind.id());
        meta.put("task", task.id());
        meta.put("targets", String.join(",", targets));
        return SampleTable.ofColumns(ids, names, cols.toArray(new double[0][])).withMeta(meta);
    }

    // ------------------------------------------------------------------ storage

    /** Writes the archive file. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        org.xasdaml.io.AtomicFiles.write(file, os -> write(new java.io.FilterOutputStream(os) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the atomic writer closes the file itself, after the last byte
            }
        }));
    }

    public void write(OutputStream os) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("archive.json"));
            zip.write(Json.write(header()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (predictor instanceof NetworkEnsemble ne) {
                List<byte[]> nets = ne.toBytes();
                for (int i = 0; i < nets.size(); i++) {
                    zip.putNextEntry(new ZipEntry("network-" + i + ".zip"));
                    zip.write(nets.get(i));
                    zip.closeEntry();
                }
            } else if (predictor instanceof ForestEnsemble fe) {
                for (int i = 0; i < fe.forests().size(); i++) {
                    zip.putNextEntry(new ZipEntry("forest-" + i + ".bin"));
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    fe.forests().get(i).write(new DataOutputStream(b));
                    zip.write(b.toByteArray());
                    zip.closeEntry();
                }
            }
            if (calibration != null) {
                zip.putNextEntry(new ZipEntry(CALIBRATION_ENTRY));
                zip.write(Json.write(calibration.toJson()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** Zip entry of the calibration (absent in older archives, which then predict without intervals). */
    static final String CALIBRATION_ENTRY = "calibration.json";

    private Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.put("kind", kind.id());
        h.put("task", task.id());
        h.put("targets", targets);
        h.put("classes", classes == null ? null : classes.labels());
        if (inputGrid != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", inputGrid.name());
            g.put("unit", inputGrid.unit());
            g.put("values", inputGrid.values());
            h.put("input_grid", g);
        }
        h.put("input_columns", inputColumns);
        h.put("transform", transform == null ? null : transform.toJson());
        h.put("input_scaling", inputScaling.toJson());
        h.put("target_scaling", targetScaling == null ? null : targetScaling.toJson());
        h.put("members", predictor instanceof NetworkEnsemble ne ? ne.networks().size()
                : ((ForestEnsemble) predictor).forests().size());
        h.put("parameters", new TreeMap<>(parameters));
        h.put("provenance", provenance);
        h.put("metrics", metrics);
        return h;
    }

    /** Largest archive.json accepted (a 50-component PCA transform of 1000 points is about 2 MB). */
    static final long MAX_HEADER = 256L << 20;
    /** Largest network or forest entry accepted. */
    static final long MAX_MEMBER = 2L << 30;

    /** Reads an archive file. @throws IOException naming the file when it is not a model archive */
    public static ModelArchive read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file + " is not a readable model archive: " + e.getMessage(), e);
        }
    }

    public static ModelArchive read(InputStream is) throws IOException {
        return read(is, "model archive");
    }

    /**
     * Reads an archive: only the entries this class writes, each up to a size limit; networks are
     * rebuilt from configuration and parameters ({@link NetworkEnsemble#fromBytes}), forests from
     * their own binary form. Nothing is deserialised as Java objects.
     */
    @SuppressWarnings("unchecked")
    public static ModelArchive read(InputStream is, String what) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(org.xasdaml.io.BoundedZip.read(is, name -> name.equals("archive.json") || name.equals(CALIBRATION_ENTRY) ? MAX_HEADER
                : name.matches("(network-\\d+\\.zip|forest-\\d+\\.bin)") ? MAX_MEMBER : 0, what));
        byte[] hj = entries.get("archive.json");
        if (hj == null) {
            throw new IOException(what + " is not a model archive (no archive.json); give a .xasmodel written by 'model train'");
        }
        Map<String, Object> h = Json.parseObject(new String(hj, StandardCharsets.UTF_8));
        if (!FORMAT.equals(h.get("format"))) {
            throw new IOException("not a model archive: format " + h.get("format"));
        }
        int version = ((Number) h.get("version")).intValue();
        if (version > VERSION) {
            throw new IOException("model archive version " + version + " is newer than this program (" + VERSION + ")");
        }
        ModelKind kind = ModelKind.parse((String) h.get("kind"));
        Task task = Task.parse((String) h.get("task"));
        List<String> targets = (List<String>) h.get("targets");
        ClassMapping classes = h.get("classes") == null ? null : new ClassMapping(ColumnScaling.doubles(h.get("classes")));
        Axis grid = null;
        if (h.get("input_grid") instanceof Map<?, ?> g) {
            grid = new Axis((String) g.get("name"), (String) g.get("unit"), ColumnScaling.doubles(g.get("values")));
        }
        Standardizer transform = h.get("transform") == null ? null : Standardizer.fromJson((Map<String, Object>) h.get("transform"));
        ColumnScaling in = ColumnScaling.fromJson((Map<?, ?>) h.get("input_scaling"));
        ColumnScaling out = h.get("target_scaling") == null ? null : ColumnScaling.fromJson((Map<?, ?>) h.get("target_scaling"));
        int members = ((Number) h.get("members")).intValue();
        Predictor p;
        if (kind == ModelKind.RF) {
            List<Forest> forests = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                byte[] b = entries.get("forest-" + i + ".bin");
                if (b == null) {
                    throw new IOException("model archive lacks forest-" + i + ".bin");
                }
                forests.add(Forest.read(new DataInputStream(new ByteArrayInputStream(b))));
            }
            p = new ForestEnsemble(forests, task);
        } else {
            List<byte[]> nets = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                byte[] b = entries.get("network-" + i + ".zip");
                if (b == null) {
                    throw new IOException("model archive lacks network-" + i + ".zip");
                }
                nets.add(b);
            }
            p = NetworkEnsemble.fromBytes(nets, task, what);
        }
        byte[] cj = entries.get(CALIBRATION_ENTRY);
        Calibration cal = cj == null ? null : Calibration.fromJson(Json.parseObject(new String(cj, StandardCharsets.UTF_8)));
        return new ModelArchive(kind, task, targets, classes, grid, (List<String>) h.get("input_columns"), transform, in, out, p,
                (Map<String, Object>) h.get("parameters"), (Map<String, Object>) h.get("provenance"),
                (Map<String, Object>) h.get("metrics"), cal);
    }

    @Override
    public String toString() {
        return kind.id() + " " + task.id() + " of " + String.join(", ", targets) + " on "
                + (inputGrid != null ? inputGrid.toString() : inputColumns.size() + " columns");
    }
}
