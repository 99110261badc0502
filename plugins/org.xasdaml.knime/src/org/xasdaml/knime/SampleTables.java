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
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.xasdaml.knime.gen.TableLayout;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * Sample tables as KNIME tables and back (layout in {@link TableLayout}): row key "frame:site",
 * int columns frame and site, one double column per numeric column, one string column per text
 * column; the grid and metadata travel as table properties.
 */
final class SampleTables {
    private SampleTables() {
    }

    static DataTableSpec spec(SampleTable t) {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator(TableLayout.FRAME, IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(TableLayout.SITE, IntCell.TYPE).createSpec());
        for (String n : t.columnNames()) {
            cols.add(new DataColumnSpecCreator(n, DoubleCell.TYPE).createSpec());
        }
        for (String n : t.textColumnNames()) {
            cols.add(new DataColumnSpecCreator(n, StringCell.TYPE).createSpec());
        }
        Map<String, String> props = new LinkedHashMap<>();
        String axis = TableLayout.axisProperty(t);
        if (axis != null) {
            props.put(TableLayout.AXIS_PROPERTY, axis);
        }
        t.meta().forEach((k, v) -> props.put(TableLayout.META_PREFIX + k, v));
        return new DataTableSpecCreator().addColumns(cols.toArray(DataColumnSpec[]::new)).putProperties(props).createSpec();
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
            cells[0] = new IntCell(id.frame());
            cells[1] = new IntCell(id.site());
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
        if (frameCol >= 0 && !spec.getColumnSpec(frameCol).getType().isCompatible(IntValue.class)) {
            frameCol = -1;
        }
        if (siteCol >= 0 && !spec.getColumnSpec(siteCol).getType().isCompatible(IntValue.class)) {
            siteCol = -1;
        }
        List<Integer> numeric = new ArrayList<>();
        List<Integer> textual = new ArrayList<>();
        for (int j = 0; j < spec.getNumColumns(); j++) {
            if (j == frameCol || j == siteCol) {
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
            Integer frame = frameCol < 0 || row.getCell(frameCol).isMissing() ? null : ((IntValue) row.getCell(frameCol)).getIntValue();
            Integer site = siteCol < 0 || row.getCell(siteCol).isMissing() ? null : ((IntValue) row.getCell(siteCol)).getIntValue();
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
}
