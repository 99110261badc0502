package org.xasdaml.curation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small result table whose rows are not samples (statistics per descriptor and subset,
 * explained variance per component, inertia per k, counts per filter rule), stored as a CSV file.
 * Numbers keep full double precision ({@link Double#toString}).
 *
 * @param header column names
 * @param rows   each row's cells: String or Number, header.size() of them
 */
public record Summary(List<String> header, List<List<Object>> rows) {

    public Summary {
        header = List.copyOf(header);
        List<List<Object>> r = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("summary row has " + row.size() + " cells for " + header.size() + " columns");
            }
            r.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(r);
    }

    /** The cells of one column, as numbers (NaN for text). */
    public double[] numbers(String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = rows.get(i).get(c);
            v[i] = o instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return v;
    }

    @Override
    public String toString() {
        return rows.size() + " rows x " + header.size() + " columns (" + String.join(", ", header) + ")";
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(Summary::cell).toList())).append('\n');
        for (List<Object> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object o = r.get(i);
                sb.append(o instanceof Number n ? number(n) : cell(String.valueOf(o)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? "" : Double.toString(d);
        }
        return n.toString();
    }

    private static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Reads what {@link #toCsv} wrote (numbers come back as Double, empty cells as NaN). */
    public static Summary parseCsv(List<String> lines) {
        List<String> header = splitCsv(lines.get(0));
        List<List<Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            for (String c : splitCsv(line)) {
                if (c.isEmpty()) {
                    row.add(Double.NaN);
                    continue;
                }
                try {
                    row.add(Double.parseDouble(c));
                } catch (NumberFormatException e) {
                    row.add(c);
                }
            }
            rows.add(row);
        }
        return new Summary(header, rows);
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Writes and reads {@code <port>.csv}. */
    public static final class SummaryCodec implements org.xasdaml.workflow.Codec<Summary> {
        @Override
        public void write(Summary value, Path base) throws IOException {
            org.xasdaml.io.AtomicFiles.writeString(base.resolveSibling(base.getFileName() + ".csv"), value.toCsv());
        }

        @Override
        public Summary read(Path base) throws IOException {
            return parseCsv(Files.readAllLines(base.resolveSibling(base.getFileName() + ".csv"), StandardCharsets.UTF_8));
        }

        @Override
        public boolean exists(Path base) {
            // sample tables' CSV files start with the sample index column; summaries never do
            Path p = base.resolveSibling(base.getFileName() + ".csv");
            if (!Files.isRegularFile(p)) {
                return false;
            }
            try (var r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String first = r.readLine();
                return first != null && !first.equals("index") && !first.startsWith("index,");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
