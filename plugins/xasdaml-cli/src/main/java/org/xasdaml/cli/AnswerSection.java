package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xasdaml.table.SampleTable;

import static org.xasdaml.cli.ReportHtml.esc;
import static org.xasdaml.cli.ReportHtml.figure;
import static org.xasdaml.cli.ReportHtml.num;

/**
 * Section 1 of the run report, the answer for the measured spectra: every model's value with its
 * calibrated interval and domain flags, the best-supported value (the unflagged one with the
 * narrowest interval), and the measured features over the training spectra's envelope.
 */
final class AnswerSection {
    private AnswerSection() {
    }

    /** One model's prediction for one measured spectrum and target. */
    record Value(String model, String input, String target, double v, double sd, double lo, double hi, boolean hasInterval,
                 boolean inRange, boolean inDomain, double domainScore, boolean calibrated) {
        boolean supported() {
            return calibrated && hasInterval && inRange && inDomain && Double.isFinite(v);
        }
    }

    static void append(Path runDir, List<RunStage> stages, Map<String, RunStage> byName, StringBuilder h) throws IOException {
        h.append("<h2 id=\"answer\">1 Answer: the measured spectra</h2>\n");
        List<RunStage> measured = stages.stream().filter(s -> s.step().equals("predict-measured")).toList();
        if (measured.isEmpty()) {
            h.append("<p>This run predicted no measured spectrum (no <code>predict-measured</code> stage).</p>\n");
            return;
        }
        // source file -> target -> values; and per input quantity the measured spectra for the envelope figure
        Map<String, Map<String, List<Value>>> bySource = new LinkedHashMap<>();
        Map<String, TrainingEnvelope> envelopes = new LinkedHashMap<>();
        Set<String> targets = new LinkedHashSet<>();
        String level = null;
        for (RunStage s : measured) {
            SampleTable p = RunFiles.table(s.dir().resolve("predictions"));
            if (p == null) {
                continue;
            }
            String modelStage = s.inputStage("model");
            ModelArchiveInfo archive = modelStage == null ? null : RunFiles.model(runDir.resolve(modelStage).resolve("model.xasmodel"));
            String modelName = (modelStage != null ? modelStage : s.name()) + (archive != null ? " (" + archive.kind() + ")" : "");
            String input = archive == null ? "" : archive.input();
            String[] src = p.textColumnNames().contains("source") ? p.text("source") : null;
            if (p.meta().get("interval_level") != null) {
                level = p.meta().get("interval_level");
            }
            boolean calibrated = archive != null && archive.calibrated();
            for (String t : targetsOf(p)) {
                targets.add(t);
                for (int i = 0; i < p.rows(); i++) {
                    String source = src != null ? fileName(src[i]) : p.ids().get(i).toString();
                    boolean hasIv = p.hasColumn(t + "_lo") && p.hasColumn(t + "_hi");
                    Value v = new Value(modelName, input, t, p.column(t)[i], col(p, t + "_sd", i), col(p, t + "_lo", i),
                            col(p, t + "_hi", i), hasIv, !p.hasColumn(t + "_in_range") || col(p, t + "_in_range", i) == 1,
                            !p.hasColumn("in_domain") || col(p, "in_domain", i) == 1, col(p, "domain_score", i), calibrated);
                    bySource.computeIfAbsent(source, k -> new LinkedHashMap<>()).computeIfAbsent(t, k -> new ArrayList<>()).add(v);
                }
            }
            SampleTable spectra = RunFiles.table(s.dir().resolve("spectra"));
            if (spectra != null && spectra.axis() != null && archive != null) {
                String key = spectra.meta().getOrDefault("quantity", "") + " " + spectra.axis();
                TrainingEnvelope e = envelopes.get(key);
                if (e == null) {
                    e = TrainingEnvelope.of(runDir, byName, byName.get(modelStage), archive, spectra);
                    if (e != null) {
                        envelopes.put(key, e);
                    }
                }
                if (e != null) {
                    String[] ss = spectra.textColumnNames().contains("source") ? spectra.text("source") : null;
                    for (int i = 0; i < spectra.rows(); i++) {
                        e.measured().putIfAbsent(ss != null ? fileName(ss[i]) : spectra.ids().get(i).toString(), spectra.row(i));
                    }
                }
            }
        }
        h.append("<p class=\"small\">Each value is given with its ").append(level != null ? pct(level) + " " : "")
                .append("prediction interval, calibrated on spectra the model had not trained on (conformal: the validation set, "
                        + "or with cross-fitting every training and validation spectrum as predicted by the fold model that left it "
                        + "out). A value is "
                        + "<span class=\"out\">&nbsp;flagged&nbsp;</span> and not used when the spectrum's features lie outside "
                        + "the training domain (domain score &gt; 1; 95 % of the calibration spectra score ≤ 1) or the value lies outside "
                        + "the training labels' range by more than its interval; it is then an extrapolation, not a measurement. The best-supported value is "
                        + "the unflagged one with the narrowest interval.</p>\n");
        for (Map.Entry<String, Map<String, List<Value>>> e : bySource.entrySet()) {
            h.append("<h3>").append(esc(e.getKey())).append("</h3>\n");
            for (String t : targets) {
                List<Value> vs = e.getValue().getOrDefault(t, List.of());
                if (vs.isEmpty()) {
                    continue;
                }
                Value best = vs.stream().filter(Value::supported).min((a, b) -> Double.compare(a.hi() - a.lo(), b.hi() - b.lo()))
                        .orElse(null);
                h.append("<p class=\"answer\">").append(esc(t)).append(": ");
                if (best != null) {
                    h.append("<b>").append(num(best.v())).append("</b> [").append(num(best.lo())).append(", ").append(num(best.hi()))
                            .append("]").append(unit(t)).append(" — from ").append(esc(best.model())).append(", the narrowest "
                                    + "interval among the predictions inside the domain and the label range");
                    long others = vs.stream().filter(Value::supported).count() - 1;
                    if (others > 0) {
                        h.append(" (").append(others).append(" other supported value").append(others > 1 ? "s" : "").append(" below)");
                    }
                } else {
                    h.append("<span class=\"out\">no supported value</span>: every model's prediction lies outside its training "
                            + "domain or label range, or comes without a calibrated interval");
                }
                h.append("</p>\n");
            }
            h.append("<table><tr><th class=\"t\">model</th><th class=\"t\">input</th>");
            for (String t : targets) {
                h.append("<th>").append(esc(t)).append(unit(t)).append("</th>");
            }
            h.append("<th>domain score</th></tr>\n");
            Map<String, Map<String, Value>> byModel = new LinkedHashMap<>();
            for (String t : targets) {
                for (Value v : e.getValue().getOrDefault(t, List.of())) {
                    byModel.computeIfAbsent(v.model(), k -> new LinkedHashMap<>()).put(t, v);
                }
            }
            for (Map.Entry<String, Map<String, Value>> m : byModel.entrySet()) {
                Value any = m.getValue().values().iterator().next();
                h.append("<tr><td class=\"t\">").append(esc(m.getKey())).append("</td><td class=\"t\">").append(esc(any.input()))
                        .append("</td>");
                for (String t : targets) {
                    Value v = m.getValue().get(t);
                    h.append(v == null ? "<td>–</td>" : cell(v));
                }
                h.append(domainCell(any)).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (!envelopes.isEmpty()) {
            h.append("<div class=\"figs\">\n");
            for (TrainingEnvelope e : envelopes.values()) {
                figure(h, e.chart().png(), e.caption(), 560);
            }
            h.append("</div>\n");
        }
    }

    /** A table cell for one value: the number with its interval, or the flagged extrapolation. */
    static String cell(Value v) {
        String body = num(v.v()) + (v.hasInterval() ? " [" + num(v.lo()) + ", " + num(v.hi()) + "]" : " ± " + num(v.sd()) + " (sd)");
        List<String> why = new ArrayList<>();
        if (!v.calibrated()) {
            why.add("no calibrated interval");
        }
        if (!v.inDomain()) {
            why.add("outside the domain");
        }
        if (!v.inRange()) {
            why.add("outside the training range");
        }
        if (why.isEmpty()) {
            return "<td class=\"ok\">" + esc(body) + "</td>";
        }
        return "<td class=\"out\" title=\"" + esc(String.join("; ", why)) + "\">" + esc(String.join(", ", why)) + "<br><s>"
                + esc(body) + "</s></td>";
    }

    private static String domainCell(Value v) {
        if (!Double.isFinite(v.domainScore())) {
            return "<td>–</td>";
        }
        return (v.inDomain() ? "<td class=\"ok\">" : "<td class=\"out\">") + num(v.domainScore())
                + (v.inDomain() ? " (inside)" : " (outside)") + "</td>";
    }

    private static List<String> targetsOf(SampleTable p) {
        String t = p.meta().get("targets");
        if (t != null && !t.isBlank()) {
            return List.of(t.split(","));
        }
        List<String> out = new ArrayList<>();
        for (String c : p.columnNames()) {
            if (p.hasColumn(c + "_sd")) {
                out.add(c);
            }
        }
        return out;
    }

    private static double col(SampleTable t, String c, int i) {
        return t.hasColumn(c) ? t.column(c)[i] : Double.NaN;
    }

    private static String unit(String target) {
        return target.startsWith("CR") ? " (Å)" : "";
    }

    private static String pct(String level) {
        try {
            return num(100 * Double.parseDouble(level)) + " %";
        } catch (NumberFormatException e) {
            return level;
        }
    }

    private static String fileName(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return i >= 0 ? path.substring(i + 1) : path;
    }
}
