package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.FilterStep;
import org.xasdaml.curation.SplitStep;
import org.xasdaml.evaluation.EvaluateStep;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.TrainModelStep;
import org.xasdaml.prediction.PredictMeasuredStep;
import org.xasdaml.prediction.PredictStep;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRunner;

/**
 * The run report of a small real run: filter, split, a Smile forest trained and calibrated, test
 * predictions evaluated, and two "measured" spectra given as two-column files — one like the
 * training spectra, one with its oscillation quadrupled. The report must lead with the answer, flag
 * the far spectrum instead of printing its value plainly, and show a CSV cell with a comma whole.
 */
class RunReportTest {

    /** Normalised μ(E): a smooth unit edge at e0 plus χ(k)·amplitude/k² above it. */
    static double[] mu(double[] k, double[] k2chi, double[] energy, double e0, double amplitude) {
        double[] out = new double[energy.length];
        for (int i = 0; i < energy.length; i++) {
            double de = energy[i] - e0;
            double m = 1 / (1 + Math.exp(-de / 1.5));
            double kk = de > 0 ? Math.sqrt(0.262468 * de) : 0;
            if (kk >= k[0] && kk <= k[k.length - 1]) {
                int j = (int) Math.min(k.length - 2, Math.floor((kk - k[0]) / (k[1] - k[0])));
                double t = (kk - k[j]) / (k[j + 1] - k[j]);
                m += amplitude * ((1 - t) * k2chi[j] + t * k2chi[j + 1]) / (kk * kk);
            }
            out[i] = m;
        }
        return out;
    }

    @Test
    void reportLeadsWithTheAnswerFlagsTheFarSpectrumAndKeepsQuotedCells(@TempDir Path run) throws Exception {
        double e0 = 8979.0;
        double[] energy = new double[160];
        for (int i = 0; i < energy.length; i++) {
            energy[i] = 8940 + 2.5 * i;
        }
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(240, 5).generate();
        double[] k = d.spectra().axis().values();
        double[][] rows = new double[d.spectra().rows()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = mu(k, d.spectra().row(s), energy, e0, 1);
        }
        Axis grid = new Axis("energy", "eV", energy);
        SampleTable muTable = SampleTable.spectra(d.spectra().ids(), "norm", grid, rows);
        TableCodec codec = new TableCodec();
        codec.write(muTable, run.resolve("data/mu"));
        codec.write(d.labels(), run.resolve("data/labels"));

        BasicContext ctx = BasicContext.quiet(run.resolve("work"));
        // filter: CN in [4, 11] excludes some samples, with the rule text "CN_JmolNN in [4, 11]" (a comma) in excluded.csv
        StepRunner.run(new FilterStep(), StepData.empty().with(FilterStep.LABELS, d.labels()).with(FilterStep.DATA, muTable),
                Map.of("labels", run.resolve("data/labels"), "data", run.resolve("data/mu")),
                new FilterStep.Options(List.of("JmolNN"), 4, 11, 2.0, 3.2, List.of()), ctx, run.resolve("filter"));
        SampleTable kept = codec.read(run.resolve("filter/data-kept"));
        SampleTable labels = codec.read(run.resolve("filter/labels-kept"));
        assertTrue(kept.rows() < muTable.rows() && kept.rows() > 100, "filter kept " + kept.rows());
        StepData split = StepRunner.run(new SplitStep(), StepData.empty().with(SplitStep.SAMPLES, kept),
                Map.of("samples", run.resolve("filter/data-kept")), new SplitStep().defaults(), ctx, run.resolve("split"));
        TrainModelStep.Options rf = new TrainModelStep().defaults();
        rf = new TrainModelStep.Options("rf", "regression", List.of("CN_JmolNN", "CR_JmolNN"), rf.hidden(), rf.channels(), rf.kernel(),
                rf.pool(), rf.dense(), rf.dropout(), rf.l2(), rf.learningRate(), rf.batch(), rf.epochs(), rf.patience(), rf.minDelta(),
                rf.ensemble(), 40, 12, 0, 3, 1.0, false, rf.searchTrees(), rf.searchDepths(), rf.searchMtry(), rf.searchNodeSizes(),
                rf.folds(), 42L, 1, 0.9, "auto", 0);
        StepData model = StepRunner.run(new TrainModelStep(), StepData.empty().with(TrainModelStep.FEATURES, kept)
                        .with(TrainModelStep.LABELS, labels).with(TrainModelStep.SPLIT, split.get(SplitStep.SPLIT)),
                Map.of("features", run.resolve("filter/data-kept"), "labels", run.resolve("filter/labels-kept"),
                        "split", run.resolve("split/split")), rf, ctx, run.resolve("forest"));
        StepData pred = StepRunner.run(new PredictStep(), StepData.empty().with(PredictStep.MODEL, model.get(TrainModelStep.MODEL))
                        .with(PredictStep.SPECTRA, split.get(SplitStep.TEST)),
                Map.of("model", run.resolve("forest/model"), "spectra", run.resolve("split/test")), new PredictStep.Options(false, true),
                ctx, run.resolve("predict-test"));
        StepRunner.run(new EvaluateStep(), StepData.empty().with(EvaluateStep.PREDICTIONS, pred.get(PredictStep.PREDICTIONS))
                        .with(EvaluateStep.TRUTH, labels),
                Map.of("predictions", run.resolve("predict-test/predictions"), "truth", run.resolve("filter/labels-kept")),
                new EvaluateStep().defaults(), ctx, run.resolve("evaluate-test"));

        // two measured spectra as two-column text: a training-like one and one with its oscillation quadrupled
        double[] wide = new double[480];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = 8910 + i; // beyond the model's grid on both sides, so the E0 alignment keeps it covered
        }
        double[] like = mu(k, d.spectra().row(0), wide, e0, 1);
        double[] far = mu(k, d.spectra().row(0), wide, e0, 4);
        Path likeFile = run.resolve("inputs/like_training.txt");
        Path farFile = run.resolve("inputs/far_off.txt");
        Files.createDirectories(likeFile.getParent());
        Files.writeString(likeFile, twoColumns(wide, like));
        Files.writeString(farFile, twoColumns(wide, far));
        StepRunner.run(new PredictMeasuredStep(), StepData.empty().with(PredictMeasuredStep.MODEL, model.get(TrainModelStep.MODEL)),
                Map.of("model", run.resolve("forest/model")),
                new PredictMeasuredStep.Options(List.of(likeFile.toString(), farFile.toString()), List.of(), 0, 1, -1, -1, -1, false, e0, false), ctx,
                run.resolve("measured"));
        SampleTable mp = codec.read(run.resolve("measured/predictions"));
        assertEquals(1.0, mp.column("in_domain")[0], "the training-like spectrum is inside: " + mp.column("domain_score")[0]);
        assertEquals(0.0, mp.column("in_domain")[1], "the far spectrum is outside: " + mp.column("domain_score")[1]);

        Path report = RunReport.write(run, "report test", null);
        String html = Files.readString(report);
        String keep = System.getenv("XASDAML_KEEP_REPORT");
        if (keep != null) { // for looking at the page: XASDAML_KEEP_REPORT=/some/file.html
            Files.copy(report, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        int answer = html.indexOf("id=\"answer\"");
        int models = html.indexOf("id=\"models\"");
        int data = html.indexOf("id=\"data\"");
        int how = html.indexOf("id=\"how\"");
        assertTrue(answer > 0 && answer < models && models < data && data < how, "sections in order");
        // the far file's row is flagged, the training-like one has a plain supported value
        String farSection = html.substring(html.indexOf("<h3>far_off.txt</h3>"), html.indexOf("<h2 id=\"models\""));
        assertTrue(farSection.contains("class=\"out\"") && farSection.contains("outside the domain"), farSection);
        String likeSection = html.substring(html.indexOf("<h3>like_training.txt</h3>"), html.indexOf("<h3>far_off.txt</h3>"));
        assertTrue(likeSection.contains("<td class=\"ok\">"), likeSection);
        assertTrue(likeSection.contains("<b>"), "a best-supported value is stated: " + likeSection);
        // the comparison table carries coverage
        String modelSection = html.substring(models, data);
        assertTrue(modelSection.contains("coverage") && modelSection.contains("(0.9)"), modelSection);
        // the excluded samples' rule keeps its comma inside one cell
        assertTrue(Files.readString(run.resolve("filter/excluded.csv")).contains("\"CN_JmolNN"), "the CSV quotes the rule");
        assertTrue(html.matches("(?s).*<td class=\"t\">CN_JmolNN[^<,]*\\[[^<\\]]*, [^<\\]]*\\][^<]*</td>.*"), "rule cell whole");
        System.out.printf(Locale.ROOT, "report %d kB; far domain score %.2f, like %.2f%n", html.length() / 1024,
                mp.column("domain_score")[1], mp.column("domain_score")[0]);

        // the whole page is unchanged for this fixed run, but for what differs from run to run (folder, times, versions,
        // sizes of zipped files) and the figures' pixels (fonts differ between machines): a change to the report is deliberate
        String normal = normalised(html, run);
        String golden = System.getenv("XASDAML_WRITE_REPORT_GOLDEN");
        if (golden != null) { // XASDAML_WRITE_REPORT_GOLDEN=src/test/resources/org/xasdaml/cli/run-report-golden.html
            Files.writeString(Path.of(golden), normal);
        }
        String expected;
        try (java.io.InputStream in = getClass().getResourceAsStream("run-report-golden.html")) {
            expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(expected, normal, "the report of the fixed run changed");
    }

    /** The page without what differs between runs of the same input and between machines. */
    static String normalised(String html, Path run) {
        return html.replace(run.toAbsolutePath().normalize().toString(), "RUN")
                .replaceAll("src=\"data:image/png;base64,[^\"]*\"", "src=\"data:image/png;base64,…\"")
                .replaceAll("(?s)<details><summary>software versions</summary>.*?</details>", "<details>software versions</details>")
                .replaceAll("\\b(\\d+h\\d\\dm|\\d+m\\d\\ds|\\d+s)\\b", "TIME")
                .replaceAll("\\(([\\d,]+) bytes\\)", "(N bytes)");
    }

    @Test
    void csvFieldsFollowRfc4180() {
        List<List<String>> r = ReportHtml.parseCsv("index,rule,x\n1,\"CN in [2, 12]\",3.5\n2,\"say \"\"hi\"\"\",\n", 10);
        assertEquals(List.of("index", "rule", "x"), r.get(0));
        assertEquals(List.of("1", "CN in [2, 12]", "3.5"), r.get(1));
        assertEquals(List.of("2", "say \"hi\"", ""), r.get(2));
        assertEquals("0.1235", ReportHtml.num(0.123456));
        assertEquals("12", ReportHtml.num(12.0));
        assertEquals("−3.5", ReportHtml.num(-3.5));
    }

    static String twoColumns(double[] x, double[] y) {
        StringBuilder sb = new StringBuilder("# energy mu\n");
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f %.8f%n", x[i], y[i]));
        }
        return sb.toString();
    }

}
