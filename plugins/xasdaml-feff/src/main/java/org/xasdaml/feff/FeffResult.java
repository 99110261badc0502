package org.xasdaml.feff;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;

/**
 * One finished sample: its FEFF spectra and how they were made, stored as {@code result.txt} in the
 * sample's folder. The file is written to a temporary name and renamed, so it exists only complete:
 * its presence (with a matching input digest) is what makes a rerun skip the sample.
 *
 * @param id          the sample
 * @param inputDigest SHA-256 of everything that determines the result (feff.inp, mode, shared source)
 * @param mode        how it was computed
 * @param seconds     wall time of the FEFF stages run for this sample (s), shared potentials excluded
 * @param output      μ and χ as FEFF wrote them
 */
public record FeffResult(SampleId id, String inputDigest, FeffMode mode, double seconds, FeffOutput output) {

    /** File name of a finished sample's record. */
    public static final String FILE = "result.txt";
    private static final String MAGIC = "# xasdaml-feff result 1";

    /** Writes the record atomically into a folder. */
    public void write(Path folder) throws IOException {
        Path tmp = folder.resolve(FILE + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\n");
            w.write("# sample " + id + "\n");
            w.write("# digest " + inputDigest + "\n");
            w.write("# mode " + mode.label() + "\n");
            w.write(String.format(Locale.ROOT, "# seconds %.4f%n", seconds));
            double[] omega = output.omega();
            double[] e = output.e();
            double[] k = output.k();
            double[] mu = output.mu();
            double[] mu0 = output.mu0();
            w.write("xmu " + omega.length + " omega e k mu mu0\n");
            // Double.toString: the shortest text that reads back to the same double (as %.17g did), and
            // measured about 10x cheaper than String.format per number (FeffOverheadBench)
            StringBuilder sb = new StringBuilder(64 * omega.length);
            for (int i = 0; i < omega.length; i++) {
                sb.append(omega[i]).append(' ').append(e[i]).append(' ').append(k[i]).append(' ').append(mu[i]).append(' ')
                        .append(mu0[i]).append('\n');
            }
            w.write(sb.toString());
            double[] ck = output.chiK();
            double[] chi = output.chi();
            w.write("chi " + ck.length + " k chi\n");
            sb.setLength(0);
            for (int i = 0; i < ck.length; i++) {
                sb.append(ck[i]).append(' ').append(chi[i]).append('\n');
            }
            w.write(sb.toString());
            w.write("end\n");
        }
        Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The header of a record (sample, digest, mode, seconds) without reading its spectra, or null when there is none. */
    public static Map<String, String> header(Path folder) throws IOException {
        Path f = folder.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Map<String, String> h = new LinkedHashMap<>();
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (!MAGIC.equals(line)) {
                return null;
            }
            while ((line = r.readLine()) != null && line.startsWith("# ")) {
                int sp = line.indexOf(' ', 2);
                if (sp > 0) {
                    h.put(line.substring(2, sp), line.substring(sp + 1).strip());
                }
            }
        }
        return h;
    }

    /** Reads a record back. */
    public static FeffResult read(Path folder) throws IOException {
        Path f = folder.resolve(FILE);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !MAGIC.equals(lines.get(0))) {
            throw new IOException(f + " is not a FEFF result record");
        }
        Map<String, String> h = new LinkedHashMap<>();
        int i = 1;
        while (i < lines.size() && lines.get(i).startsWith("# ")) {
            String l = lines.get(i++);
            int sp = l.indexOf(' ', 2);
            h.put(l.substring(2, sp), l.substring(sp + 1).strip());
        }
        try {
            int n = Integer.parseInt(lines.get(i++).split(" ")[1]);
            double[][] x = block(lines, i, n, 5);
            i += n;
            int m = Integer.parseInt(lines.get(i++).split(" ")[1]);
            double[][] c = block(lines, i, m, 2);
            if (!"end".equals(lines.get(i + m))) {
                throw new IOException("no end line");
            }
            return new FeffResult(SampleId.parse(h.get("sample")), h.get("digest"), FeffMode.of(h.get("mode")),
                    Double.parseDouble(h.get("seconds")), new FeffOutput(x[0], x[1], x[2], x[3], x[4], c[0], c[1]));
        } catch (RuntimeException e) {
            throw new IOException(f + " is damaged: " + e.getMessage(), e);
        }
    }

    private static double[][] block(List<String> lines, int from, int n, int cols) {
        double[][] out = new double[cols][n];
        for (int r = 0; r < n; r++) {
            String[] p = lines.get(from + r).split(" ");
            for (int c = 0; c < cols; c++) {
                out[c][r] = Double.parseDouble(p[c]);
            }
        }
        return out;
    }
}
