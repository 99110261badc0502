package org.xasdaml.workflow;

import java.util.ArrayList;
import java.util.List;
import org.xasdaml.table.SampleTable;

/**
 * The columns of a sample table (its sample ids not counted): what a step can say about a table
 * output before running, so KNIME can configure the nodes after it (see {@link Step#outputColumns}).
 *
 * @param numeric numeric column names, in order
 * @param text    text column names, in order
 */
public record TableColumns(List<String> numeric, List<String> text) {
    public TableColumns {
        numeric = List.copyOf(numeric);
        text = List.copyOf(text);
    }

    /** The columns of a table. */
    public static TableColumns of(SampleTable t) {
        return new TableColumns(t.columnNames(), t.textColumnNames());
    }

    /** Only numeric columns. */
    public static TableColumns numeric(List<String> names) {
        return new TableColumns(names, List.of());
    }

    /** These columns with more numeric ones after them. */
    public TableColumns plusNumeric(List<String> more) {
        List<String> n = new ArrayList<>(numeric);
        n.addAll(more);
        return new TableColumns(n, text);
    }

    /** These columns with more text ones after them. */
    public TableColumns plusText(List<String> more) {
        List<String> t = new ArrayList<>(text);
        t.addAll(more);
        return new TableColumns(numeric, t);
    }

    /**
     * The columns of spectra on a grid as {@code SampleTable.spectra} names them ({@code <quantity>_<point>},
     * e.g. chi_0.0500): what a step whose grid follows from its options says before running.
     */
    public static TableColumns spectra(String quantity, double[] grid) {
        List<String> n = new ArrayList<>(grid.length);
        for (double x : grid) {
            n.add(String.format(java.util.Locale.ROOT, "%s_%.4f", quantity, x));
        }
        return numeric(n);
    }

    /**
     * The grid point a spectra column's name carries (mu_8979.0000 gives 8979.0), or NaN for a
     * column that is not named so: how a step tells an input's grid from its columns alone.
     */
    public static double point(String column) {
        int us = column.lastIndexOf('_');
        if (us < 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(column.substring(us + 1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The same grid under another quantity's name (normalising mu_8979.0000 gives norm_8979.0000),
     * keeping only the given text columns that these columns have; null when a numeric column is not a
     * spectra column.
     */
    public TableColumns spectraAs(String quantity, List<String> keepText) {
        List<String> n = new ArrayList<>(numeric.size());
        for (String c : numeric) {
            double x = point(c);
            if (Double.isNaN(x)) {
                return null;
            }
            n.add(String.format(java.util.Locale.ROOT, "%s_%.4f", quantity, x));
        }
        return new TableColumns(n, text.stream().filter(keepText::contains).toList());
    }

    /** These columns, or only the numeric ones, with {@code source} as text column when these have it (the processing steps keep it). */
    public TableColumns keepingSource(TableColumns out) {
        return text.contains("source") ? out.plusText(List.of("source")) : out;
    }

    /** Every column name, numeric first. */
    public List<String> all() {
        List<String> a = new ArrayList<>(numeric);
        a.addAll(text);
        return a;
    }
}
