package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.xasdaml.cli.ReportHtml.esc;

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
 *
 * <p>This class lays out the page; each section is its own class ({@link AnswerSection},
 * {@link ModelsSection}, {@link DataSection}, {@link ProvenanceSection}), reading the run through
 * {@link RunStage} and {@link RunFiles}.
 */
final class RunReport {
    private RunReport() {
    }

    static Path write(Path runDir, String title, List<WorkflowRun.StageResult> results) throws IOException {
        List<RunStage> stages = RunStage.all(runDir, results);
        Map<String, RunStage> byName = new LinkedHashMap<>();
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
        AnswerSection.append(runDir, stages, byName, h);
        ModelsSection.append(runDir, stages, byName, h);
        DataSection.append(runDir, stages, h);
        ProvenanceSection.append(runDir, stages, h);
        h.append("</body></html>\n");
        Path index = runDir.resolve("report.html");
        org.xasdaml.io.AtomicFiles.writeString(index, h.toString());
        return index;
    }
}
