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

    /** Every column name, numeric first. */
    public List<String> all() {
        List<String> a = new ArrayList<>(numeric);
        a.addAll(text);
        return a;
    }
}
