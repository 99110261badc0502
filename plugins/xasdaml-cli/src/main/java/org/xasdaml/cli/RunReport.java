package org.xasdaml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Provenance;

/**
 * One HTML page for a whole run folder: per stage its time, failures and parameters, every
 * figure shown, every table previewed and linked, every other file (model archives, reports)
 * linked. Links are relative, so the folder can be zipped and opened anywhere.
 */
final class RunReport {
    private RunReport() {
    }

    static Path write(Path runDir, String title, List<WorkflowRun.StageResult> results, String extraHtml) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n");
        h.append("<style>body{font-family:sans-serif;margin:2em;max-width:1400px;color:#222}h2{border-bottom:1px solid #ccc;margin-top:2em}"
                + "table{border-collapse:collapse;font-size:13px;margin:.5em 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}"
                + "th{background:#f4f4f4}.figs{display:flex;flex-wrap:wrap;gap:10px}.figs figure{margin:0;width:420px}"
                + ".figs img{width:420px;border:1px solid #ddd}figcaption{font-size:12px}details{margin:.5em 0}"
                + ".warn{color:#a40}code{background:#f4f4f4}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        if (results != null && !results.isEmpty()) {
            h.append("<h2>Stages</h2><table><tr><th>stage</th><th>step</th><th>time</th><th>failed samples</th></tr>\n");
            for (WorkflowRun.StageResult r : results) {
                h.append("<tr><td style=\"text-align:left\"><a href=\"#").append(esc(r.stage())).append("\">").append(esc(r.stage()))
                        .append("</a></td><td style=\"text-align:left\">").append(esc(r.step())).append("</td><td>")
                        .append(ParallelSamples.duration(r.seconds())).append(r.reused() ? " (earlier run)" : "")
                        .append("</td><td>").append(r.failures()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (extraHtml != null) {
            h.append(extraHtml);
        }
        if (results != null) {
            for (WorkflowRun.StageResult r : results) {
                stage(runDir, runDir.resolve(r.stage()), h);
            }
        }
        h.append("</body></html>\n");
        Path index = runDir.resolve("report.html");
        org.xasdaml.io.AtomicFiles.writeString(index, h.toString());
        return index;
    }

    private static void stage(Path runDir, Path dir, StringBuilder h) throws IOException {
        String name = dir.getFileName().toString();
        h.append("<h2 id=\"").append(esc(name)).append("\">").append(esc(name)).append("</h2>\n");
        Path prov = dir.resolve("provenance.json");
        if (Files.exists(prov)) {
            Provenance p = Provenance.read(prov);
            h.append("<p>step <code>").append(esc(p.step())).append("</code>, ").append(String.format(Locale.ROOT, "%.1f s",
                    (p.finished().toEpochMilli() - p.started().toEpochMilli()) / 1000.0)).append(", ")
                    .append(p.failures().size()).append(" failed sample(s); <a href=\"").append(rel(runDir, prov))
                    .append("\">provenance</a></p>\n");
            h.append("<details><summary>parameters</summary><table>");
            for (Map.Entry<String, String> e : p.parameters().entrySet()) {
                h.append("<tr><th style=\"text-align:left\">").append(esc(e.getKey())).append("</th><td style=\"text-align:left\">")
                        .append(esc(e.getValue())).append("</td></tr>");
            }
            h.append("</table></details>\n");
            if (!p.failures().isEmpty()) {
                h.append("<details class=\"warn\"><summary>failed samples</summary><ul>");
                p.failures().stream().limit(50).forEach(f -> h.append("<li>").append(esc(f.toString())).append("</li>"));
                h.append("</ul></details>\n");
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith("work")).sorted().toList();
        }
        List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).toList();
        if (!pngs.isEmpty()) {
            h.append("<div class=\"figs\">\n");
            for (Path png : pngs) {
                String r = rel(runDir, png);
                Path svg = png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
                h.append("<figure><a href=\"").append(r).append("\"><img src=\"").append(r).append("\" alt=\"")
                        .append(esc(png.getFileName().toString())).append("\" loading=\"lazy\"></a><figcaption>")
                        .append(esc(dir.relativize(png).toString()));
                if (Files.exists(svg)) {
                    h.append(" (<a href=\"").append(rel(runDir, svg)).append("\">svg</a>)");
                }
                h.append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
        }
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (n.endsWith(".png") || n.endsWith(".svg") || n.equals("provenance.json") || n.equals("figures.json")) {
                continue;
            }
            h.append("<p><a href=\"").append(rel(runDir, f)).append("\">").append(esc(dir.relativize(f).toString())).append("</a> ")
                    .append(String.format(Locale.ROOT, "(%,d bytes)", Files.size(f)));
            if (n.endsWith(".npz")) {
                h.append(" — NumPy arrays (numpy.load)");
            }
            h.append("</p>\n");
            if (n.endsWith(".csv")) {
                preview(f, h);
            }
            if (n.equals("report.txt")) {
                h.append("<pre>").append(esc(Files.readString(f))).append("</pre>\n");
            }
        }
    }

    private static void preview(Path csv, StringBuilder h) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return;
            }
            String[] cols = header.split(",");
            boolean wide = cols.length > 14;
            h.append("<div style=\"overflow-x:auto\"><table><tr>");
            for (int i = 0; i < Math.min(cols.length, 14); i++) {
                h.append("<th>").append(esc(cols[i])).append("</th>");
            }
            h.append(wide ? "<th>…</th>" : "").append("</tr>\n");
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && n < 8) {
                String[] v = line.split(",");
                h.append("<tr>");
                for (int i = 0; i < Math.min(v.length, 14); i++) {
                    h.append("<td>").append(esc(shorten(v[i]))).append("</td>");
                }
                h.append(wide ? "<td>…</td>" : "").append("</tr>\n");
                n++;
            }
            h.append("</table></div>\n");
        }
    }

    private static String shorten(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d != Math.rint(d)) {
                return String.format(Locale.ROOT, "%.6g", d);
            }
        } catch (NumberFormatException e) {
            // text stays as it is
        }
        return v;
    }

    private static String rel(Path runDir, Path f) {
        return runDir.relativize(f).toString().replace('\\', '/').replace(" ", "%20");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The answers a reader looks for first: model comparisons (test metrics) and predictions for
     * measured spectra, taken from the stages that made them.
     */
    static String highlights(Path runDir, Workflow wf) throws IOException {
        StringBuilder h = new StringBuilder();
        for (Workflow.Stage s : wf.stages()) {
            Path txt = runDir.resolve(s.name()).resolve("report").resolve("report.txt");
            if (s.step().equals("compare-models") && Files.exists(txt)) {
                h.append("<h2>Test-set metrics: ").append(esc(s.name())).append("</h2><pre>").append(esc(Files.readString(txt)))
                        .append("</pre>\n");
            }
        }
        StringBuilder m = new StringBuilder();
        for (Workflow.Stage s : wf.stages()) {
            Path csv = runDir.resolve(s.name()).resolve("predictions.csv");
            if (s.step().equals("predict-measured") && Files.exists(csv)) {
                m.append("<h3>").append(esc(s.name())).append(" (model ").append(esc(s.inputs().getOrDefault("model", "")))
                        .append(")</h3>\n");
                preview(csv, m);
            }
        }
        if (m.length() > 0) {
            h.append("<h2>Measured spectra</h2>\n<p>Columns ending in _sd are the uncertainty: the spread of the network "
                    + "ensemble or of the trees.</p>\n").append(m);
        }
        return h.toString();
    }

    /** A JSON file as a two-column HTML table (for metrics). */
    static String jsonTable(Path file) throws IOException {
        Object o = Json.parse(Files.readString(file));
        StringBuilder h = new StringBuilder("<table>");
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> h.append("<tr><th style=\"text-align:left\">").append(esc(String.valueOf(k))).append("</th><td>")
                    .append(esc(String.valueOf(v))).append("</td></tr>"));
        }
        return h.append("</table>").toString();
    }
}
