package org.xasdaml.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xasdaml.io.Json;
import org.xasdaml.plot.Chart;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Provenance;

import static org.xasdaml.cli.ReportHtml.esc;
import static org.xasdaml.cli.ReportHtml.figure;
import static org.xasdaml.cli.ReportHtml.num;
import static org.xasdaml.cli.ReportHtml.preview;
import static org.xasdaml.cli.ReportHtml.rel;

/**
 * One HTML page for a whole run folder that reads like a short paper: 1 the answer for the measured
 * spectra (every model's value with its calibrated interval and domain flags, the best-supported
 * value, the measured features over the training spectra's envelope), 2 the models (one comparison
 * table with R², MAE and interval coverage, parity plots side by side, loss curves), 3 the data
 * (structures, FEFF, failures, counts after filtering, CN/CR distributions, split sizes), 4 how it
 * was made (versions, parameters, timings, every stage's folder and provenance, collapsed).
 *
 * <p>Stages are found by the step named in their {@code provenance.json} and linked to each other by
 * the input paths recorded there, never by stage names, so any workflow's run folder reports. The
 * figures of sections 1–3 are embedded (PNG as data URIs), so the page opens from disk without
 * network; the per-stage figures of section 4 are linked and loaded lazily, so writing stays fast.
 */
final class RunReport {
    private RunReport() {
    }

    /** A stage folder of the run with its provenance. */
    record Stage(String name, Path dir, Provenance prov, double seconds, boolean reused) {
        String step() {
            return prov.step();
        }

        /** The stage folder name an input port came from, or null. */
        String inputStage(String port) {
            String v = prov.inputs().get(port);
            if (v == null) {
                return null;
            }
            int i = v.indexOf(" sha256:");
            Path p = Path.of(i >= 0 ? v.substring(0, i) : v);
            Path parent = p.getParent();
            return parent == null ? null : parent.getFileName().toString();
        }
    }

    static Path write(Path runDir, String title, List<WorkflowRun.StageResult> results) throws IOException {
        List<Stage> stages = stages(runDir, results);
        Map<String, Stage> byName = new LinkedHashMap<>();
        stages.forEach(s -> byName.put(s.name(), s));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n");
        h.append("<style>body{font-family:sans-serif;margin:1.2em 2em;max-width:1400px;color:#222}"
                + "h1{margin:.2em 0}h2{border-bottom:1px solid #ccc;margin-top:1.4em}"
                + "table{border-collapse:collapse;font-size:13px;margin:.4em 0}td,th{border:1px solid #ddd;padding:2px 6px;"
                + "text-align:right;vertical-align:top}th{background:#f4f4f4}td.t,th.t{text-align:left}"
                + ".figs{display:flex;flex-wrap:wrap;gap:8px}.figs figure{margin:0}.figs img{border:1px solid #ddd}"
                + "figcaption{font-size:12px;max-width:420px}details{margin:.4em 0}"
                + ".out{background:#fde8e8;color:#900}.ok{background:#eaf6ea}.warn{color:#a40}code{background:#f4f4f4}"
                + ".answer{font-size:15px;margin:.3em 0}.answer b{font-size:17px}.small{font-size:12px;color:#555}"
                + ".grid{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"small\">Run folder <code>").append(esc(runDir.toAbsolutePath().normalize().toString()))
                .append("</code>: 1 <a href=\"#answer\">Answer</a> · 2 <a href=\"#models\">Models</a> · 3 <a href=\"#data\">Data</a>"
                        + " · 4 <a href=\"#how\">How it was made</a></p>\n");
        answer(runDir, stages, byName, h);
        models(runDir, stages, byName, h);
        data(runDir, stages, h);
        how(runDir, stages, h);
        h.append("</body></html>\n");
        Path index = runDir.resolve("report.html");
        org.xasdaml.io.AtomicFiles.writeString(index, h.toString());
        return index;
    }

    /** Stage folders in run order (the summary's, else by start time), each with its provenance. */
    static List<Stage> stages(Path runDir, List<WorkflowRun.StageResult> results) throws IOException {
        Map<String, WorkflowRun.StageResult> res = new LinkedHashMap<>();
        if (results != null) {
            results.forEach(r -> res.put(r.stage(), r));
        }
        List<Stage> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String n : res.keySet()) {
            Path prov = runDir.resolve(n).resolve("provenance.json");
            if (Files.exists(prov)) {
                Provenance p = Provenance.read(prov);
                WorkflowRun.StageResult r = res.get(n);
                out.add(new Stage(n, runDir.resolve(n), p, r.seconds(), r.reused()));
                seen.add(n);
            }
        }
        List<Stage> rest = new ArrayList<>();
        try (Stream<Path> s = Files.list(runDir)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                Path prov = d.resolve("provenance.json");
                String n = d.getFileName().toString();
                if (!seen.contains(n) && Files.exists(prov)) {
                    Provenance p = Provenance.read(prov);
                    rest.add(new Stage(n, d, p, seconds(p), false));
                }
            }
        }
        rest.sort((a, b) -> a.prov().started().compareTo(b.prov().started()));
        out.addAll(rest);
        return out;
    }

    private static double seconds(Provenance p) {
        return (p.finished().toEpochMilli() - p.started().toEpochMilli()) / 1000.0;
    }

    // ------------------------------------------------------------------ 1 Answer

    /** One model's prediction for one measured spectrum and target. */
    record Value(String model, String input, String target, double v, double sd, double lo, double hi, boolean hasInterval,
                 boolean inRange, boolean inDomain, double domainScore, boolean calibrated) {
        boolean supported() {
            return calibrated && hasInterval && inRange && inDomain && Double.isFinite(v);
        }
    }

    private static void answer(Path runDir, List<Stage> stages, Map<String, Stage> byName, StringBuilder h) throws IOException {
        h.append("<h2 id=\"answer\">1 Answer: the measured spectra</h2>\n");
        List<Stage> measured = stages.stream().filter(s -> s.step().equals("predict-measured")).toList();
        if (measured.isEmpty()) {
            h.append("<p>This run predicted no measured spectrum (no <code>predict-measured</code> stage).</p>\n");
            return;
        }
        // source file -> target -> values; and per input quantity the measured spectra for the envelope figure
        Map<String, Map<String, List<Value>>> bySource = new LinkedHashMap<>();
        Map<String, Envelope> envelopes = new LinkedHashMap<>();
        Set<String> targets = new LinkedHashSet<>();
        String level = null;
        for (Stage s : measured) {
            SampleTable p = readTable(s.dir().resolve("predictions"));
            if (p == null) {
                continue;
            }
            String modelStage = s.inputStage("model");
            ModelInfo archive = modelStage == null ? null : readModel(runDir.resolve(modelStage).resolve("model.xasmodel"));
            String modelName = (modelStage != null ? modelStage : s.name()) + (archive != null ? " (" + archive.kind() + ")" : "");
            String input = archive == null ? "" : inputName(archive);
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
            SampleTable spectra = readTable(s.dir().resolve("spectra"));
            if (spectra != null && spectra.axis() != null && archive != null) {
                String key = spectra.meta().getOrDefault("quantity", "") + " " + spectra.axis();
                Envelope e = envelopes.get(key);
                if (e == null) {
                    e = Envelope.of(runDir, byName, byName.get(modelStage), archive, spectra);
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
                .append("prediction interval, calibrated on the held-out validation spectra (split-conformal). A value is "
                        + "<span class=\"out\">&nbsp;flagged&nbsp;</span> and not used when the spectrum's features lie outside "
                        + "the training domain (domain score &gt; 1; 95 % of validation spectra score ≤ 1) or the value lies outside "
                        + "the training labels' range; it is then an extrapolation, not a measurement. The best-supported value is "
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
            for (Envelope e : envelopes.values()) {
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

    /** The measured spectra over the pointwise range of the training spectra. */
    record Envelope(String quantity, double[] x, String xName, String xUnit, double[] min, double[] p05, double[] p95,
                    double[] max, int n, Map<String, double[]> measured) {

        static Envelope of(Path runDir, Map<String, Stage> byName, Stage train, ModelInfo archive, SampleTable spectra)
                throws IOException {
            SampleTable raw = null;
            if (train != null) {
                // the training spectra before the transform: the features table of the stage that made the transform
                String t = train.inputStage("transform");
                Stage std = t == null ? null : byName.get(t);
                String f = std != null ? std.inputStage("features") : train.inputStage("features");
                Stage src = f == null ? null : byName.get(f);
                if (src != null) {
                    String port = std != null ? portFile(std, "features") : portFile(train, "features");
                    raw = port == null ? null : readTable(src.dir().resolve(port));
                }
            }
            if (raw == null || raw.axis() == null || !raw.axis().sameGrid(spectra.axis(), 1e-9)) {
                return null;
            }
            int m = raw.numericColumns();
            double[] min = new double[m];
            double[] max = new double[m];
            double[] p05 = new double[m];
            double[] p95 = new double[m];
            double[][] x = raw.matrix();
            for (int j = 0; j < m; j++) {
                double[] c = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    c[i] = x[i][j];
                }
                Arrays.sort(c);
                min[j] = c[0];
                max[j] = c[c.length - 1];
                p05[j] = Chart.percentile(c, 5);
                p95[j] = Chart.percentile(c, 95);
            }
            String q = spectra.meta().getOrDefault("quantity", "spectrum");
            q = switch (q) {
                case "mu", "norm", "flat", "mu_norm" -> "normalised μ(E)";
                case "chi" -> "k-weighted χ(k)"; // the recipe's kⁿ·χ(k)
                case "chi_k" -> "χ(k)";
                case "chir", "chi_r" -> "|χ(R)|";
                case "chi-chir" -> "k-weighted χ(k), then |χ(R)|";
                case "chi_k1" -> "k·χ(k)";
                case "chi_k2" -> "k²·χ(k)";
                case "chi_k3" -> "k³·χ(k)";
                default -> q;
            };
            return new Envelope(q, spectra.axis().values(), spectra.axis().name(),
                    spectra.axis().unit(), min, p05, p95, max, x.length, new LinkedHashMap<>());
        }

        Chart chart() {
            Color grey = new Color(150, 150, 150);
            Color light = new Color(190, 190, 190);
            Chart c = new Chart().size(760, 440).title("Measured " + quantity + " over the " + n + " simulated spectra")
                    .xLabel(xName, xUnit).yLabel(quantity, "");
            c.line("training min", x, min, light, 1f, true);
            c.line("training 5 %", x, p05, grey, 1.5f, false);
            c.line("training 95 %", x, p95, grey, 1.5f, false);
            c.line("training max", x, max, light, 1f, true);
            Color[] cols = {new Color(200, 30, 30), new Color(30, 90, 200), new Color(20, 140, 60), new Color(160, 60, 170)};
            int k = 0;
            for (Map.Entry<String, double[]> e : measured.entrySet()) {
                c.line(e.getKey(), x, e.getValue(), cols[k++ % cols.length], 2.2f, false);
            }
            return c;
        }

        String caption() {
            return "The measured spectra as the models see them (normalised, aligned, on the models' " + xName + " grid) over the "
                    + "training spectra: grey the 5th and 95th percentile at each point, dashed the minimum and maximum.";
        }
    }

    /** The file base of the output port a stage's input came from (e.g. "data-kept"). */
    private static String portFile(Stage s, String port) {
        String v = s.prov().inputs().get(port);
        if (v == null) {
            return null;
        }
        int i = v.indexOf(" sha256:");
        return Path.of(i >= 0 ? v.substring(0, i) : v).getFileName().toString();
    }

    private static String inputName(ModelInfo a) {
        return a.input();
    }

    /**
     * What the report needs of a model archive, read from its JSON entries only: loading the
     * networks themselves would start the native BLAS and cost seconds per model.
     *
     * @param kind       mlp, cnn or rf
     * @param input      the input grid and transform in words
     * @param calibrated whether the archive holds a calibration (intervals, domain score)
     * @param metrics    validation and test metrics stored at training
     */
    record ModelInfo(String kind, String input, boolean calibrated, Map<String, Object> metrics) {
        @SuppressWarnings("unchecked")
        static ModelInfo read(Path file) throws IOException {
            Map<String, Object> h = null;
            boolean cal = false;
            try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
                for (java.util.zip.ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    if (e.getName().equals("archive.json")) {
                        h = Json.parseObject(new String(z.readAllBytes(), StandardCharsets.UTF_8));
                    } else if (e.getName().equals("calibration.json")) {
                        cal = true;
                    }
                }
            }
            if (h == null) {
                throw new IOException(file + " has no archive.json");
            }
            String input;
            if (h.get("input_grid") instanceof Map<?, ?> g && g.get("values") instanceof List<?> v && !v.isEmpty()) {
                input = g.get("name") + " " + num(v.get(0)) + "–" + num(v.get(v.size() - 1)) + " " + g.get("unit");
            } else {
                input = (h.get("input_columns") instanceof List<?> c ? c.size() : 0) + " columns";
            }
            if (h.get("transform") instanceof Map<?, ?> t && t.get("pca") instanceof Map<?, ?> p
                    && p.get("components") instanceof List<?> comps) {
                input += ", PCA " + comps.size();
            }
            Object m = h.get("metrics");
            return new ModelInfo(String.valueOf(h.get("kind")), input, cal,
                    m instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of());
        }
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

    // ------------------------------------------------------------------ 2 Models

    private static void models(Path runDir, List<Stage> stages, Map<String, Stage> byName, StringBuilder h) throws IOException {
        h.append("<h2 id=\"models\">2 Models</h2>\n");
        List<Stage> evals = stages.stream().filter(s -> s.step().equals("evaluate")).toList();
        List<Stage> trains = stages.stream().filter(s -> s.step().equals("train")).toList();
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
        for (Stage e : evals) {
            Map<String, Object> rep = readJson(e.dir().resolve("report").resolve("report.json"));
            if (rep == null) {
                continue;
            }
            String pred = e.inputStage("predictions");
            Stage ps = pred == null ? null : byName.get(pred);
            String model = ps == null ? pred : ps.step().equals("train") ? ps.name() : ps.inputStage("model");
            ModelInfo a = model == null ? null : readModel(runDir.resolve(model).resolve("model.xasmodel"));
            scored.add(model);
            for (Map.Entry<String, Object> t : rep.entrySet()) {
                if (!(t.getValue() instanceof Map<?, ?> m) || !(m.get("regression") instanceof Map<?, ?> r)) {
                    continue;
                }
                h.append("<tr><td class=\"t\">").append(esc(model + (a != null ? " (" + a.kind() + ")" : ""))).append("</td><td class=\"t\">")
                        .append(a == null ? "" : esc(inputName(a))).append("</td><td class=\"t\">").append(esc(t.getKey()))
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
        for (Stage t : trains) {
            if (scored.contains(t.name())) {
                continue;
            }
            ModelInfo a = readModel(t.dir().resolve("model.xasmodel"));
            if (a == null || !(a.metrics().get("test") instanceof Map<?, ?> test)) {
                continue;
            }
            for (Map.Entry<?, ?> e : test.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> r) || r.get("R2") == null) {
                    continue;
                }
                h.append("<tr><td class=\"t\">").append(esc(t.name() + " (" + a.kind() + ")")).append("</td><td class=\"t\">")
                        .append(esc(inputName(a))).append("</td><td class=\"t\">").append(esc(String.valueOf(e.getKey())))
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
        for (Stage t : trains) {
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
        for (Stage c : stages) {
            if (c.step().equals("compare-models") && Files.exists(c.dir().resolve("report").resolve("report.txt"))) {
                h.append("<details><summary>").append(esc(c.name())).append(": comparison on the common test samples</summary><pre>")
                        .append(esc(Files.readString(c.dir().resolve("report").resolve("report.txt")))).append("</pre></details>\n");
            }
        }
    }

    // ------------------------------------------------------------------ 3 Data

    private static void data(Path runDir, List<Stage> stages, StringBuilder h) throws IOException {
        h.append("<h2 id=\"data\">3 Data</h2>\n");
        h.append("<table><tr><th class=\"t\">stage</th><th class=\"t\">step</th><th class=\"t\">settings</th><th>failed samples</th>"
                + "<th class=\"t\">outputs</th></tr>\n");
        Set<String> dataSteps = Set.of("read-structures", "feff", "descriptors", "reconcile", "filter", "split", "augment");
        for (Stage s : stages) {
            if (!dataSteps.contains(s.step())) {
                continue;
            }
            h.append("<tr><td class=\"t\"><a href=\"").append(rel(runDir, s.dir())).append("/\">").append(esc(s.name()))
                    .append("</a></td><td class=\"t\">").append(esc(s.step())).append("</td><td class=\"t\">")
                    .append(esc(settings(s))).append("</td><td>").append(s.prov().failures().size()).append("</td><td class=\"t\">")
                    .append(esc(outputCounts(s))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (Stage s : stages) {
            if (s.prov().failures().isEmpty() || !dataSteps.contains(s.step())) {
                continue;
            }
            h.append("<details class=\"warn\"><summary>").append(esc(s.name())).append(": ").append(s.prov().failures().size())
                    .append(" failed sample(s)</summary><ul>");
            s.prov().failures().stream().limit(30).forEach(f -> h.append("<li>").append(esc(f.toString())).append("</li>"));
            h.append("</ul></details>\n");
        }
        // split sizes
        for (Stage s : stages) {
            if (!s.step().equals("split")) {
                continue;
            }
            SampleTable sp = readTable(s.dir().resolve("split"));
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
        for (Stage s : stages) {
            if (s.step().equals("filter") && labels == null) {
                labels = readTable(s.dir().resolve("labels-kept"));
                from = s.name() + " (labels kept)";
                for (String m : s.prov().parameters().getOrDefault("methods", "").split(",")) {
                    if (!m.isBlank()) {
                        shown.add("CN_" + m.strip());
                        shown.add("CR_" + m.strip());
                    }
                }
            }
        }
        for (Stage s : stages) { // the models' targets
            if (s.step().equals("train")) {
                for (String t : s.prov().parameters().getOrDefault("targets", "").split(",")) {
                    if (!t.isBlank()) {
                        shown.add(t.strip());
                    }
                }
            }
        }
        if (labels == null) {
            for (Stage s : stages) {
                if (s.step().equals("descriptors") && labels == null) {
                    labels = readTable(s.dir().resolve("descriptors"));
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
    private static String settings(Stage s) {
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
    private static String outputCounts(Stage s) throws IOException {
        List<String> out = new ArrayList<>();
        Map<String, Object> st = s.step().equals("read-structures") ? readJson(s.dir().resolve("structures.json")) : null;
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
                    SampleTable t = readTable(p);
                    if (t != null) {
                        out.add(n.substring(0, n.length() - 4) + " " + t.rows());
                    }
                }
            }
        }
        return String.join(", ", out);
    }

    // ------------------------------------------------------------------ 4 How it was made

    private static void how(Path runDir, List<Stage> stages, StringBuilder h) throws IOException {
        h.append("<h2 id=\"how\">4 How it was made</h2>\n");
        Map<String, String> software = new TreeMap<>();
        for (Stage s : stages) {
            software.putAll(s.prov().software());
        }
        h.append("<details><summary>software versions</summary><table>");
        software.forEach((k, v) -> h.append("<tr><th class=\"t\">").append(esc(k)).append("</th><td class=\"t\">").append(esc(v))
                .append("</td></tr>"));
        h.append("</table></details>\n");
        double total = stages.stream().mapToDouble(Stage::seconds).sum();
        h.append("<details><summary>timings: ").append(stages.size()).append(" stages, ").append(ParallelSamples.duration(total))
                .append(" in all</summary><table><tr><th class=\"t\">stage</th><th class=\"t\">step</th><th>time</th>"
                        + "<th>failed samples</th><th>warnings</th></tr>\n");
        for (Stage s : stages) {
            h.append("<tr><td class=\"t\"><a href=\"#stage-").append(esc(s.name())).append("\">").append(esc(s.name()))
                    .append("</a></td><td class=\"t\">").append(esc(s.step())).append("</td><td>")
                    .append(ParallelSamples.duration(s.seconds())).append(s.reused() ? " (earlier run)" : "").append("</td><td>")
                    .append(s.prov().failures().size()).append("</td><td>").append(s.prov().warnings().size()).append("</td></tr>\n");
        }
        h.append("</table></details>\n");
        for (Stage s : stages) {
            stage(runDir, s, h);
        }
    }

    private static void stage(Path runDir, Stage s, StringBuilder h) throws IOException {
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

    // ------------------------------------------------------------------ helpers

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

    private static SampleTable readTable(Path base) {
        try {
            TableCodec c = new TableCodec();
            return c.exists(base) ? c.read(base) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ModelInfo readModel(Path f) {
        try {
            return Files.exists(f) ? ModelInfo.read(f) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> readJson(Path f) {
        try {
            return Files.exists(f) ? Json.parseObject(Files.readString(f)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
