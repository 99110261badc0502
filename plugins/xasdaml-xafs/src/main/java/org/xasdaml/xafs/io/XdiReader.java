package org.xasdaml.xafs.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Reads XDI files (XAS Data Interchange, version 1.0): a first line {@code # XDI/1.0 ...}, header
 * fields {@code # Namespace.tag: value} (e.g. {@code Column.1: energy eV},
 * {@code Scan.edge_energy: 8980.0}), an optional {@code # ///} line followed by free comments, a
 * {@code #----} line, an optional column-label comment line, then the data table.
 *
 * <p>μ(E) is taken, in this order, from column {@code mutrans}, {@code ln(i0/itrans)},
 * {@code mufluor} or {@code ifluor/i0}; the energy column is the one named {@code energy}.
 */
public final class XdiReader {

    private XdiReader() {
    }

    /**
     * A parsed XDI file.
     *
     * @param file     the file name
     * @param version  the first line without '#'
     * @param fields   header fields in file order ("Scan.edge_energy" → "8980.0")
     * @param columns  column names from Column.N fields (first word, lower case), in order
     * @param comments free comment lines after {@code # ///}
     * @param data     the table, data[column][row]
     */
    public record XdiFile(String file, String version, Map<String, String> fields, List<String> columns,
                          List<String> comments, double[][] data) {
        /** Copies. */
        public XdiFile {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            columns = List.copyOf(columns);
            comments = List.copyOf(comments);
            double[][] c = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                c[i] = data[i].clone();
            }
            data = c;
        }

        @Override
        public double[][] data() {
            double[][] c = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                c[i] = data[i].clone();
            }
            return c;
        }

        /**
         * @param name column name (case-insensitive)
         * @return a copy of the column
         */
        public double[] column(String name) {
            int i = columns.indexOf(name.toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new IllegalArgumentException(file + ": no column '" + name + "' (columns: " + columns + ")");
            }
            return data[i].clone();
        }

        /** @return whether the column exists */
        public boolean hasColumn(String name) {
            return columns.contains(name.toLowerCase(Locale.ROOT));
        }

        /** @return μ(E) from mutrans, ln(i0/itrans), mufluor or ifluor/i0 (first available) */
        public MuSpectrum muSpectrum() {
            double[] e = column("energy");
            double[] mu;
            if (hasColumn("mutrans")) {
                mu = column("mutrans");
            } else if (hasColumn("i0") && hasColumn("itrans")) {
                double[] i0 = column("i0");
                double[] it = column("itrans");
                mu = new double[e.length];
                for (int i = 0; i < mu.length; i++) {
                    mu[i] = Math.log(i0[i] / it[i]);
                }
            } else if (hasColumn("mufluor")) {
                mu = column("mufluor");
            } else if (hasColumn("i0") && hasColumn("ifluor")) {
                double[] i0 = column("i0");
                double[] fl = column("ifluor");
                mu = new double[e.length];
                for (int i = 0; i < mu.length; i++) {
                    mu[i] = fl[i] / i0[i];
                }
            } else {
                throw new IllegalArgumentException(file + ": no mutrans, i0+itrans, mufluor or i0+ifluor columns"
                        + " (columns: " + columns + ")");
            }
            return new MuSpectrum(e, mu);
        }
    }

    /**
     * @param path the file (plain or gzip)
     * @return the parsed file
     * @throws IOException with file, line and problem
     */
    public static XdiFile read(Path path) throws IOException {
        TextFile f = TextFile.read(path);
        String first = f.lines.get(0).strip();
        if (!first.startsWith("#") || !first.substring(1).strip().startsWith("XDI/")) {
            throw f.error(1, "not an XDI file: the first line must start with '# XDI/'");
        }
        String version = first.substring(1).strip();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<Integer, String> colNames = new java.util.TreeMap<>();
        List<String> comments = new ArrayList<>();
        int mode = 0; // 0 fields, 1 comments, 2 after #----
        int i = 1;
        for (; i < f.lines.size(); i++) {
            String t = f.lines.get(i).strip();
            if (!t.startsWith("#")) {
                break;
            }
            String body = t.substring(1).strip();
            if (body.startsWith("///")) {
                mode = 1;
                continue;
            }
            if (body.startsWith("---")) {
                mode = 2;
                continue;
            }
            if (mode == 0) {
                int colon = body.indexOf(':');
                if (body.isEmpty()) {
                    continue;
                }
                if (colon <= 0) {
                    throw f.error(i + 1, "header field is not 'Namespace.tag: value': '%s'", body);
                }
                String key = body.substring(0, colon).strip();
                String value = body.substring(colon + 1).strip();
                fields.put(key, value);
                if (key.toLowerCase(Locale.ROOT).startsWith("column.")) {
                    String num = key.substring(7);
                    int n;
                    try {
                        n = Integer.parseInt(num);
                    } catch (NumberFormatException e) {
                        throw f.error(i + 1, "column number is not an integer: '%s'", key);
                    }
                    if (n < 1) {
                        throw f.error(i + 1, "column number must be >= 1: '%s'", key);
                    }
                    String name = value.isEmpty() ? "" : value.split("\\s+")[0].toLowerCase(Locale.ROOT);
                    if (colNames.containsValue(name)) {
                        throw f.error(i + 1, "column name '%s' is used twice", name);
                    }
                    colNames.put(n, name);
                }
            } else if (mode == 1) {
                comments.add(body);
            }
        }
        if (colNames.isEmpty()) {
            throw f.error(0, "no 'Column.N' header fields");
        }
        int ncol = ((java.util.TreeMap<Integer, String>) colNames).lastKey();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= ncol; c++) {
            String n = colNames.get(c);
            if (n == null) {
                throw f.error(0, "header has no Column.%d field (columns must be numbered 1..%d)", c, ncol);
            }
            names.add(n);
        }
        List<TextFile.Row> rows = f.numericRows(i, ncol, "#");
        f.requireRows(rows, 2);
        int ie = names.indexOf("energy");
        if (ie >= 0) {
            f.requireIncreasing(rows, ie, "energy");
        }
        double[][] data = new double[ncol][];
        for (int c = 0; c < ncol; c++) {
            data[c] = TextFile.column(rows, c);
        }
        return new XdiFile(f.name, version, fields, names, comments, data);
    }
}
