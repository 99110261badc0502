package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xasdaml.workflow.ParallelSamples;

import static org.xasdaml.cli.ReportHtml.esc;
import static org.xasdaml.cli.ReportHtml.preview;
import static org.xasdaml.cli.ReportHtml.rel;

/**
 * Section 4 of the run report, how it was made: software versions, timings, and every stage's
 * parameters, warnings, figures (linked, loaded lazily, so writing stays fast) and files, collapsed.
 */
final class ProvenanceSection {
    private ProvenanceSection() {
    }

    static void append(Path runDir, List<RunStage> stages, StringBuilder h) throws IOException {
        h.append("<h2 id=\"how\">4 How it was made</h2>\n");
        Map<String, String> software = new TreeMap<>();
        for (RunStage s : stages) {
            software.putAll(s.prov().software());
        }
        h.append("<details><summary>software versions</summary><table>");
        software.forEach((k, v) -> h.append("<tr><th class=\"t\">").append(esc(k)).append("</th><td class=\"t\">").append(esc(v))
                .append("</td></tr>"));
        h.append("</table></details>\n");
        double total = stages.stream().mapToDouble(RunStage::seconds).sum();
        h.append("<details><summary>timings: ").append(stages.size()).append(" stages, ").append(ParallelSamples.duration(total))
                .append(" in all</summary><table><tr><th class=\"t\">stage</th><th class=\"t\">step</th><th>time</th>"
                        + "<th>failed samples</th><th>warnings</th></tr>\n");
        for (RunStage s : stages) {
            h.append("<tr><td class=\"t\"><a href=\"#stage-").append(esc(s.name())).append("\">").append(esc(s.name()))
                    .append("</a></td><td class=\"t\">").append(esc(s.step())).append("</td><td>")
                    .append(ParallelSamples.duration(s.seconds())).append(s.reused() ? " (earlier run)" : "").append("</td><td>")
                    .append(s.prov().failures().size()).append("</td><td>").append(s.prov().warnings().size()).append("</td></tr>\n");
        }
        h.append("</table></details>\n");
        for (RunStage s : stages) {
            stage(runDir, s, h);
        }
    }

    private static void stage(Path runDir, RunStage s, StringBuilder h) throws IOException {
        Path dir = s.dir();
        h.append("<details id=\"stage-").append(esc(s.name())).append("\"><summary><b>").append(esc(s.name())).append("</b> (")
                .append(esc(s.step())).append(", ").append(ParallelSamples.duration(s.seconds())).append(")</summary>\n");
        h.append("<p><a href=\"").append(rel(runDir, dir)).append("/\">folder</a> · <a href=\"")
                .append(rel(runDir, dir.resolve("provenance.json"))).append("\">provenance</a></p>\n");
        h.append("<table>");
        for (Map.Entry<String, String> e : new TreeMap<>(s.prov().parameters()).entrySet()) {
            h.append("<tr><th class=\"t\">").append(esc(e.getKey())).append("</th><td class=\"t\">").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
        if (!s.prov().warnings().isEmpty()) {
            h.append("<ul class=\"warn\">");
            s.prov().warnings().stream().limit(20).forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul>\n");
        }
        List<Path> files;
        try (Stream<Path> st = Files.walk(dir)) {
            files = st.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith("work")).sorted().toList();
        }
        List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).toList();
        if (!pngs.isEmpty()) {
            h.append("<div class=\"figs\">\n");
            for (Path png : pngs) {
                String r = rel(runDir, png);
                h.append("<figure><a href=\"").append(r).append("\"><img width=\"300\" src=\"").append(r).append("\" alt=\"")
                        .append(esc(png.getFileName().toString())).append("\" loading=\"lazy\"></a><figcaption>")
                        .append(esc(dir.relativize(png).toString())).append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
        }
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (n.endsWith(".png") || n.endsWith(".svg") || n.equals("provenance.json") || n.equals("figures.json")) {
                continue;
            }
            h.append("<p><a href=\"").append(rel(runDir, f)).append("\">").append(esc(dir.relativize(f).toString())).append("</a> ")
                    .append(String.format(Locale.ROOT, "(%,d bytes)", Files.size(f))).append("</p>\n");
            if (n.endsWith(".csv")) {
                h.append(preview(f, 8, 14));
            }
        }
        h.append("</details>\n");
    }
}
