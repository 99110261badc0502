package org.xasdaml.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xasdaml.structure.SampleId;

/**
 * A table of samples: one row per sample (keyed by {@link SampleId}), numeric columns, optional
 * text columns, optional grid ({@link Axis}) for spectra, and free metadata.
 *
 * <p>Every table in the workflow is one of these (descriptors, spectra, splits, predictions), so
 * one codec stores them, one KNIME mapping shows them, and rows are always joined by sample id,
 * never by position (the reference misaligned rows when a sample failed).
 *
 * <p>Immutable. Numeric data is kept column-major; accessors hand out copies.
 */
public final class SampleTable {
    private final List<SampleId> ids;
    private final List<String> names;
    private final double[][] columns;
    private final Axis axis;
    private final List<String> textNames;
    private final String[][] text;
    private final Map<String, String> meta;
    private transient Map<SampleId, Integer> rowIndex;

    private SampleTable(List<SampleId> ids, List<String> names, double[][] columns, Axis axis, List<String> textNames,
                        String[][] text, Map<String, String> meta) {
        this.ids = List.copyOf(ids);
        this.names = List.copyOf(names);
        this.columns = columns;
        this.axis = axis;
        this.textNames = List.copyOf(textNames);
        this.text = text;
        this.meta = org.xasdaml.io.OrderedCopy.of(meta);
        int n = ids.size();
        if (columns.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " column names but " + columns.length + " columns");
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != n) {
                throw new IllegalArgumentException("column " + names.get(c) + " has " + columns[c].length + " values for " + n + " samples");
            }
        }
        if (text.length != textNames.size()) {
            throw new IllegalArgumentException(textNames.size() + " text column names but " + text.length + " text columns");
        }
        for (int c = 0; c < text.length; c++) {
            if (text[c].length != n) {
                throw new IllegalArgumentException("text column " + textNames.get(c) + " has " + text[c].length + " values for " + n + " samples");
            }
        }
        if (axis != null && axis.size() != names.size()) {
            throw new IllegalArgumentException("axis has " + axis.size() + " points for " + names.size() + " columns");
        }
        if (new java.util.HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("sample ids are not unique");
        }
        java.util.Set<String> all = new java.util.HashSet<>();
        for (String s : names) {
            if (!all.add(s)) {
                throw new IllegalArgumentException("duplicate column name " + s);
            }
        }
        for (String s : textNames) {
            if (!all.add(s)) {
                throw new IllegalArgumentException("duplicate column name " + s);
            }
        }
    }

    /** A table from numeric columns (each array one column, length = number of samples). */
    public static SampleTable ofColumns(List<SampleId> ids, List<String> names, double[][] columns) {
        return new SampleTable(ids, names, deepCopy(columns), null, List.of(), new String[0][], Map.of());
    }

    /** A table from numeric rows (each array one sample). */
    public static SampleTable ofRows(List<SampleId> ids, List<String> names, double[][] rows) {
        return new SampleTable(ids, names, transpose(rows, names.size()), null, List.of(), new String[0][], Map.of());
    }

    /**
     * Spectra on a grid: one row per sample, one column per grid point, named
     * {@code <quantity>_<point>} (e.g. mu_8979.000).
     */
    public static SampleTable spectra(List<SampleId> ids, String quantity, Axis axis, double[][] rows) {
        List<String> names = new ArrayList<>(axis.size());
        for (int i = 0; i < axis.size(); i++) {
            names.add(String.format(java.util.Locale.ROOT, "%s_%.4f", quantity, axis.get(i)));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("quantity", quantity);
        return new SampleTable(ids, names, transpose(rows, axis.size()), axis, List.of(), new String[0][], meta);
    }

    /** Internal constructor for codecs and transformations that already own fresh arrays. */
    static SampleTable adopt(List<SampleId> ids, List<String> names, double[][] columns, Axis axis, List<String> textNames,
                             String[][] text, Map<String, String> meta) {
        return new SampleTable(ids, names, columns, axis, textNames, text, meta);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] transpose(double[][] rows, int m) {
        int n = rows.length;
        double[][] cols = new double[m][n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + m);
            }
            for (int j = 0; j < m; j++) {
                cols[j][i] = rows[i][j];
            }
        }
        return cols;
    }

    public int rows() {
        return ids.size();
    }

    public int numericColumns() {
        return names.size();
    }

    public List<SampleId> ids() {
        return ids;
    }

    public List<String> columnNames() {
        return names;
    }

    public List<String> textColumnNames() {
        return textNames;
    }

    /** The grid of the numeric columns, or null when they are not spectra. */
    public Axis axis() {
        return axis;
    }

    public Map<String, String> meta() {
        return meta;
    }

    public int columnIndex(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + abbreviatedNames());
        }
        return i;
    }

    private String abbreviatedNames() {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + ", ... (" + names.size() + " columns)";
    }

    public boolean hasColumn(String name) {
        return names.contains(name);
    }

    /** A numeric column, a copy. */
    public double[] column(String name) {
        return columns[columnIndex(name)].clone();
    }

    public double[] column(int index) {
        return columns[index].clone();
    }

    public double value(int row, int column) {
        return columns[column][row];
    }

    /** One sample's numeric values, a copy. */
    public double[] row(int row) {
        double[] r = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            r[j] = columns[j][row];
        }
        return r;
    }

    /** All numeric values as rows (samples) x columns. */
    public double[][] matrix() {
        double[][] m = new double[rows()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = row(i);
        }
        return m;
    }

    public String[] text(String name) {
        int i = textNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no text column '" + name + "'; text columns: " + textNames);
        }
        return text[i].clone();
    }

    public String text(int row, String name) {
        int i = textNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no text column '" + name + "'");
        }
        return text[i][row];
    }

    /** Row of a sample, or -1. */
    public int rowOf(SampleId id) {
        Map<SampleId, Integer> idx = rowIndex;
        if (idx == null) {
            idx = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                idx.put(ids.get(i), i);
            }
            rowIndex = idx;
        }
        return idx.getOrDefault(id, -1);
    }

    /** The rows at the given positions, in that order. */
    public SampleTable selectRows(int[] rows) {
        List<SampleId> nid = new ArrayList<>(rows.length);
        for (int r : rows) {
            nid.add(ids.get(r));
        }
        double[][] nc = new double[columns.length][rows.length];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < rows.length; i++) {
                nc[j][i] = columns[j][rows[i]];
            }
        }
        String[][] nt = new String[text.length][rows.length];
        for (int j = 0; j < text.length; j++) {
            for (int i = 0; i < rows.length; i++) {
                nt[j][i] = text[j][rows[i]];
            }
        }
        return new SampleTable(nid, names, nc, axis, textNames, nt, meta);
    }

    /**
     * The rows of the given samples, in the given order.
     *
     * @throws IllegalArgumentException naming the first sample this table lacks
     */
    public SampleTable selectIds(Collection<SampleId> wanted) {
        int[] rows = new int[wanted.size()];
        int k = 0;
        for (SampleId id : wanted) {
            int r = rowOf(id);
            if (r < 0) {
                throw new IllegalArgumentException("sample " + id + " is not in the table");
            }
            rows[k++] = r;
        }
        return selectRows(rows);
    }

    /** Only the named numeric columns (text columns, axis dropped unless all kept). */
    public SampleTable selectColumns(List<String> keep) {
        double[][] nc = new double[keep.size()][];
        double[] ax = axis == null ? null : new double[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            int c = columnIndex(keep.get(j));
            nc[j] = columns[c].clone();
            if (ax != null) {
                ax[j] = axis.get(c);
            }
        }
        Axis na = axis == null ? null : new Axis(axis.name(), axis.unit(), ax);
        return new SampleTable(ids, keep, nc, na, textNames, copyText(), meta);
    }

    private String[][] copyText() {
        String[][] t = new String[text.length][];
        for (int i = 0; i < text.length; i++) {
            t[i] = text[i].clone();
        }
        return t;
    }

    /** A copy with one more numeric column. */
    public SampleTable withColumn(String name, double[] values) {
        List<String> nn = new ArrayList<>(names);
        nn.add(name);
        double[][] nc = Arrays.copyOf(columns, columns.length + 1);
        nc[columns.length] = values.clone();
        return new SampleTable(ids, nn, nc, null, textNames, text, meta);
    }

    /** A copy with one more text column. */
    public SampleTable withText(String name, String[] values) {
        List<String> nn = new ArrayList<>(textNames);
        nn.add(name);
        String[][] nt = Arrays.copyOf(text, text.length + 1);
        nt[text.length] = values.clone();
        return new SampleTable(ids, names, columns, axis, nn, nt, meta);
    }

    /** A copy with metadata added (existing keys replaced). */
    public SampleTable withMeta(Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(meta);
        m.putAll(more);
        return new SampleTable(ids, names, columns, axis, textNames, text, m);
    }

    /**
     * Joins two tables on sample id: the samples present in both, in this table's order, with
     * this table's columns then the other's.
     */
    public SampleTable join(SampleTable other) {
        List<SampleId> common = new ArrayList<>();
        for (SampleId id : ids) {
            if (other.rowOf(id) >= 0) {
                common.add(id);
            }
        }
        SampleTable a = selectIds(common);
        SampleTable b = other.selectIds(common);
        List<String> nn = new ArrayList<>(a.names);
        nn.addAll(b.names);
        double[][] nc = Arrays.copyOf(a.columns, a.columns.length + b.columns.length);
        System.arraycopy(b.columns, 0, nc, a.columns.length, b.columns.length);
        List<String> tn = new ArrayList<>(a.textNames);
        tn.addAll(b.textNames);
        String[][] nt = Arrays.copyOf(a.text, a.text.length + b.text.length);
        System.arraycopy(b.text, 0, nt, a.text.length, b.text.length);
        Map<String, String> m = new LinkedHashMap<>(b.meta);
        m.putAll(a.meta);
        return new SampleTable(common, nn, nc, null, tn, nt, m);
    }

    // package-private raw access for the codecs, which must not copy 40 MB twice
    double[][] rawColumns() {
        return columns;
    }

    String[][] rawText() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampleTable t)) {
            return false;
        }
        return ids.equals(t.ids) && names.equals(t.names) && Arrays.deepEquals(columns, t.columns)
                && Objects.equals(axis, t.axis) && textNames.equals(t.textNames) && Arrays.deepEquals(text, t.text)
                && meta.equals(t.meta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, names, Arrays.deepHashCode(columns));
    }

    @Override
    public String toString() {
        return rows() + " samples x " + numericColumns() + " numeric columns"
                + (textNames.isEmpty() ? "" : " + " + textNames.size() + " text")
                + (axis == null ? "" : ", grid " + axis);
    }
}
