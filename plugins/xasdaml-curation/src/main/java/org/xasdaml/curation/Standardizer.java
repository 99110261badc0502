package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.curation.analysis.JsonArrays;
import org.xasdaml.curation.analysis.PrincipalComponents;
import org.xasdaml.table.Axis;

/**
 * A feature transform fitted on the training set only and applied unchanged to validation,
 * test and any later spectrum (paper M9): per-feature scaling (z-score, as scikit-learn's
 * {@code StandardScaler}, or min-max to [0, 1], as {@code MinMaxScaler}), then optionally PCA
 * to a number of components or to a fraction of the variance.
 *
 * <p>Procedure of {@link #fit}: 1. per feature, centre = mean and scale = population standard
 * deviation (ddof = 0, as StandardScaler), or centre = min and scale = max - min; a feature with
 * zero spread gets scale 1 (so it maps to 0, never to NaN), as scikit-learn does; 2. if asked,
 * fit {@link PrincipalComponents} on the scaled training data and keep {@code pcaComponents}, or
 * the fewest components whose cumulative explained variance ratio exceeds {@code pcaVariance}.
 *
 * <p>The transform remembers the grid ({@link Axis}) and column names it was fitted on; model
 * archives embed it through {@link #toJson()} / {@link #fromJson(Map)}, so predictions on measured
 * spectra use exactly the training transform.
 *
 * <p>Immutable and thread-safe.
 */
public final class Standardizer {

    /** Per-feature scaling. */
    public enum Scaling {
        /** (x - mean) / std, std with ddof = 0 (scikit-learn StandardScaler). */
        ZSCORE,
        /** (x - min) / (max - min) (scikit-learn MinMaxScaler). */
        MINMAX,
        /** No scaling (PCA alone). */
        NONE;

        /** Parses "zscore", "z-score", "minmax", "min-max", "none". */
        public static Scaling parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                case "zscore", "standard" -> ZSCORE;
                case "minmax" -> MINMAX;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException("unknown scaling '" + s + "': use zscore, minmax or none");
            };
        }

        public String id() {
            return switch (this) {
                case ZSCORE -> "zscore";
                case MINMAX -> "minmax";
                case NONE -> "none";
            };
        }
    }

    /**
     * @param scaling       per-feature scaling
     * @param pcaComponents number of principal components to keep after scaling; 0 = no PCA by count
     * @param pcaVariance   keep the fewest components explaining more than this fraction of the variance, in (0, 1); 0 = off
     */
    public record Options(Scaling scaling, int pcaComponents, double pcaVariance) {
        public Options {
            if (scaling == null) {
                throw new IllegalArgumentException("scaling must be given");
            }
            if (pcaComponents < 0) {
                throw new IllegalArgumentException("pcaComponents must be >= 0, got " + pcaComponents);
            }
            if (pcaVariance < 0 || pcaVariance >= 1) {
                throw new IllegalArgumentException("pcaVariance must be in [0, 1), got " + pcaVariance);
            }
            if (pcaComponents > 0 && pcaVariance > 0) {
                throw new IllegalArgumentException("give either pcaComponents (" + pcaComponents + ") or pcaVariance ("
                        + pcaVariance + "), not both");
            }
        }

        public static Options zscore() {
            return new Options(Scaling.ZSCORE, 0, 0);
        }

        public boolean pca() {
            return pcaComponents > 0 || pcaVariance > 0;
        }
    }

    private final Options options;
    private final double[] center;
    private final double[] scale;
    private final PrincipalComponents pca;
    private final Axis grid;
    private final List<String> columns;
    private final int trainingSamples;

    private Standardizer(Options options, double[] center, double[] scale, PrincipalComponents pca, Axis grid,
                         List<String> columns, int trainingSamples) {
        this.options = options;
        this.center = center;
        this.scale = scale;
        this.pca = pca;
        this.grid = grid;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.trainingSamples = trainingSamples;
        if (center.length != scale.length) {
            throw new IllegalArgumentException(center.length + " centres for " + scale.length + " scales");
        }
        if (grid != null && grid.size() != center.length) {
            throw new IllegalArgumentException("grid has " + grid.size() + " points for " + center.length + " features");
        }
        if (this.columns != null && this.columns.size() != center.length) {
            throw new IllegalArgumentException(this.columns.size() + " column names for " + center.length + " features");
        }
        if (pca != null && pca.features() != center.length) {
            throw new IllegalArgumentException("PCA on " + pca.features() + " features for " + center.length);
        }
    }

    /** Fits on training rows (samples x features), without a grid. */
    public static Standardizer fit(double[][] train, Options options) {
        return fit(train, options, null, null);
    }

    /**
     * Fits on training rows.
     *
     * @param grid    the spectra grid of the features, or null for descriptor features
     * @param columns feature (column) names, or null
     */
    public static Standardizer fit(double[][] train, Options options, Axis grid, List<String> columns) {
        int n = train.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a standardiser on an empty training set");
        }
        int m = train[0].length;
        double[] center = new double[m];
        double[] scale = new double[m];
        for (int i = 0; i < n; i++) {
            if (train[i].length != m) {
                throw new IllegalArgumentException("training row " + i + " has " + train[i].length + " features, expected " + m);
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(train[i][j])) {
                    throw new IllegalArgumentException("training row " + i + " has a non-finite value in feature "
                            + (columns == null ? String.valueOf(j) : columns.get(j)));
                }
            }
        }
        switch (options.scaling()) {
            case ZSCORE -> {
                for (int j = 0; j < m; j++) {
                    double[] ms = meanAndSpread(train, j);
                    center[j] = ms[0];
                    scale[j] = ms[2] > 0 ? 1.0 : ms[1];
                }
            }
            case MINMAX -> {
                for (int j = 0; j < m; j++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double[] r : train) {
                        lo = Math.min(lo, r[j]);
                        hi = Math.max(hi, r[j]);
                    }
                    center[j] = lo;
                    scale[j] = hi - lo > tiny(hi) ? hi - lo : 1.0;
                }
            }
            case NONE -> java.util.Arrays.fill(scale, 1.0);
        }
        Standardizer scaled = new Standardizer(options, center, scale, null, grid, columns, n);
        if (!options.pca()) {
            return scaled;
        }
        double[][] z = scaled.apply(train);
        int keep;
        PrincipalComponents full;
        if (options.pcaComponents() > 0) {
            full = PrincipalComponents.fit(z, options.pcaComponents());
            keep = options.pcaComponents();
        } else {
            full = PrincipalComponents.fit(z, 0);
            keep = PrincipalComponents.componentsFor(full.explainedVarianceRatio(), options.pcaVariance());
        }
        return new Standardizer(options, center, scale, full.truncate(keep), grid, columns, n);
    }

    /**
     * Mean, population standard deviation and a constancy flag of feature {@code j}: {mean, sd,
     * 1 if constant else 0}.
     *
     * <p>Why this care: a column of 210 × 3.3 summed naively has a mean off by an ulp, so a plain
     * two-pass spread comes out 5.8e-15 instead of 0, just above a fixed cut-off, and a new sample
     * at 3.31 became z ≈ 1.7e12 (scikit-learn: 0.01). Here the mean is a compensated (Neumaier) sum,
     * the spread is the corrected two-pass formula (the sum of deviations, which is zero in exact
     * arithmetic, is subtracted), a column whose values are all equal is constant outright, and
     * otherwise constancy is decided relative to the column's magnitude with scikit-learn's bound
     * ({@code _is_constant_feature}): var ≤ n·ε·var + (n·|mean|·ε)², the rounding error of the
     * variance itself. A constant feature keeps scale 1, as documented.
     */
    static double[] meanAndSpread(double[][] train, int j) {
        int n = train.length;
        double sum = 0;
        double comp = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : train) {
            double v = r[j];
            double t = sum + v;
            comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo == hi) {
            return new double[] {lo, 0, 1};
        }
        double mean = (sum + comp) / n;
        double ss = 0;
        double sd0 = 0;
        for (double[] r : train) {
            double d = r[j] - mean;
            ss += d * d;
            sd0 += d;
        }
        double var = Math.max(0, (ss - sd0 * sd0 / n) / n);
        double eps = Math.ulp(1.0);
        double bound = n * eps * var + (n * Math.abs(mean) * eps) * (n * Math.abs(mean) * eps);
        return new double[] {mean, Math.sqrt(var), var <= bound ? 1 : 0};
    }

    /** Spread below which a feature counts as constant (scikit-learn's _is_constant_feature uses a similar bound). */
    private static double tiny(double magnitude) {
        return 10 * Math.ulp(Math.max(1.0, Math.abs(magnitude)));
    }

    public Options options() {
        return options;
    }

    /** The grid the transform was fitted on, or null (descriptor features). */
    public Axis grid() {
        return grid;
    }

    /** Feature names it was fitted on, or null. */
    public List<String> columns() {
        return columns;
    }

    public int inputDimension() {
        return center.length;
    }

    public int outputDimension() {
        return pca == null ? center.length : pca.count();
    }

    public int trainingSamples() {
        return trainingSamples;
    }

    /** The per-feature centre (mean or min), a copy. */
    public double[] center() {
        return center.clone();
    }

    /** The per-feature scale (std or range), a copy. */
    public double[] scale() {
        return scale.clone();
    }

    /** The fitted PCA, or null. */
    public PrincipalComponents pca() {
        return pca;
    }

    /** Names of the output features: the input names when there is no PCA, else PC1, PC2, ... */
    public List<String> outputNames() {
        if (pca == null) {
            if (columns != null) {
                return columns;
            }
            List<String> l = new ArrayList<>();
            for (int j = 0; j < center.length; j++) {
                l.add("x" + j);
            }
            return l;
        }
        List<String> l = new ArrayList<>();
        for (int k = 1; k <= pca.count(); k++) {
            l.add("PC" + k);
        }
        return l;
    }

    /** Transforms one sample. @throws IllegalArgumentException when its length is not the fitted dimension */
    public double[] apply(double[] x) {
        if (x.length != center.length) {
            throw new IllegalArgumentException("standardiser fitted on " + center.length + " features"
                    + (grid != null ? " (grid " + grid + ")" : "") + ", got " + x.length);
        }
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - center[j]) / scale[j];
        }
        return pca == null ? z : pca.transform(z);
    }

    public double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    /** JSON-ready maps and lists; {@link #fromJson} reads it back exactly (doubles are written round-trip). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "xasdaml-standardizer");
        m.put("version", 1);
        m.put("scaling", options.scaling().id());
        m.put("pca_components", options.pcaComponents());
        m.put("pca_variance", options.pcaVariance());
        m.put("training_samples", trainingSamples);
        m.put("center", center);
        m.put("scale", scale);
        if (grid != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", grid.name());
            g.put("unit", grid.unit());
            g.put("values", grid.values());
            m.put("grid", g);
        }
        if (columns != null) {
            m.put("columns", columns);
        }
        if (pca != null) {
            m.put("pca", pca.toJson());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Standardizer fromJson(Map<String, Object> m) {
        if (!"xasdaml-standardizer".equals(m.get("type"))) {
            throw new IllegalArgumentException("not a standardiser: type " + m.get("type"));
        }
        int version = ((Number) m.get("version")).intValue();
        if (version != 1) {
            throw new IllegalArgumentException("standardiser format version " + version + " is newer than this program (1)");
        }
        Options o = new Options(Scaling.parse((String) m.get("scaling")), ((Number) m.get("pca_components")).intValue(),
                ((Number) m.get("pca_variance")).doubleValue());
        Axis grid = null;
        if (m.get("grid") instanceof Map<?, ?> g) {
            grid = new Axis((String) g.get("name"), (String) g.get("unit"), JsonArrays.doubles(g.get("values")));
        }
        List<String> cols = m.get("columns") instanceof List<?> l ? (List<String>) l : null;
        PrincipalComponents p = m.get("pca") instanceof Map<?, ?> pm ? PrincipalComponents.fromJson((Map<String, Object>) pm) : null;
        return new Standardizer(o, JsonArrays.doubles(m.get("center")), JsonArrays.doubles(m.get("scale")), p, grid, cols,
                ((Number) m.get("training_samples")).intValue());
    }

    @Override
    public String toString() {
        return "Standardizer[" + options.scaling().id() + ", " + inputDimension() + " -> " + outputDimension() + " features"
                + (grid != null ? ", grid " + grid : "") + "]";
    }
}
