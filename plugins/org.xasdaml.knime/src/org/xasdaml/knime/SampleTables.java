package org.xasdaml.knime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataTableSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.xasdaml.knime.gen.KnimeColumn;
import org.xasdaml.knime.gen.TableLayout;
import org.xasdaml.workflow.TableColumns;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * Sample tables as KNIME tables and back (layout in {@link TableLayout}): row key "frame:site",
 * string columns frame and site, one double column per numeric column, one string column per text
 * column; the grid and metadata travel as table properties.
 */
final class SampleTables {
    private SampleTables() {
    }

    /** The spec of a table with these columns (from {@link TableLayout#knimeColumns}), without properties. */
    static DataTableSpec spec(List<KnimeColumn> columns) {
        return new DataTableSpecCreator().addColumns(columnSpecs(columns)).createSpec();
    }

    private static DataColumnSpec[] columnSpecs(List<KnimeColumn> columns) {
        return columns.stream().map(c -> new DataColumnSpecCreator(c.name(),
                c.type() == KnimeColumn.Type.DOUBLE ? DoubleCell.TYPE : StringCell.TYPE).createSpec()).toArray(DataColumnSpec[]::new);
    }

    /** The sample-table columns of any KNIME table spec (numeric and string columns, ids left out). */
    static TableColumns columns(DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        List<Boolean> string = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            names.add(c.getName());
            numeric.add(c.getType().isCompatible(DoubleValue.class));
            string.add(c.getType().isCompatible(StringValue.class));
        }
        return TableLayout.tableColumns(names, numeric, string);
    }

    static DataTableSpec spec(SampleTable t) {
        Map<String, String> props = new LinkedHashMap<>();
        String axis = TableLayout.axisProperty(t);
        if (axis != null) {
            props.put(TableLayout.AXIS_PROPERTY, axis);
        }
        t.meta().forEach((k, v) -> props.put(TableLayout.META_PREFIX + k, v));
        return new DataTableSpecCreator().addColumns(columnSpecs(TableLayout.knimeColumns(TableColumns.of(t)))).putProperties(props)
                .createSpec();
    }

    static BufferedDataTable toKnime(SampleTable t, ExecutionContext exec) throws CanceledExecutionException {
        DataTableSpec spec = spec(t);
        BufferedDataContainer c = exec.createDataContainer(spec);
        int m = t.numericColumns();
        List<String> textNames = t.textColumnNames();
        String[][] text = new String[textNames.size()][];
        for (int j = 0; j < text.length; j++) {
            text[j] = t.text(textNames.get(j));
        }
        for (int i = 0; i < t.rows(); i++) {
            SampleId id = t.ids().get(i);
            DataCell[] cells = new DataCell[2 + m + text.length];
            cells[0] = new StringCell(Integer.toString(id.frame()));
            cells[1] = new StringCell(Integer.toString(id.site()));
            for (int j = 0; j < m; j++) {
                cells[2 + j] = new DoubleCell(t.value(i, j));
            }
            for (int j = 0; j < text.length; j++) {
                cells[2 + m + j] = text[j][i] == null ? DataType.getMissingCell() : new StringCell(text[j][i]);
            }
            c.addRowToTable(new DefaultRow(new RowKey(TableLayout.rowKey(id)), cells));
            if (i % 1000 == 0) {
                exec.checkCanceled();
            }
        }
        c.close();
        BufferedDataTable table = c.getTable();
        if (!table.getDataTableSpec().getProperties().equals(spec.getProperties())) {
            // the container rebuilds the spec (domains) without the table properties: put them back
            table = exec.createSpecReplacerTable(table,
                    new DataTableSpecCreator(table.getDataTableSpec()).putProperties(spec.getProperties()).createSpec());
        }
        return table;
    }

    /**
     * A sample table from any KNIME table with sample ids (columns frame and site, or "frame:site"
     * row keys): numeric columns become numeric columns (missing values NaN), string columns text.
     */
    static SampleTable fromKnime(BufferedDataTable table) {
        DataTableSpec spec = table.getDataTableSpec();
        int frameCol = spec.findColumnIndex(TableLayout.FRAME);
        int siteCol = spec.findColumnIndex(TableLayout.SITE);
        // string id columns (this node set), or integer ones (tables written before, or made by hand)
        if (frameCol >= 0 && !idType(spec, frameCol)) {
            frameCol = -1;
        }
        if (siteCol >= 0 && !idType(spec, siteCol)) {
            siteCol = -1;
        }
        List<Integer> numeric = new ArrayList<>();
        List<Integer> textual = new ArrayList<>();
        for (int j = 0; j < spec.getNumColumns(); j++) {
            if (j == frameCol || j == siteCol || spec.getColumnSpec(j).getName().equals(TableLayout.FRAME)
                    || spec.getColumnSpec(j).getName().equals(TableLayout.SITE)) {
                continue;
            }
            var type = spec.getColumnSpec(j).getType();
            if (type.isCompatible(DoubleValue.class)) {
                numeric.add(j);
            } else if (type.isCompatible(StringValue.class)) {
                textual.add(j);
            }
        }
        int n = (int) table.size();
        List<SampleId> ids = new ArrayList<>(n);
        double[][] cols = new double[numeric.size()][n];
        String[][] text = new String[textual.size()][n];
        int i = 0;
        for (DataRow row : table) {
            Integer frame = idPart(row, frameCol);
            Integer site = idPart(row, siteCol);
            ids.add(TableLayout.sampleId(row.getKey().getString(), frame, site));
            for (int j = 0; j < numeric.size(); j++) {
                DataCell cell = row.getCell(numeric.get(j));
                cols[j][i] = cell.isMissing() ? Double.NaN : ((DoubleValue) cell).getDoubleValue();
            }
            for (int j = 0; j < textual.size(); j++) {
                DataCell cell = row.getCell(textual.get(j));
                text[j][i] = cell.isMissing() ? "" : ((StringValue) cell).getStringValue();
            }
            i++;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        spec.getProperties().forEach((k, v) -> {
            if (k.startsWith(TableLayout.META_PREFIX)) {
                meta.put(k.substring(TableLayout.META_PREFIX.length()), v);
            }
        });
        return TableLayout.assemble(ids, numeric.stream().map(j -> spec.getColumnSpec(j).getName()).toList(), cols,
                spec.getProperties().get(TableLayout.AXIS_PROPERTY), textual.stream().map(j -> spec.getColumnSpec(j).getName()).toList(),
                text, meta);
    }

    private static boolean idType(DataTableSpec spec, int col) {
        DataType t = spec.getColumnSpec(col).getType();
        return t.isCompatible(IntValue.class) || t.isCompatible(StringValue.class);
    }

    private static Integer idPart(DataRow row, int col) {
        if (col < 0 || row.getCell(col).isMissing()) {
            return null;
        }
        DataCell c = row.getCell(col);
        return c instanceof IntValue i ? Integer.valueOf(i.getIntValue()) : TableLayout.idPart(((StringValue) c).getStringValue());
    }
}
