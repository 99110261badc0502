package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.TableColumns;

/**
 * A check of a node's output table in an example or test workflow: every row's value of a column,
 * or the grid position of each row's largest value (a peak), lies in a range. Plain Java, so the
 * same checks run on the steps' tables in CI and on KNIME's tables after a batch run.
 *
 * @param node   node label in the workflow
 * @param port   output port name
 * @param column column name, or {@link #PEAK} for the position of each row's largest value on the grid
 * @param min    smallest allowed value
 * @param max    largest allowed value
 * @param why    what the range stands for, for the failure message
 */
public record OutputCheck(String node, String port, String column, double min, double max, String why) {

    /** The column of a peak check. */
    public static final String PEAK = "(peak)";

    /** The problems of a table against this check: empty when it passes. */
    public List<String> problems(SampleTable t) {
        List<String> out = new ArrayList<>();
        String where = node + "." + port;
        if (t.rows() == 0) {
            out.add(where + " has no rows");
            return out;
        }
        for (int i = 0; i < t.rows(); i++) {
            double v;
            if (column.equals(PEAK)) {
                double[] row = t.row(i);
                int best = 0;
                for (int j = 1; j < row.length; j++) {
                    best = row[j] > row[best] ? j : best;
                }
                v = TableColumns.point(t.columnNames().get(best));
            } else if (!t.hasColumn(column)) {
                out.add(where + " has no column " + column);
                return out;
            } else {
                v = t.column(column)[i];
            }
            if (!(v >= min && v <= max)) {
                out.add(String.format(Locale.ROOT, "%s %s of %s is %.6g, outside [%s, %s] (%s)", where, column, t.ids().get(i), v,
                        min, max, why));
            }
        }
        return out;
    }
}
