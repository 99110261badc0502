package org.xasdaml.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * Several models' regression scores on the same test samples, side by side (paper M12). Only the
 * samples every model predicted and the truth holds are scored, so the rows are comparable.
 */
public final class ModelComparison {
    private ModelComparison() {
    }

    /** One model's row. */
    /**
     * @param interval coverage of the model's intervals on the common samples, or null when it has none
     * @param domain   fraction of the common samples inside the model's domain, or null when it has no domain score
     */
    public record Row(String model, RegressionMetrics metrics, IntervalCoverage interval, DomainRate domain) {
    }

    public static List<Row> of(Map<String, SampleTable> predictions, SampleTable truth, String target) {
        List<SampleId> common = new ArrayList<>();
        String truthColumn = truth.hasColumn(target) ? target : target + "_true";
        outer:
        for (SampleId id : truth.ids()) {
            for (SampleTable p : predictions.values()) {
                if (p.rowOf(id) < 0) {
                    continue outer;
                }
            }
            common.add(id);
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException("no sample is predicted by every model and present in the truth");
        }
        double[] t = truth.selectIds(common).column(truthColumn);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, SampleTable> e : predictions.entrySet()) {
            SampleTable p = e.getValue();
            rows.add(new Row(e.getKey(), RegressionMetrics.of(t, p.selectIds(common).column(target)),
                    PredictionEvaluation.coverage(p, common, target, t), DomainRate.of(p, common)));
        }
        return rows;
    }

    public static String text(String target, List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Model comparison for %s on %d common test samples%n",
                target, rows.get(0).metrics().n()));
        sb.append(String.format(Locale.ROOT, "%-16s %10s %10s %10s %10s %10s %10s %10s %10s %10s%n", "model", "R2", "MSE", "RMSE", "MAE",
                "MAPE", "max_error", "coverage", "width", "in_domain"));
        for (Row r : rows) {
            RegressionMetrics m = r.metrics();
            IntervalCoverage c = r.interval();
            sb.append(String.format(Locale.ROOT, "%-16s %10.6f %10.6f %10.6f %10.6f %10.6f %10.6f %10s %10s %10s%n", r.model(), m.r2(),
                    m.mse(), m.rmse(), m.mae(), m.mape(), m.maxError(),
                    c == null ? "-" : String.format(Locale.ROOT, "%.3f", c.coverage()),
                    c == null ? "-" : String.format(Locale.ROOT, "%.4g", c.meanWidth()),
                    r.domain() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.domain().inDomain())));
        }
        return sb.toString();
    }

    public static Map<String, Object> json(String target, List<Row> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        Map<String, Object> models = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Object> mm = new LinkedHashMap<>(r.metrics().toMap());
            if (r.interval() != null) {
                mm.putAll(r.interval().toMap());
            }
            if (r.domain() != null) {
                mm.putAll(r.domain().toMap());
            }
            models.put(r.model(), mm);
        }
        m.put("models", models);
        return m;
    }

    static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }
}
