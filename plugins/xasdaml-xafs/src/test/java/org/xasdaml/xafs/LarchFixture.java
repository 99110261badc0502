package org.xasdaml.xafs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A fixture written by {@code make_larch_fixtures.py}: '# key = value' parameters, a
 * '# columns:' line, then whitespace-separated rows.
 */
final class LarchFixture {

    final String name;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, double[]> columns = new LinkedHashMap<>();

    private LarchFixture(String name) {
        this.name = name;
    }

    static LarchFixture load(String resource) {
        LarchFixture f = new LarchFixture(resource);
        try (InputStream raw = LarchFixture.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = br.readLine()) != null) {
                if (line.startsWith("# columns:")) {
                    for (String s : line.substring(10).trim().split("\\s+")) {
                        names.add(s);
                    }
                } else if (line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        f.params.put(line.substring(1, eq).trim(), line.substring(eq + 1).trim());
                    }
                } else if (!line.isBlank()) {
                    String[] p = line.trim().split("\\s+");
                    double[] row = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        row[i] = Double.parseDouble(p[i]);
                    }
                    rows.add(row);
                }
            }
            for (int c = 0; c < names.size(); c++) {
                double[] col = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    col[r] = rows.get(r)[c];
                }
                f.columns.put(names.get(c), col);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    double num(String key) {
        String v = params.get(key);
        if (v == null) {
            throw new IllegalStateException(name + ": no parameter " + key);
        }
        return v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
    }

    boolean has(String key) {
        return params.containsKey(key);
    }

    String str(String key) {
        return params.get(key);
    }

    double[] nums(String key) {
        String[] p = params.get(key).trim().split("\\s+");
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.parseDouble(p[i]);
        }
        return out;
    }

    double[] col(String key) {
        double[] c = columns.get(key);
        if (c == null) {
            throw new IllegalStateException(name + ": no column " + key);
        }
        return c;
    }

    /** Columns {@code cols} of a whitespace data file under data/, '#' lines skipped. */
    static double[][] data(String file, int... cols) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = LarchFixture.class.getResourceAsStream("data/" + file)) {
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = br.readLine()) != null) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] p = t.split("\\s+");
                double[] row = new double[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    row[i] = Double.parseDouble(p[cols[i]]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[][] out = new double[cols.length][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.length; c++) {
                out[c][r] = rows.get(r)[c];
            }
        }
        return out;
    }

    static ChiSpectrum chiInput(String name) {
        double[][] d = switch (name) {
            case "cuchi" -> data("cu_chi.dat", 0, 1);
            case "feffcu" -> data("feff8l_cu_xmu.dat", 2, 5);
            default -> throw new IllegalArgumentException(name);
        };
        return new ChiSpectrum(d[0], d[1]);
    }

    static MuSpectrum muInput(String name) {
        double[][] d = switch (name) {
            case "cu_metal_rt" -> data("cu_metal_rt.xdi", 0, 3);
            case "cu_10k" -> data("cu.xmu", 0, 1);
            case "fe3c_rt" -> data("fe3c_rt.xdi", 0, 1);
            case "feff8l_cu" -> data("feff8l_cu_xmu.dat", 0, 3);
            default -> throw new IllegalArgumentException(name);
        };
        return new MuSpectrum(d[0], d[1]);
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
