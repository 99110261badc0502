package org.xasdaml.descriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * Writes descriptor tables in the XASDAML reference's folder layout, for scripts written against
 * it: {@code cn/cn_<method>.csv} with columns {@code index,CN_<method>},
 * {@code cr/cr_<method>.csv} with {@code index,CR_<method>}, and {@code rdf/<index>.csv} with
 * {@code r,g(r)}. Rows are sorted by sample. When some absorber is not atom 0 a {@code site}
 * column follows {@code index} (the reference knew only atom 0).
 *
 * <p>Differences from the reference, on purpose: CR and g(r) keep full double precision (the
 * reference rounded the RDF to 3 decimals).
 */
public final class ReferenceLayout {
    private ReferenceLayout() {
    }

    /**
     * Writes the files under folder (created if needed).
     *
     * @param descriptors the step's "descriptors" table (CN_/CR_ columns)
     * @param rdf         the step's "rdf" table, or null to skip rdf/
     */
    public static void write(SampleTable descriptors, SampleTable rdf, Path folder) {
        try {
            boolean withSite = descriptors.ids().stream().anyMatch(id -> id.site() != 0)
                    || (rdf != null && rdf.ids().stream().anyMatch(id -> id.site() != 0));
            int[] order = sortedRows(descriptors.ids());
            for (String col : descriptors.columnNames()) {
                String prefix;
                if (col.startsWith("CN_")) {
                    prefix = "cn";
                } else if (col.startsWith("CR_")) {
                    prefix = "cr";
                } else {
                    continue;
                }
                Path dir = Files.createDirectories(folder.resolve(prefix));
                String method = col.substring(3);
                double[] v = descriptors.column(col);
                try (Writer w = Files.newBufferedWriter(dir.resolve(prefix + "_" + method + ".csv"), StandardCharsets.UTF_8)) {
                    w.write(withSite ? "index,site," + col + "\n" : "index," + col + "\n");
                    for (int r : order) {
                        SampleId id = descriptors.ids().get(r);
                        w.write(Integer.toString(id.frame()));
                        if (withSite) {
                            w.write("," + id.site());
                        }
                        w.write(',');
                        w.write(prefix.equals("cn") ? Long.toString(Math.round(v[r])) : Double.toString(v[r]));
                        w.write('\n');
                    }
                }
            }
            if (rdf != null) {
                Path dir = Files.createDirectories(folder.resolve("rdf"));
                double[] r = rdf.axis().values();
                for (int row = 0; row < rdf.rows(); row++) {
                    SampleId id = rdf.ids().get(row);
                    String name = withSite ? id.frame() + "_" + id.site() + ".csv" : id.frame() + ".csv";
                    double[] g = rdf.row(row);
                    try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                        w.write("r,g(r)\n");
                        for (int k = 0; k < r.length; k++) {
                            w.write(Double.toString(r[k]) + "," + Double.toString(g[k]) + "\n");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reference-layout descriptor files under " + folder + ": " + e.getMessage(), e);
        }
    }

    private static int[] sortedRows(List<SampleId> ids) {
        Integer[] o = new Integer[ids.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        java.util.Arrays.sort(o, (a, b) -> ids.get(a).compareTo(ids.get(b)));
        int[] r = new int[o.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = o[i];
        }
        return r;
    }
}
