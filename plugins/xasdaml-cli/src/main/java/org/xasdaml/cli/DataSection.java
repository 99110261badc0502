package org.xasdaml.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xasdaml.plot.Chart;
import org.xasdaml.table.SampleTable;

import static org.xasdaml.cli.ReportHtml.esc;
import static org.xasdaml.cli.ReportHtml.figure;
import static org.xasdaml.cli.ReportHtml.rel;

/**
 * Section 3 of the run report, the data: each data stage's main settings, failures and output
 * counts (structures, FEFF, descriptors, filtering, split), split sizes and the CN/CR distributions
 * of the labels the models were trained on.
 */
final class DataSection {
    private DataSection() {
    }

    static void append(Path runDir, List<RunStage> stages, StringBuilder h) throws IOException {
        h.append("<h2 id=\"data\">3 Data</h2>\n");
        h.append("<table><tr><th class=\"t\">stage</th><th class=\"t\">step</th><th class=\"t\">settings</th><th>failed samples</th>"
                + "<th class=\"t\">outputs</th></tr>\n");
        Set<String> dataSteps = Set.of("read-structures", "feff", "descriptors", "reconcile", "filter", "split", "augment");
        for (RunStage s : stages) {
            if (!dataSteps.contains(s.step())) {
                continue;
            }
            h.append("<tr><td class=\"t\"><a href=\"").append(rel(runDir, s.dir())).append("/\">").append(esc(s.name()))
                    .append("</a></td><td class=\"t\">").append(esc(s.step())).append("</td><td class=\"t\">")
                    .append(esc(settings(s))).append("</td><td>").append(s.prov().failures().size()).append("</td><td class=\"t\">")
                    .append(esc(outputCounts(s))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (RunStage s : stages) {
            if (s.prov().failures().isEmpty() || !dataSteps.contains(s.step())) {
                continue;
            }
            h.append("<details class=\"warn\"><summary>").append(esc(s.name())).append(": ").append(s.prov().failures().size())
                    .append(" failed sample(s)</summary><ul>");
            s.prov().failures().stream().limit(30).forEach(f -> h.append("<li>").append(esc(f.toString())).append("</li>"));
            h.append("</ul></details>\n");
        }
        // split sizes
        for (RunStage s : stages) {
            if (!s.step().equals("split")) {
                continue;
            }
            SampleTable sp = RunFiles.table(s.dir().resolve("split"));
            if (sp != null && sp.textColumnNames().contains("set")) {
                Map<String, Integer> n = new TreeMap<>();
                for (String v : sp.text("set")) {
                    n.merge(v, 1, Integer::sum);
                }
                h.append("<p>Split <code>").append(esc(s.name())).append("</code>: ").append(esc(n.toString().replace("{", "")
                        .replace("}", "").replace("=", " "))).append(" spectra.</p>\n");
            }
        }
        // CN/CR distributions of the labels kept by the first filter (else the descriptors)
        SampleTable labels = null;
        String from = null;
        Set<String> shown = new LinkedHashSet<>();
        for (RunStage s : stages) {
            if (s.step().equals("filter") && labels == null) {
                labels = RunFiles.table(s.dir().resolve("labels-kept"));
                from = s.name() + " (labels kept)";
                for (String m : s.prov().parameters().getOrDefault("methods", "").split(",")) {
                    if (!m.isBlank()) {
                        shown.add("CN_" + m.strip());
                        shown.add("CR_" + m.strip());
                    }
                }
            }
        }
        for (RunStage s : stages) { // the models' targets
            if (s.step().equals("train")) {
                for (String t : s.prov().parameters().getOrDefault("targets", "").split(",")) {
                    if (!t.isBlank()) {
                        shown.add(t.strip());
                    }
                }
            }
        }
        if (labels == null) {
            for (RunStage s : stages) {
                if (s.step().equals("descriptors") && labels == null) {
                    labels = RunFiles.table(s.dir().resolve("descriptors"));
                    from = s.name();
                }
            }
        }
        if (labels != null) {
            h.append("<div class=\"figs\">\n");
            for (String c : labels.columnNames()) {
                if ((c.startsWith("CN_") || c.startsWith("CR_")) && (shown.isEmpty() || shown.contains(c))) {
                    double[] v = Arrays.stream(labels.column(c)).filter(Double::isFinite).toArray();
                    if (v.length == 0) {
                        continue;
                    }
                    Chart ch = new Chart().size(420, 300).title(c + " of " + v.length + " samples")
                            .xLabel(c.startsWith("CN_") ? "coordination number " + c : "mean bond length " + c,
                                    c.startsWith("CR_") ? "Å" : "").yLabel("samples", "").legend(false);
                    if (c.startsWith("CN_")) {
                        ch.histogramWidth(c, v, 1.0);
                    } else {
                        ch.histogram(c, v, 25);
                    }
                    figure(h, ch.png(), c + " distribution, from " + from, 420);
                }
            }
            h.append("</div>\n");
        }
    }

    /** The settings of a data stage worth reading first. */
    private static String settings(RunStage s) {
        Map<String, String> p = s.prov().parameters();
        List<String> keys = switch (s.step()) {
            case "read-structures" -> List.of("file", "format", "absorber", "maxFrames", "elements");
            case "feff" -> List.of("mode", "edge", "preset", "clusterRadius", "scfRadius", "rpath", "nlegs", "s02", "kmax",
                    "temperature", "debyeTemperature");
            case "descriptors" -> List.of("methods", "box", "boxSize");
            case "reconcile" -> List.of();
            case "filter" -> List.of("methods", "cnMin", "cnMax", "crMin", "crMax", "rules");
            case "split" -> List.of("train", "valid", "test", "seed");
            default -> List.of();
        };
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (p.containsKey(k) && !p.get(k).isBlank()) {
                out.add(k + " = " + p.get(k));
            }
        }
        if (out.isEmpty()) {
            p.entrySet().stream().limit(6).forEach(e -> out.add(e.getKey() + " = " + e.getValue()));
        }
        return String.join("; ", out);
    }

    /** Rows of each table a stage wrote (e.g. "data-kept 812, labels-kept 812"); for structures frames and absorbers. */
    private static String outputCounts(RunStage s) throws IOException {
        List<String> out = new ArrayList<>();
        Map<String, Object> st = s.step().equals("read-structures") ? RunFiles.json(s.dir().resolve("structures.json")) : null;
        if (st != null) {
            out.add(st.get("source") + ": " + (st.get("frameIndices") instanceof List<?> l ? l.size() : 0) + " frames, "
                    + (st.get("samples") instanceof List<?> l ? l.size() : 0) + " absorbers, "
                    + (st.get("skipped") instanceof List<?> l ? l.size() : 0) + " frames skipped");
            Path xyz = s.dir().resolve("structures.extxyz");
            if (Files.exists(xyz)) {
                try (java.io.BufferedReader r = Files.newBufferedReader(xyz, StandardCharsets.UTF_8)) {
                    r.readLine();
                    String head = r.readLine();
                    java.util.regex.Matcher m = head == null ? null : java.util.regex.Pattern.compile("pbc=\"([TF ]+)\"").matcher(head);
                    if (m != null && m.find()) {
                        out.add(m.group(1).contains("T") ? "periodic (pbc " + m.group(1) + ")" : "not periodic (cluster)");
                    }
                }
            }
        }
        try (Stream<Path> f = Files.list(s.dir())) {
            for (Path p : f.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".csv")) {
                    long lines;
                    try (Stream<String> l = Files.lines(p, StandardCharsets.UTF_8)) {
                        lines = l.count() - 1;
                    }
                    out.add(n.substring(0, n.length() - 4) + " " + lines);
                } else if (n.endsWith(".npz")) {
                    SampleTable t = RunFiles.table(p);
                    if (t != null) {
                        out.add(n.substring(0, n.length() - 4) + " " + t.rows());
                    }
                }
            }
        }
        return String.join(", ", out);
    }
}
