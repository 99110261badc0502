package org.xasdaml.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/** Scores predictions against true values and writes the report with its figures (paper M12). */
public final class EvaluateStep implements Step<EvaluateStep.Options> {

    public static final Port<SampleTable> PREDICTIONS = Port.of("predictions", PortTypes.TABLE,
            "Predictions (from the predict or train step)");
    public static final Port<SampleTable> TRUTH = Port.of("truth", PortTypes.TABLE,
            "True values: the descriptors table (or the predictions table itself, which carries <target>_true after training)");
    public static final Port<SampleTable> SPECTRA = Port.optional("spectra", PortTypes.TABLE,
            "The spectra predicted from, for the per-cluster spectra and the PCA figure");
    public static final Port<Report> REPORT = Port.of("report", Report.TYPE, "The report: text, JSON and HTML");
    public static final Port<FigureSet> FIGURES = Port.of("figures", PortTypes.FIGURES, "The report's figures");

    /** Parameters of evaluation. */
    public record Options(
            @Param(label = "Targets evaluated", columnsOf = "truth", description = "Targets to evaluate; empty = those named in the predictions") List<String> targets,
            @Param(label = "Clusters of the errors", description = "K-means clusters of the absolute differences", min = 1, max = 20) int clusters,
            @Param(label = "Outlier threshold (standard deviations)", description = "Values further than this many standard deviations from their mean are listed as outliers",
                    min = 0.1) double outlierZ,
            @Param(label = "Random seed", description = "Seed of the K-means initialisation") long seed,
            @Param(label = "Spectra drawn per cluster figure", description = "Largest number of spectra drawn per cluster figure", min = 1, advanced = true) int maxSpectra) {
    }

    @Override
    public StepInfo info() {
        return new StepInfo("evaluate", List.of("model", "evaluate"), "Evaluate Predictions", Category.PREDICTION_ANALYSIS,
                "M12", "Scores predictions against the truth and draws the evaluation figures.",
                """
                Regression: MSE, MAE, RMSE, MAPE, explained variance, max error and R² (scikit-learn's definitions). \
                Classification (predictions with class probabilities): accuracy, precision, recall, F1, macro \
                one-vs-rest ROC AUC and the confusion matrix.

                Figures: parity plot with y = x, true and predicted along the samples, residual histogram, box plots \
                of the absolute differences overall and per K-means cluster, each cluster's spectra, and the PCA \
                scores of the spectra coloured by absolute error. The report is written as text, JSON and an HTML page.""",
                List.of(PREDICTIONS, TRUTH, SPECTRA), List.of(REPORT, FIGURES));
    }

    @Override
    public Options defaults() {
        return new Options(List.of(), 3, 2.0, 42L, 50);
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        SampleTable p = in.get(PREDICTIONS);
        List<String> targets = o.targets();
        if (targets.isEmpty()) {
            String t = p.meta().get("targets");
            if (t == null || t.isBlank()) {
                throw new InvalidParameterException("targets", "the predictions do not name their targets; give them");
            }
            targets = List.of(t.split(","));
        }
        Report r = report(p, in.get(TRUTH), in.find(SPECTRA), targets,
                new PredictionEvaluation.Options(o.clusters(), o.outlierZ(), o.seed(), o.maxSpectra()));
        return StepData.empty().with(REPORT, r).with(FIGURES, new FigureSet(r.figures()));
    }

    /** The kernel: one report over several targets. */
    public static Report report(SampleTable predictions, SampleTable truth, SampleTable spectra, List<String> targets,
                                PredictionEvaluation.Options o) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> json = new LinkedHashMap<>();
        List<Figure> figs = new ArrayList<>();
        for (String t : targets) {
            PredictionEvaluation.Result r = PredictionEvaluation.evaluate(predictions, truth, spectra, t, o);
            text.append(PredictionEvaluation.text(r)).append('\n');
            json.put(t, PredictionEvaluation.json(r));
            figs.addAll(r.figures());
        }
        String model = predictions.meta().getOrDefault("model", "model");
        return new Report("Evaluation of " + model + " predictions of " + String.join(", ", targets), text.toString(), json, figs);
    }
}
