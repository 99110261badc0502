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
        String s = String.valueOf(value);
        int nl = s.indexOf('\n');
        String first = nl > 0 ? s.substring(0, nl) : s;
        // Object.toString: "org.xasdaml.feff.WaveletMaps@1b2c3d" says nothing to a scientist
        return first.matches("[\\w.$]+@[0-9a-f]+") || first.isBlank() ? type.description() : first;
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
     * Key numbers of a port's data as flow variables (name to value): for a model, every score of
     * the validation and test sets, e.g. {@code xasdaml_test_CN_JmolNN_R2}. Empty for other data.
     */
    public static Map<String, Double> flowVariables(Object value) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (value instanceof ModelArchive m) {
            for (String set : List.of("valid", "test")) {
                numbers(m.metrics().get(set), "").forEach((k, v) -> out.put("xasdaml_" + set + "_" + k, v));
            }
        }
        return out;
    }

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
