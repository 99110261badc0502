package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.xasdaml.cli.ReportHtml.esc;
import static org.xasdaml.cli.ReportHtml.figure;
import static org.xasdaml.cli.ReportHtml.num;
import static org.xasdaml.cli.ReportHtml.rel;

/**
 * Section 2 of the run report, the models: one table of test scores (R², MAE, RMSE, interval
 * coverage and width) from the evaluation stages, or from a model archive's own test split when no
 * stage evaluated it; parity plots side by side; loss curves; the model comparisons.
 */
final class ModelsSection {
    private ModelsSection() {
    }

    static void append(Path runDir, List<RunStage> stages, Map<String, RunStage> byName, StringBuilder h) throws IOException {
        h.append("<h2 id=\"models\">2 Models</h2>\n");
        List<RunStage> evals = stages.stream().filter(s -> s.step().equals("evaluate")).toList();
        List<RunStage> trains = stages.stream().filter(s -> s.step().equals("train")).toList();
        if (evals.isEmpty() && trains.isEmpty()) {
            h.append("<p>No model was trained or evaluated in this run.</p>\n");
            return;
        }
        h.append("<p class=\"small\">Scores on the test spectra, which no model saw in training or calibration. Coverage: the "
                + "fraction of test spectra whose true value lies inside the prediction interval (nominal level in brackets); "
                + "width: the mean interval width.</p>\n");
        h.append("<table><tr><th class=\"t\">model</th><th class=\"t\">input</th><th class=\"t\">target</th><th>n</th><th>R²</th>"
                + "<th>MAE</th><th>RMSE</th><th>coverage</th><th>mean width</th><th class=\"t\">evaluation</th></tr>\n");
        List<String[]> parity = new ArrayList<>();
        Set<String> scored = new LinkedHashSet<>();
        for (RunStage e : evals) {
            Map<String, Object> rep = RunFiles.json(e.dir().resolve("report").resolve("report.json"));
            if (rep == null) {
                continue;
            }
            String pred = e.inputStage("predictions");
            RunStage ps = pred == null ? null : byName.get(pred);
            String model = ps == null ? pred : ps.step().equals("train") ? ps.name() : ps.inputStage("model");
            ModelArchiveInfo a = model == null ? null : RunFiles.model(runDir.resolve(model).resolve("model.xasmodel"));
            scored.add(model);
            for (Map.Entry<String, Object> t : rep.entrySet()) {
                if (!(t.getValue() instanceof Map<?, ?> m) || !(m.get("regression") instanceof Map<?, ?> r)) {
                    continue;
                }
                h.append("<tr><td class=\"t\">").append(esc(model + (a != null ? " (" + a.kind() + ")" : ""))).append("</td><td class=\"t\">")
                        .append(a == null ? "" : esc(a.input())).append("</td><td class=\"t\">").append(esc(t.getKey()))
                        .append("</td><td>").append(num(r.get("n"))).append("</td><td>").append(num(r.get("R2"))).append("</td><td>")
                        .append(num(r.get("MAE"))).append("</td><td>").append(num(r.get("RMSE"))).append("</td>");
                Object cov = r.get("interval_coverage");
                if (cov instanceof Number c) {
                    Object lv = r.get("interval_level");
                    double nominal = lv == null ? Double.NaN : Double.parseDouble(lv.toString());
                    boolean near = Double.isNaN(nominal) || Math.abs(c.doubleValue() - nominal) <= 0.05;
                    h.append(near ? "<td class=\"ok\">" : "<td class=\"warn\">").append(String.format(Locale.ROOT, "%.3f", c.doubleValue()))
                            .append(lv != null ? " (" + esc(lv.toString()) + ")" : "").append("</td><td>").append(num(r.get("interval_mean_width")))
                            .append("</td>");
                } else {
                    h.append("<td>–</td><td>–</td>");
                }
                h.append("<td class=\"t\"><a href=\"").append(rel(runDir, e.dir().resolve("report").resolve("report.html")))
                        .append("\">").append(esc(e.name())).append("</a></td></tr>\n");
                Path png = e.dir().resolve("report").resolve(safe(t.getKey()) + "_parity.png");
                if (Files.exists(png)) {
                    parity.add(new String[]{png.toString(), model + ": " + t.getKey()});
                }
            }
        }
        // models trained but not evaluated by a stage: their own test metrics from the archive
        for (RunStage t : trains) {
            if (scored.contains(t.name())) {
                continue;
            }
            ModelArchiveInfo a = RunFiles.model(t.dir().resolve("model.xasmodel"));
            if (a == null || !(a.metrics().get("test") instanceof Map<?, ?> test)) {
                continue;
            }
            for (Map.Entry<?, ?> e : test.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> r) || r.get("R2") == null) {
                    continue;
                }
                h.append("<tr><td class=\"t\">").append(esc(t.name() + " (" + a.kind() + ")")).append("</td><td class=\"t\">")
                        .append(esc(a.input())).append("</td><td class=\"t\">").append(esc(String.valueOf(e.getKey())))
                        .append("</td><td>").append(num(r.get("n"))).append("</td><td>").append(num(r.get("R2"))).append("</td><td>")
                        .append(num(r.get("MAE"))).append("</td><td>").append(num(r.get("RMSE"))).append("</td><td>")
                        .append(r.get("interval_coverage") instanceof Number c ? String.format(Locale.ROOT, "%.3f", c.doubleValue()) : "–")
                        .append("</td><td>").append(num(r.get("interval_mean_width"))).append("</td><td class=\"t\">training's test split</td></tr>\n");
            }
        }
        h.append("</table>\n");
        if (!parity.isEmpty()) {
            h.append("<h3>Parity plots (test spectra)</h3>\n<div class=\"figs\">\n");
            for (String[] p : parity) {
                figure(h, Files.readAllBytes(Path.of(p[0])), p[1], 400);
            }
            h.append("</div>\n");
        }
        List<String[]> loss = new ArrayList<>();
        for (RunStage t : trains) {
            Path png = t.dir().resolve("figures").resolve("training_validation_loss.png");
            if (Files.exists(png)) {
                loss.add(new String[]{png.toString(), t.name() + ": training and validation loss"});
            }
        }
        if (!loss.isEmpty()) {
            h.append("<h3>Loss curves</h3>\n<div class=\"figs\">\n");
            for (String[] p : loss) {
                figure(h, Files.readAllBytes(Path.of(p[0])), p[1], 400);
            }
            h.append("</div>\n");
        }
        for (RunStage c : stages) {
            if (c.step().equals("compare-models") && Files.exists(c.dir().resolve("report").resolve("report.txt"))) {
                h.append("<details><summary>").append(esc(c.name())).append(": comparison on the common test samples</summary><pre>")
                        .append(esc(Files.readString(c.dir().resolve("report").resolve("report.txt")))).append("</pre></details>\n");
            }
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
