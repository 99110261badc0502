package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * The layout of a sample table as a KNIME table, shared by the node adapter (which builds and
 * reads the tables) and the node descriptions (which document it).
 *
 * <p>The row key is the sample id's text ("frame:site"), so rows stay joinable after KNIME's own
 * nodes (Row Filter, Partitioning) reorder or drop them; the id is also spelled out in two
 * string columns, because row keys are easily lost in KNIME (e.g. by a Concatenate). They are
 * strings, not numbers, so KNIME's Statistics, Normalizer or learners do not take the ids for
 * features. Tables written before (integer frame and site columns) are still read.
 */
public final class TableLayout {
    private TableLayout() {
    }

    public static final String FRAME = "frame";
    public static final String SITE = "site";

    /** Table property: JSON of the axis (name, unit, values) of spectra columns. */
    public static final String AXIS_PROPERTY = "xasdaml.axis";
    /** Table property prefix for the table's metadata entries. */
    public static final String META_PREFIX = "xasdaml.meta.";

    /**
     * The KNIME columns of a sample table with these columns: the two id columns, one double
     * column per numeric column, one string column per text column.
     */
    public static List<KnimeColumn> knimeColumns(org.xasdaml.workflow.TableColumns c) {
        List<KnimeColumn> out = new ArrayList<>();
        out.add(new KnimeColumn(FRAME, KnimeColumn.Type.STRING));
        out.add(new KnimeColumn(SITE, KnimeColumn.Type.STRING));
        c.numeric().forEach(n -> out.add(new KnimeColumn(n, KnimeColumn.Type.DOUBLE)));
        c.text().forEach(n -> out.add(new KnimeColumn(n, KnimeColumn.Type.STRING)));
        return out;
    }

    /**
     * The sample-table columns of a KNIME table (any table, also from KNIME's own nodes): numeric
     * and string columns, without the id columns.
     *
     * @param names   column names in order
     * @param numeric whether each column is numeric (else: string columns are text, others are dropped)
     * @param string  whether each column is a string column
     */
    public static org.xasdaml.workflow.TableColumns tableColumns(List<String> names, List<Boolean> numeric, List<Boolean> string) {
        List<String> num = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            String n = names.get(j);
            if (n.equals(FRAME) || n.equals(SITE)) {
                continue;
            }
            if (numeric.get(j)) {
                num.add(n);
            } else if (string.get(j)) {
                text.add(n);
            }
        }
        return new org.xasdaml.workflow.TableColumns(num, text);
    }

    /** A frame or site cell's text as a number, or null when missing or not a whole number. */
    public static Integer idPart(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String rowKey(SampleId id) {
        return id.toString();
    }

    /**
     * The sample id of a row: from the frame and site columns when present, else from the row key.
     *
     * @throws IllegalArgumentException naming the row when neither gives an id
     */
    public static SampleId sampleId(String rowKey, Integer frame, Integer site) {
        if (frame != null) {
            return new SampleId(frame, site == null ? 0 : site);
        }
        try {
            return SampleId.parse(rowKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row '" + rowKey + "' has no sample id: the table needs integer columns "
                    + FRAME + " (and " + SITE + ") or row keys like 12:0", e);
        }
    }

    /** The table's axis as a table property: its name, unit, and the grid point of each column by column name. */
    public static String axisProperty(SampleTable t) {
        Axis a = t.axis();
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("unit", a.unit());
        m.put("columns", t.columnNames());
        List<Double> v = new ArrayList<>();
        for (double x : a.values()) {
            v.add(x);
        }
        m.put("values", v);
        return Json.write(m);
    }

    /**
     * A sample table from the parts of a KNIME table. The grid comes back when every numeric column
     * still has its grid point in the axis property and the columns are the spectra columns the
     * grid names (KNIME's own nodes may have dropped or reordered columns: then the subset keeps
     * its points); otherwise the table has no grid.
     *
     * @param ids       row ids
     * @param names     numeric column names
     * @param columns   numeric columns (column-major, one array per column)
     * @param axisJson  the axis property, or null
     * @param textNames text column names
     * @param text      text columns
     * @param meta      metadata
     */
    public static SampleTable assemble(List<SampleId> ids, List<String> names, double[][] columns, String axisJson,
                                       List<String> textNames, String[][] text, Map<String, String> meta) {
        SampleTable t = null;
        if (axisJson != null && !names.isEmpty()) {
            Map<String, Object> m = Json.parseObject(axisJson);
            List<?> cols = (List<?>) m.get("columns");
            List<?> vals = (List<?>) m.get("values");
            double[] grid = new double[names.size()];
            boolean all = true;
            for (int j = 0; j < names.size() && all; j++) {
                int k = cols.indexOf(names.get(j));
                all = k >= 0;
                if (all) {
                    grid[j] = ((Number) vals.get(k)).doubleValue();
                }
            }
            // spectra columns are named <quantity>_<point>; the name says the quantity (metadata may not)
            int us = names.get(0).lastIndexOf('_');
            String quantity = us > 0 ? names.get(0).substring(0, us) : meta.get("quantity");
            if (all && quantity != null) {
                Axis axis = new Axis((String) m.get("name"), (String) m.get("unit"), grid);
                double[][] rows = new double[ids.size()][names.size()];
                for (int j = 0; j < names.size(); j++) {
                    for (int i = 0; i < ids.size(); i++) {
                        rows[i][j] = columns[j][i];
                    }
                }
                SampleTable s = SampleTable.spectra(ids, quantity, axis, rows);
                if (s.columnNames().equals(names)) {
                    t = s;
                }
            }
        }
        if (t == null) {
            t = SampleTable.ofColumns(ids, names, columns);
        }
        for (int j = 0; j < textNames.size(); j++) {
            t = t.withText(textNames.get(j), text[j]);
        }
        return meta.isEmpty() ? t : t.withMeta(meta);
    }
}
