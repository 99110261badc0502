package org.xasdaml.table;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xasdaml.io.Json;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.Codec;

/**
 * Sample tables on disk, in two formats chosen by shape.
 *
 * <ul>
 * <li>{@code <name>.csv}: narrow tables (descriptors, labels, splits, predictions). Columns
 * {@code index[,site],<numeric...>,<text...>}, numbers at full double precision, so
 * {@code cn_JmolNN.csv} reads {@code index,CN_JmolNN} as the reference wrote it. The {@code site}
 * column is left out when every absorber is atom 0. Axis, metadata and which columns are text go
 * to {@code <name>.json} beside it.</li>
 * <li>{@code <name>.npz}: spectra and other wide tables, a zip of NumPy arrays:
 * {@code ids.npy} (int32, n x 2: frame, site), {@code values.npy} (n x m, float64, or float32 when
 * the metadata says {@code precision=float32}), {@code axis.npy} (m), and {@code table.json}
 * (column names, axis name and unit, text columns, metadata). 5000 spectra of 1000 points load in
 * a fraction of a second, and {@code numpy.load} opens it.</li>
 * </ul>
 */
public final class TableCodec implements Codec<SampleTable> {
    /** Tables with more numeric columns than this, or with an axis, are stored as .npz. */
    public static final int CSV_MAX_COLUMNS = 64;

    @Override
    public void write(SampleTable t, Path base) throws IOException {
        Files.createDirectories(base.toAbsolutePath().getParent());
        if (t.axis() != null || t.numericColumns() > CSV_MAX_COLUMNS) {
            writeNpz(t, sibling(base, ".npz"));
            Files.deleteIfExists(sibling(base, ".csv"));
            Files.deleteIfExists(sibling(base, ".json"));
        } else {
            boolean sidecar = t.axis() != null || !t.meta().isEmpty() || !t.textColumnNames().isEmpty();
            if (sidecar) {
                org.xasdaml.io.AtomicFiles.writeString(sibling(base, ".json"), Json.write(describe(t, false)));
            } else {
                Files.deleteIfExists(sibling(base, ".json"));
            }
            writeCsv(t, sibling(base, ".csv"));
            Files.deleteIfExists(sibling(base, ".npz"));
        }
    }

    @Override
    public SampleTable read(Path base) throws IOException {
        try {
            return readAny(base);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw damaged(base, e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("ZLIB")) {
                throw damaged(base, e);
            }
            throw e;
        }
    }

    private static IOException damaged(Path base, Exception e) {
        return new IOException("the table stored at " + base + " is damaged or incomplete (it ends early or does not unpack); "
                + "run the step that wrote it again", e);
    }

    private SampleTable readAny(Path base) throws IOException {
        Path npz = sibling(base, ".npz");
        if (Files.exists(npz)) {
            return readNpz(npz);
        }
        Path csv = sibling(base, ".csv");
        if (Files.exists(csv)) {
            return readCsv(csv);
        }
        if (Files.isRegularFile(base)) {
            String n = base.getFileName().toString();
            return n.endsWith(".npz") ? readNpz(base) : readCsv(base);
        }
        throw new IOException("no table at " + base + " (.csv or .npz)");
    }

    @Override
    public boolean exists(Path base) {
        return Files.exists(sibling(base, ".npz")) || Files.exists(sibling(base, ".csv"))
                || (Files.isRegularFile(base) && (base.toString().endsWith(".csv") || base.toString().endsWith(".npz")));
    }

    static Path sibling(Path base, String ext) {
        return base.resolveSibling(base.getFileName().toString() + ext);
    }

    private static Map<String, Object> describe(SampleTable t, boolean withColumns) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withColumns) {
            m.put("columns", t.columnNames());
        }
        if (t.axis() != null) {
            m.put("axis", Map.of("name", t.axis().name(), "unit", t.axis().unit()));
            if (!withColumns) {
                m.put("axisValues", t.axis().values());
            }
        }
        m.put("text", t.textColumnNames());
        m.put("meta", t.meta());
        return m;
    }

    // ---------------------------------------------------------------- CSV

    /** Writes the CSV form alone (no sidecar). */
    public static void writeCsv(SampleTable t, Path file) throws IOException {
        boolean site = t.ids().stream().anyMatch(id -> id.site() != 0);
        org.xasdaml.io.AtomicFiles.write(file, os -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder sb = new StringBuilder("index");
            if (site) {
                sb.append(",site");
            }
            for (String n : t.columnNames()) {
                sb.append(',').append(csvField(n));
            }
            for (String n : t.textColumnNames()) {
                sb.append(',').append(csvField(n));
            }
            w.write(sb.toString());
            w.write('\n');
            double[][] cols = t.rawColumns();
            String[][] text = t.rawText();
            for (int i = 0; i < t.rows(); i++) {
                sb.setLength(0);
                SampleId id = t.ids().get(i);
                sb.append(id.frame());
                if (site) {
                    sb.append(',').append(id.site());
                }
                for (double[] c : cols) {
                    sb.append(',');
                    double v = c[i];
                    if (Double.isNaN(v)) {
                        sb.append("NaN");
                    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        sb.append((long) v);
                    } else {
                        sb.append(v);
                    }
                }
                for (String[] c : text) {
                    sb.append(',').append(csvField(c[i] == null ? "" : c[i]));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
            w.flush();
        });
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * Reads a CSV table. The first column must be {@code index} (frame), optionally followed by
     * {@code site}; columns named as text in the sidecar, or holding any non-number, are text.
     */
    @SuppressWarnings("unchecked")
    public static SampleTable readCsv(Path file) throws IOException {
        Path side = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.csv$", "") + ".json");
        Map<String, Object> desc = Files.exists(side) ? Json.parseObject(Files.readString(side)) : Map.of();
        List<String> declaredText = (List<String>) desc.getOrDefault("text", List.of());
        List<String[]> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (h == null) {
                throw new IOException(file.getFileName() + ": empty table file");
            }
            header = splitCsv(h.strip());
            String line;
            int ln = 1;
            while ((line = r.readLine()) != null) {
                ln++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                if (f.size() != header.size()) {
                    throw new IOException(file.getFileName() + ", line " + ln + ": " + f.size() + " fields, header has " + header.size());
                }
                rows.add(f.toArray(String[]::new));
            }
        }
        if (header.isEmpty() || !header.get(0).strip().equals("index")) {
            throw new IOException(file.getFileName() + ": the first column must be 'index' (the frame of each sample)");
        }
        int first = header.size() > 1 && header.get(1).strip().equals("site") ? 2 : 1;
        List<SampleId> ids = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                ids.add(new SampleId((int) Double.parseDouble(rows.get(i)[0]), first == 2 ? Integer.parseInt(rows.get(i)[1].strip()) : 0));
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + ", row " + (i + 2) + ": bad sample index '" + rows.get(i)[0] + "'");
            }
        }
        List<String> numNames = new ArrayList<>();
        List<double[]> numCols = new ArrayList<>();
        List<String> textNames = new ArrayList<>();
        List<String[]> textCols = new ArrayList<>();
        for (int c = first; c < header.size(); c++) {
            String name = header.get(c).strip();
            boolean isText = declaredText.contains(name);
            double[] v = new double[rows.size()];
            if (!isText) {
                for (int i = 0; i < rows.size(); i++) {
                    String s = rows.get(i)[c].strip();
                    try {
                        v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        isText = true;
                        break;
                    }
                }
            }
            if (isText) {
                String[] t = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    t[i] = rows.get(i)[c];
                }
                textNames.add(name);
                textCols.add(t);
            } else {
                numNames.add(name);
                numCols.add(v);
            }
        }
        Axis axis = null;
        if (desc.get("axis") instanceof Map<?, ?> a && desc.get("axisValues") instanceof List<?> av) {
            double[] vals = av.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            axis = new Axis(String.valueOf(a.get("name")), String.valueOf(a.get("unit")), vals);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (desc.get("meta") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> meta.put(String.valueOf(k), String.valueOf(v)));
        }
        return SampleTable.adopt(ids, numNames, numCols.toArray(double[][]::new), axis, textNames,
                textCols.toArray(String[][]::new), meta);
    }

    // ---------------------------------------------------------------- NPZ

    public static void writeNpz(SampleTable t, Path file) throws IOException {
        org.xasdaml.io.AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.setLevel(1);
            int n = t.rows();
            int[] ids = new int[2 * n];
            for (int i = 0; i < n; i++) {
                ids[2 * i] = t.ids().get(i).frame();
                ids[2 * i + 1] = t.ids().get(i).site();
            }
            zip.putNextEntry(new ZipEntry("ids.npy"));
            Npy.writeInts(zip, ids, n, 2);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("values.npy"));
            Npy.writeMatrix(zip, t.rawColumns(), n, "float32".equals(t.meta().get("precision")));
            zip.closeEntry();
            if (t.axis() != null) {
                zip.putNextEntry(new ZipEntry("axis.npy"));
                Npy.writeDoubles(zip, t.axis().values());
                zip.closeEntry();
            }
            Map<String, Object> desc = describe(t, true);
            if (!t.textColumnNames().isEmpty()) {
                Map<String, Object> text = new LinkedHashMap<>();
                for (String name : t.textColumnNames()) {
                    text.put(name, List.of(t.text(name)));
                }
                desc.put("textValues", text);
            }
            zip.putNextEntry(new ZipEntry("table.json"));
            zip.write(Json.write(desc).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        });
    }

    @SuppressWarnings("unchecked")
    public static SampleTable readNpz(Path file) throws IOException {
        Map<String, Npy.Array> arrays = new HashMap<>();
        Map<String, Object> desc = null;
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("table.json")) {
                    desc = Json.parseObject(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } else if (e.getName().endsWith(".npy")) {
                    arrays.put(e.getName(), Npy.read(zip, file.getFileName() + "/" + e.getName()));
                }
            }
        }
        if (desc == null || !arrays.containsKey("ids.npy") || !arrays.containsKey("values.npy")) {
            throw new IOException(file.getFileName() + ": not a sample table (needs ids.npy, values.npy, table.json)");
        }
        double[] idv = arrays.get("ids.npy").values();
        int n = idv.length / 2;
        List<SampleId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(new SampleId((int) idv[2 * i], (int) idv[2 * i + 1]));
        }
        List<String> names = (List<String>) desc.get("columns");
        Npy.Array vals = arrays.get("values.npy");
        int m = names.size();
        if (vals.values().length != (long) n * m) {
            throw new IOException(file.getFileName() + ": values.npy has " + vals.values().length + " values for " + n + " x " + m);
        }
        double[][] cols = new double[m][n];
        double[] v = vals.values();
        for (int i = 0; i < n; i++) {
            int off = i * m;
            for (int j = 0; j < m; j++) {
                cols[j][i] = v[off + j];
            }
        }
        Axis axis = null;
        if (arrays.containsKey("axis.npy") && desc.get("axis") instanceof Map<?, ?> a) {
            axis = new Axis(String.valueOf(a.get("name")), String.valueOf(a.get("unit")), arrays.get("axis.npy").values());
        }
        List<String> textNames = (List<String>) desc.getOrDefault("text", List.of());
        String[][] text = new String[textNames.size()][];
        Map<String, Object> tv = (Map<String, Object>) desc.getOrDefault("textValues", Map.of());
        for (int c = 0; c < textNames.size(); c++) {
            List<Object> l = (List<Object>) tv.get(textNames.get(c));
            text[c] = l.stream().map(String::valueOf).toArray(String[]::new);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (desc.get("meta") instanceof Map<?, ?> mm) {
            mm.forEach((k, val) -> meta.put(String.valueOf(k), String.valueOf(val)));
        }
        return SampleTable.adopt(ids, names, cols, axis, textNames, text, meta);
    }
}
