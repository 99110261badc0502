package org.xasdaml.knime.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.table.Axis;
import org.xasdaml.workflow.PortType;

/**
 * What KNIME shows of a custom port's data (its one-line summary) and which key numbers a node
 * passes on as flow variables. A model says its kind, task, targets, input grid and test scores;
 * other data say their own first line, or what the port carries when that would be a Java object
 * name.
 */
public final class PortSummaries {
    private PortSummaries() {
    }

    /** The one-line summary of a port's data. */
    public static String summary(PortType<?> type, Object value) {
        if (value instanceof ModelArchive m) {
            return model(m);
        }
        if (value instanceof org.xasdaml.feff.WaveletMaps w) {
            return wavelet(w);
        }
        if (value instanceof org.xasdaml.evaluation.Report r) {
            return r.title();
        }
        String s = String.valueOf(value);
        int nl = s.indexOf('\n');
        String first = nl > 0 ? s.substring(0, nl) : s;
        // Object.toString: "org.xasdaml.feff.WaveletMaps@1b2c3d" says nothing to a scientist
        return first.matches("[\\w.$]+@[0-9a-f]+") || first.isBlank() ? type.description() : first;
    }

    /**
     * What the port's view shows: the summary, then the details a scientist checks before trusting
     * the data (for a model: transform, feature recipe, interval calibration and every score; for a
     * report its text; otherwise the data's own description).
     */
    public static String details(PortType<?> type, Object value) {
        StringBuilder sb = new StringBuilder(summary(type, value)).append('\n');
        if (value instanceof ModelArchive m) {
            sb.append("\nKind: ").append(m.kind().id()).append(" (").append(m.task().id()).append(")\n");
            sb.append("Targets: ").append(String.join(", ", m.targets())).append('\n');
            Axis g = m.inputGrid();
            sb.append("Input: ").append(g != null ? g.toString() : m.inputColumns().size() + " columns").append('\n');
            if (m.transform() != null) {
                sb.append("Feature transform: ").append(m.transform()).append('\n');
            }
            if (m.recipe() != null) {
                sb.append("Feature recipe: ").append(m.recipe().toJson()).append('\n');
            }
            if (m.calibration() != null) {
                sb.append("Intervals: ").append(m.calibration().levelText()).append(" (").append(m.calibration().method()).append(")\n");
            }
            for (String set : List.of("train", "valid", "test")) {
                Map<String, Double> n = numbers(m.metrics().get(set), "");
                if (!n.isEmpty()) {
                    sb.append("\nScores on the ").append(set).append(" set:\n");
                    n.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-32s %.6g%n", k, v)));
                }
            }
        } else if (value instanceof org.xasdaml.evaluation.Report r) {
            sb.append('\n').append(r.text());
        } else if (value instanceof org.xasdaml.feff.WaveletMaps w) {
            sb.append(w.size()).append(" samples, first ").append(w.ids().isEmpty() ? "none" : w.ids().get(0)).append('\n');
            w.meta().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        } else {
            String t = String.valueOf(value);
            if (!t.matches("[\\w.$]+@[0-9a-f]+")) {
                sb.append('\n').append(t);
            }
        }
        return sb.toString();
    }

    /** "40 wavelet maps: k 0.5–20 Å⁻¹ (40 points) × R 0–8 Å (33 points)". */
    static String wavelet(org.xasdaml.feff.WaveletMaps w) {
        float[] k = w.k();
        float[] r = w.r();
        return String.format(Locale.ROOT, "%d wavelet maps: k %s × R %s", w.size(), range(k, "Å⁻¹"), range(r, "Å"));
    }

    private static String range(float[] v, String unit) {
        return v.length == 0 ? "(no points)" : String.format(Locale.ROOT, "%.4g–%.4g %s (%d points)", v[0], v[v.length - 1], unit, v.length);
    }

    static String model(ModelArchive m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.kind().id().toUpperCase(Locale.ROOT)).append(' ').append(m.task().id()).append(" of ")
                .append(String.join(", ", m.targets())).append(" on ");
        Axis g = m.inputGrid();
        if (g != null && g.values().length > 0) {
            double[] v = g.values();
            sb.append(v.length).append(" points of ").append(g.name()).append(String.format(Locale.ROOT, " %.6g to %.6g", v[0], v[v.length - 1]))
                    .append(g.unit().isEmpty() ? "" : " " + g.unit());
        } else {
            sb.append(m.inputColumns().size()).append(" columns");
        }
        Map<String, Double> test = numbers(m.metrics().get("test"), "");
        for (String t : m.targets()) {
            for (String k : List.of("R2", "MAE", "accuracy")) {
                Double x = test.get(t + "_" + k);
                if (x != null) {
                    sb.append(String.format(Locale.ROOT, "; test %s %s %.3g", k.equals("R2") ? "R²" : k, t, x));
                }
            }
        }
        return sb.toString();
    }

    /**
     * Key numbers of a port's data as flow variables (name to value), for the nodes after it:
     * <ul>
     * <li>a model: every score of the validation and test sets, e.g. {@code xasdaml_test_CN_JmolNN_R2};</li>
     * <li>an evaluation report: each target's scores on the data evaluated, the intervals' coverage
     * among them, e.g. {@code xasdaml_CN_JmolNN_R2}, {@code xasdaml_CN_JmolNN_interval_coverage};</li>
     * <li>a table with an e0 column (edges, values, predictions of measured spectra): {@code xasdaml_e0} and
     * {@code xasdaml_edge_step}, the value for one spectrum, the median for several; and every number of a
     * one-row table of at most {@value #ONE_ROW_MAX} columns (a measured spectrum's predictions: CN, its
     * interval, the domain score).</li>
     * </ul>
     * Empty for other data.
     */
    public static Map<String, Double> flowVariables(Object value) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (value instanceof ModelArchive m) {
            for (String set : List.of("valid", "test")) {
                numbers(m.metrics().get(set), "").forEach((k, v) -> out.put("xasdaml_" + set + "_" + k, v));
            }
        } else if (value instanceof org.xasdaml.evaluation.Report r) {
            r.json().forEach((target, o) -> {
                if (o instanceof Map<?, ?> t) {
                    for (String part : List.of("regression", "classification")) {
                        numbers(t.get(part), "").forEach((k, v) -> out.put("xasdaml_" + target + "_" + k, v));
                    }
                }
            });
        } else if (value instanceof org.xasdaml.table.SampleTable t && t.rows() > 0) {
            if (t.rows() == 1 && t.numericColumns() <= ONE_ROW_MAX) {
                for (int j = 0; j < t.numericColumns(); j++) {
                    double v = t.column(j)[0];
                    if (Double.isFinite(v)) {
                        out.put("xasdaml_" + t.columnNames().get(j), v);
                    }
                }
            }
            for (String c : List.of("e0", "edge_step")) {
                if (t.hasColumn(c)) {
                    double[] v = java.util.Arrays.stream(t.column(c)).filter(Double::isFinite).sorted().toArray();
                    if (v.length > 0) {
                        out.put("xasdaml_" + c, v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]));
                    }
                }
            }
        }
        return out;
    }

    /** One-row tables up to this many numeric columns give each number as a flow variable (not a spectrum's points). */
    static final int ONE_ROW_MAX = 40;

    /** The finite numbers of a nested metrics map, keys joined with "_". */
    static Map<String, Double> numbers(Object o, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.putAll(numbers(v, prefix.isEmpty() ? String.valueOf(k) : prefix + "_" + k)));
        } else if (o instanceof Number n && Double.isFinite(n.doubleValue()) && !prefix.isEmpty()) {
            out.put(prefix, n.doubleValue());
        }
        return out;
    }
}
