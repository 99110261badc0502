package org.xasdaml.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.Codec;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.PortType;

/**
 * An evaluation or comparison report in three forms: plain text (as the reference's report.txt),
 * JSON (every number, for programs) and a self-contained HTML page with the figures embedded.
 *
 * @param title   heading
 * @param text    the text report
 * @param json    the numbers
 * @param figures figures, shown in the HTML page in this order
 */
public record Report(String title, String text, Map<String, Object> json, List<Figure> figures) {
    public Report {
        // insertion order kept (targets as asked, then their numbers): Map.copyOf's order changes from one JVM to the next
        json = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(json));
        figures = List.copyOf(figures);
    }

    /** The report port type: {@code <base>/report.txt|json|html} and the figures as PNG. */
    public static final PortType<Report> TYPE = new PortType<>("report", Report.class,
            "An evaluation report: text, JSON and an HTML page with the figures", false, new ReportCodec());

    /** The HTML page. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
                        + "pre{background:#f6f6f6;padding:1em}figure{display:inline-block;margin:0.5em}"
                        + "img{max-width:520px}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<pre>")
                .append(escape(text)).append("</pre>\n");
        for (Figure f : figures) {
            sb.append("<figure><img alt=\"").append(escape(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>").append(escape(f.title()))
                    .append("</figcaption></figure>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Stores a report as a folder. */
    public static final class ReportCodec implements Codec<Report> {
        @Override
        public void write(Report r, Path base) throws IOException {
            org.xasdaml.io.AtomicFiles.refuseLink(base);
            Files.createDirectories(base);
            org.xasdaml.io.AtomicFiles.writeString(base.resolve("report.txt"), r.text());
            Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("title", r.title());
            j.putAll(r.json());
            j.put("figures", r.figures().stream().map(f -> Map.of("name", f.name(), "title", f.title())).toList());
            org.xasdaml.io.AtomicFiles.writeString(base.resolve("report.json"), Json.write(j));
            org.xasdaml.io.AtomicFiles.writeString(base.resolve("report.html"), r.html());
            for (Figure f : r.figures()) {
                org.xasdaml.io.AtomicFiles.write(base.resolve(f.name() + ".png"), f.png());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Report read(Path base) throws IOException {
            Map<String, Object> j = new java.util.LinkedHashMap<>(Json.parseObject(Files.readString(base.resolve("report.json"))));
            String title = (String) j.remove("title");
            List<Figure> figs = new java.util.ArrayList<>();
            for (Object o : (List<Object>) j.remove("figures")) {
                Map<String, Object> m = (Map<String, Object>) o;
                String name = (String) m.get("name");
                figs.add(new Figure(name, (String) m.get("title"), Files.readAllBytes(base.resolve(name + ".png")), null));
            }
            return new Report(title, Files.readString(base.resolve("report.txt")), j, figs);
        }

        @Override
        public boolean exists(Path base) {
            return Files.isRegularFile(base.resolve("report.json"));
        }
    }
}
