package org.xasdaml.curation.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.curation.recipe.SpectrumFeatures;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * What the processing steps share: the axis check that refuses a table of the wrong quantity
 * (never interpolated across quantities), and building an output table that keeps the input's
 * sample ids and its {@code source} text column for the rows that succeeded.
 */
final class SpectraTables {
    private SpectraTables() {
    }

    /** Refuses a table whose axis name or unit differs from the expected one ({@link SpectrumFeatures#requireAxis}). */
    static void requireAxis(SampleTable t, String port, String name, String unit) {
        SpectrumFeatures.requireAxis(t, port, name, unit);
    }

    /** Rows kept (non-null results) of an input table, with its ids and source text. */
    static final class Builder {
        final SampleTable input;
        final List<SampleId> ids = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();
        final List<String> source = new ArrayList<>();

        Builder(SampleTable input) {
            this.input = input;
        }

        void add(int row, double[] data, double[] vals) {
            ids.add(input.ids().get(row));
            rows.add(data);
            values.add(vals);
            if (input.textColumnNames().contains("source")) {
                source.add(input.text("source")[row]);
            }
        }

        SampleTable spectra(String quantity, Axis axis, Map<String, String> meta) {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("no spectrum could be processed");
            }
            Map<String, String> m = new LinkedHashMap<>(input.meta());
            m.putAll(meta);
            m.put("quantity", quantity);
            return withSource(SampleTable.spectra(ids, quantity, axis, rows.toArray(new double[0][])).withMeta(m));
        }

        SampleTable values(List<String> names) {
            return withSource(SampleTable.ofRows(ids, names, values.toArray(new double[0][])));
        }

        SampleTable withSource(SampleTable t) {
            return source.isEmpty() ? t : t.withText("source", source.toArray(new String[0]));
        }
    }

    /** An optional number parameter: empty = NaN (determined). */
    static double optional(String name, String text) {
        return org.xasdaml.curation.recipe.FeaturesStep.optional(name, text);
    }

    static Double boxed(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
