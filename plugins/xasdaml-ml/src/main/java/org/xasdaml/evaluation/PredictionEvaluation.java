package org.xasdaml.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.curation.analysis.KMeans;
import org.xasdaml.curation.analysis.PrincipalComponents;
import org.xasdaml.plot.Chart;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Figure;

/**
 * Evaluates one target's predictions against the truth (paper module M12): the metrics, the
 * statistics of both, outliers, residual clusters, and the reference's figures.
 *
 * <p>Procedure: 1. join predictions, truth (and spectra, if given) on sample id; 2. regression
 * metrics ({@link RegressionMetrics}) always, classification metrics ({@link ClassificationMetrics})
 * when the predictions carry class probabilities {@code p_<label>}; 3. mean, population variance
 * and standard deviation of prediction and truth, and values further than {@code outlierZ}
 * standard deviations from their mean; 4. K-means (seeded) of the absolute differences into
 * {@code clusters} groups; 5. figures: parity plot with y = x, truth and prediction along the
 * samples, residual histogram, box plots of absolute differences (all and per cluster), each
 * cluster's spectra, PCA scores of the spectra coloured by absolute error, and for classifiers the
 * confusion matrix. Unlike the reference, the parity plot is saved and the metrics are those of the
 * predictions as given (round them in the predict step if wanted).
 */
public final class PredictionEvaluation {
    private PredictionEvaluation() {
    }

    /** Options of an evaluation. */
    public record Options(int clusters, double outlierZ, long seed, int maxSpectraPerCluster) {
        public Options {
            if (clusters < 1 || outlierZ <= 0 || maxSpectraPerCluster < 1) {
                throw new IllegalArgumentException("need clusters >= 1, outlierZ > 0, maxSpectraPerCluster >= 1");
            }
        }
    }

    /** The result for one target. */
    /**
     * @param interval coverage of the predictions' {@code <target>_lo/_hi} interval, or null when they have none
     * @param domain   fraction of the samples inside the model's domain, or null when the predictions have no domain score
     */
    public record Result(String target, RegressionMetrics regression, ClassificationMetrics classification,
                         Map<String, Object> statistics, int[] clusterCounts, double[] clusterMeanDifference,
                         List<Figure> figures, IntervalCoverage interval, DomainRate domain) {
    }

    /** Coverage of the target's interval columns on the given samples, or null when the predictions have none. */
    static IntervalCoverage coverage(SampleTable predictions, List<SampleId> ids, String target, double[] truth) {
        if (!predictions.hasColumn(target + "_lo") || !predictions.hasColumn(target + "_hi")) {
            return null;
        }
        SampleTable p = predictions.selectIds(ids);
        return IntervalCoverage.of(truth, p.column(target + "_lo"), p.column(target + "_hi"),
                predictions.meta().get("interval_level"));
    }

    public static Result evaluate(SampleTable predictions, SampleTable truth, SampleTable spectra, String target, Options o) {
        if (!predictions.hasColumn(target)) {
            throw new IllegalArgumentException("the predictions have no column '" + target + "'; they have " + predictions.columnNames());
        }
        String truthColumn = truth.hasColumn(target) ? target : target + "_true";
        if (!truth.hasColumn(truthColumn)) {
            throw new IllegalArgumentException("the truth table has no column '" + target + "'");
        }
        List<SampleId> ids = new ArrayList<>();
        for (SampleId id : predictions.ids()) {
            if (truth.rowOf(id) >= 0 && (spectra == null || spectra.rowOf(id) >= 0)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no sample is in both the predictions and the truth"
                    + (spectra == null ? "" : " and the spectra"));
        }
        double[] pred = predictions.selectIds(ids).column(target);
        double[] tru = truth.selectIds(ids).column(truthColumn);
        RegressionMetrics rm = RegressionMetrics.of(tru, pred);
        ClassificationMetrics cm = null;
        List<String> probColumns = predictions.columnNames().stream().filter(c -> c.startsWith("p_")).toList();
        if (!probColumns.isEmpty()) {
            cm = classification(predictions.selectIds(ids), tru, pred, probColumns);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("prediction", describe(pred, o.outlierZ()));
        stats.put("truth", describe(tru, o.outlierZ()));
        int n = ids.size();
        double[] absDiff = new double[n];
        double[] resid = new double[n];
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            resid[i] = pred[i] - tru[i];
            absDiff[i] = Math.abs(resid[i]);
            index[i] = i;
        }
        int k = Math.min(o.clusters(), distinct(absDiff));
        double[][] oneD = new double[n][];
        for (int i = 0; i < n; i++) {
            oneD[i] = new double[]{absDiff[i]};
        }
        int[] labels = k >= 1 ? KMeans.fit(oneD, k, o.seed()).labels() : new int[n];
        int[] counts = new int[Math.max(k, 1)];
        double[] meanDiff = new double[counts.length];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            meanDiff[labels[i]] += absDiff[i];
        }
        for (int c = 0; c < counts.length; c++) {
            meanDiff[c] = counts[c] == 0 ? 0 : meanDiff[c] / counts[c];
        }
        List<Figure> figs = new ArrayList<>();
        String t = safe(target);
        double[] span = parityRange(tru, pred);
        figs.add(new Chart().title(target + ": predicted against true").xLabel("true " + target, "")
                .yLabel("predicted " + target, "").xRange(span[0], span[1]).yRange(span[0], span[1])
                .scatter("samples", tru, pred).diagonal().render(t + "_parity"));
        figs.add(new Chart().title(target + ": true and predicted along the samples").xLabel("sample", "").yLabel(target, "")
                .line("true", index, tru).line("predicted", index, pred).render(t + "_true_vs_predicted"));
        figs.add(new Chart().title(target + ": residuals (predicted − true)").xLabel("residual", "").yLabel("count", "")
                .histogram("residuals", resid, 20).render(t + "_residual_histogram"));
        List<String> groups = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>();
        groups.add("all");
        boxes.add(absDiff);
        for (int c = 0; c < counts.length; c++) {
            double[] v = new double[counts[c]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == c) {
                    v[m++] = absDiff[i];
                }
            }
            if (v.length > 0) {
                groups.add(String.format(Locale.ROOT, "cluster %d (n=%d)", c + 1, v.length));
                boxes.add(v);
            }
        }
        figs.add(new Chart().title(target + ": absolute differences, all and per K-means cluster").yLabel("|predicted − true|", "")
                .boxes(groups, boxes).render(t + "_absolute_difference_boxes"));
        if (spectra != null) {
            SampleTable s = spectra.selectIds(ids);
            double[] x = s.axis() != null ? s.axis().values() : indexAxis(s.numericColumns());
            String xl = s.axis() != null ? s.axis().name() : "feature";
            String xu = s.axis() != null ? s.axis().unit() : "";
            for (int c = 0; c < counts.length; c++) {
                Chart ch = new Chart().title(String.format(Locale.ROOT, "%s: cluster %d spectra, mean |difference| %.4g",
                        target, c + 1, meanDiff[c])).xLabel(xl, xu).yLabel("spectrum", "").legend(false);
                int shown = 0;
                for (int i = 0; i < n && shown < o.maxSpectraPerCluster(); i++) {
                    if (labels[i] == c) {
                        ch.line(ids.get(i).toString(), x, s.row(i));
                        shown++;
                    }
                }
                if (shown > 0) {
                    figs.add(ch.render(t + "_cluster_" + (c + 1) + "_spectra"));
                }
            }
            if (n >= 3 && s.numericColumns() >= 2) {
                PrincipalComponents pca = PrincipalComponents.fit(s.matrix(), 2);
                double[][] scores = pca.transform(s.matrix());
                double[] r = pca.explainedVarianceRatio();
                figs.add(new Chart().title(String.format(Locale.ROOT, "%s: PCA of the spectra (PC1 %.2f, PC2 %.2f) by |error|",
                                target, r[0], r[1])).xLabel("PC1", "").yLabel("PC2", "")
                        .scatter("samples", ModelComparison.column(scores, 0), ModelComparison.column(scores, 1), absDiff,
                                "|predicted − true|")
                        .render(t + "_pca_absolute_difference"));
            }
        }
        if (cm != null) {
            int kk = cm.confusion().labels().size();
            double[][] z = new double[kk][kk];
            for (int i = 0; i < kk; i++) {
                for (int j = 0; j < kk; j++) {
                    z[i][j] = cm.confusion().count(i, j);
                }
            }
            figs.add(new Chart().title(target + ": confusion matrix (rows true, columns predicted)").xLabel("predicted", "")
                    .yLabel("true", "").heatmap(z, cm.confusion().labels(), cm.confusion().labels(), true)
                    .render(t + "_confusion_matrix"));
        }
        return new Result(target, rm, cm, stats, counts, meanDiff, figs, coverage(predictions, ids, target, tru),
                DomainRate.of(predictions, ids));
    }

    private static ClassificationMetrics classification(SampleTable p, double[] truth, double[] pred, List<String> probColumns) {
        List<String> names = new ArrayList<>();
        double[] labels = new double[probColumns.size()];
        for (int c = 0; c < labels.length; c++) {
            names.add(probColumns.get(c).substring(2));
            labels[c] = Double.parseDouble(names.get(c));
        }
        int[] ti = new int[truth.length];
        int[] pi = new int[truth.length];
        double[][] prob = new double[truth.length][labels.length];
        for (int i = 0; i < truth.length; i++) {
            ti[i] = indexOf(labels, truth[i], "true");
            pi[i] = indexOf(labels, pred[i], "predicted");
        }
        for (int c = 0; c < labels.length; c++) {
            double[] col = p.column(probColumns.get(c));
            for (int i = 0; i < truth.length; i++) {
                prob[i][c] = col[i];
            }
        }
        return ClassificationMetrics.of(ti, pi, prob, names);
    }

    private static int indexOf(double[] labels, double v, String what) {
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] == v) {
                return c;
            }
        }
        throw new IllegalArgumentException(what + " label " + v + " is not one of the model's classes " + Arrays.toString(labels));
    }

    /** Mean, population variance and std, and the outliers (|z| > outlierZ). */
    static Map<String, Object> describe(double[] v, double z) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        double sd = Math.sqrt(var);
        List<Double> outliers = new ArrayList<>();
        for (double x : v) {
            if (sd > 0 && Math.abs(x - mean) / sd > z) {
                outliers.add(x);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("variance", var);
        m.put("std", sd);
        m.put("outliers", outliers);
        return m;
    }

    private static int distinct(double[] v) {
        return (int) Arrays.stream(v).distinct().count();
    }

    private static double[] indexAxis(int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = i;
        }
        return x;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The text of the reference's report.txt, extended with classification scores and clusters. */
    public static String text(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Analysis Report for Predictions and True Values: ").append(r.target()).append("\n\n");
        Map<?, ?> p = (Map<?, ?>) r.statistics().get("prediction");
        Map<?, ?> t = (Map<?, ?>) r.statistics().get("truth");
        sb.append(String.format(Locale.ROOT, "1. Mean\n   predicted %.6f\n   true      %.6f\n", p.get("mean"), t.get("mean")));
        sb.append(String.format(Locale.ROOT, "2. Variance (std)\n   predicted %.6f (%.6f)\n   true      %.6f (%.6f)\n",
                p.get("variance"), p.get("std"), t.get("variance"), t.get("std")));
        sb.append("3. Outliers\n   predicted ").append(abbreviate((List<?>) p.get("outliers"))).append("\n   true      ")
                .append(abbreviate((List<?>) t.get("outliers"))).append('\n');
        RegressionMetrics m = r.regression();
        sb.append(String.format(Locale.ROOT, "4. Error metrics (n = %d)\n   MAE %.6f\n   MSE %.6f\n   RMSE %.6f\n   MAPE %.6f\n"
                        + "   explained variance %.6f\n   max error %.6f\n   R2 %.6f\n", m.n(), m.mae(), m.mse(), m.rmse(), m.mape(),
                m.explainedVariance(), m.maxError(), m.r2()));
        if (r.interval() != null) {
            sb.append(String.format(Locale.ROOT, "   interval coverage %.4f (nominal %s), mean interval width %.6g\n",
                    r.interval().coverage(), r.interval().nominal() == null ? "unknown" : r.interval().nominal(), r.interval().meanWidth()));
        }
        if (r.domain() != null) {
            sb.append(String.format(Locale.ROOT, "   inside the model's domain %.4f of %d samples (calibrated: %s of validation)\n",
                    r.domain().inDomain(), r.domain().n(), org.xasdaml.model.Calibration.DOMAIN_LEVEL));
        }
        if (r.classification() != null) {
            ClassificationMetrics c = r.classification();
            sb.append(String.format(Locale.ROOT, "5. Classification\n   accuracy %.6f\n   precision (macro) %.6f\n"
                            + "   recall (macro) %.6f\n   F1 (macro) %.6f, weighted %.6f\n   ROC AUC (macro, one-vs-rest) %.6f\n",
                    c.accuracy(), c.precisionMacro(), c.recallMacro(), c.f1Macro(), c.f1Weighted(), c.rocAuc()));
            sb.append("   class  precision  recall  F1  support\n");
            for (int j = 0; j < c.support().length; j++) {
                sb.append(String.format(Locale.ROOT, "   %5s  %.3f  %.3f  %.3f  %d%n", c.confusion().labels().get(j),
                        c.precision()[j], c.recall()[j], c.f1()[j], c.support()[j]));
            }
            sb.append(c.confusion().toText());
        }
        sb.append("Residual clusters (K-means of |difference|): counts ").append(Arrays.toString(r.clusterCounts()))
                .append(", mean |difference| ");
        List<String> md = new ArrayList<>();
        for (double d : r.clusterMeanDifference()) {
            md.add(String.format(Locale.ROOT, "%.4g", d));
        }
        sb.append(md).append('\n');
        return sb.toString();
    }

    private static String abbreviate(List<?> l) {
        return l.size() <= 20 ? l.toString() : l.subList(0, 20) + " ... (" + l.size() + ")";
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", r.target());
        Map<String, Object> reg = new LinkedHashMap<>(r.regression().toMap());
        if (r.interval() != null) {
            reg.putAll(r.interval().toMap());
        }
        if (r.domain() != null) {
            reg.putAll(r.domain().toMap());
        }
        m.put("regression", reg);
        if (r.classification() != null) {
            m.put("classification", r.classification().toMap());
        }
        m.put("statistics", r.statistics());
        m.put("residual_cluster_counts", r.clusterCounts());
        m.put("residual_cluster_mean_difference", r.clusterMeanDifference());
        return m;
    }

    /**
     * One range for both axes of a parity plot, over the finite true and predicted values with 5 % margin, so that
     * y = x is the 45° diagonal and a model that compresses its predictions towards the mean shows as a flattened
     * cloud instead of being stretched back to fill the plot.
     */
    static double[] parityRange(double[] tru, double[] pred) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {tru, pred}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, 0.05 * Math.abs(lo));
        return new double[] {lo - pad, hi + pad};
    }
}
