package org.xasdaml.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.plot.Chart;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/** A table of several models' scores on the same test samples (paper M12). */
public final class CompareModelsStep implements Step<CompareModelsStep.Options> {

    public static final Port<SampleTable> TRUTH = Port.of("truth", PortTypes.TABLE, "True values (descriptors table)");
    public static final Port<SampleTable> PREDICTIONS_1 = Port.of("predictions1", PortTypes.TABLE, "First model's predictions");
    public static final Port<SampleTable> PREDICTIONS_2 = Port.of("predictions2", PortTypes.TABLE, "Second model's predictions");
    public static final Port<SampleTable> PREDICTIONS_3 = Port.optional("predictions3", PortTypes.TABLE, "Third model's predictions");
    public static final Port<SampleTable> PREDICTIONS_4 = Port.optional("predictions4", PortTypes.TABLE, "Fourth model's predictions");
    public static final Port<Report> REPORT = Port.of("report", Report.TYPE, "The comparison table as text, JSON and HTML");

    /** Parameters of a comparison. */
    public record Options(
            @Param(label = "Target column", columnsOf = "truth", description = "Target column to compare") String target,
            @Param(label = "Model names", description = "Names of the models in port order; empty = the model type stored in each table") List<String> names) {
        public Options {
            if (target.isBlank()) {
                throw new InvalidParameterException("target", "give the target column to compare");
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("compare-models", List.of("model", "compare"), "Compare Models", Category.PREDICTION_ANALYSIS, "M12",
                "Scores several models' predictions of one target on the same samples, side by side.",
                "Only samples present in the truth and in every prediction table are scored, so the rows compare "
                        + "like with like. Writes the table as text, JSON and HTML with a bar chart of R².",
                List.of(TRUTH, PREDICTIONS_1, PREDICTIONS_2, PREDICTIONS_3, PREDICTIONS_4), List.of(REPORT));
    }

    @Override
    public Options defaults() {
        return new Options("CN_JmolNN", List.of());
    }

    @Override
    public StepData run(StepData in, Options o, StepContext ctx) {
        Map<String, SampleTable> preds = new LinkedHashMap<>();
        List<Port<SampleTable>> ports = List.of(PREDICTIONS_1, PREDICTIONS_2, PREDICTIONS_3, PREDICTIONS_4);
        for (int i = 0; i < ports.size(); i++) {
            SampleTable t = in.find(ports.get(i));
            if (t != null) {
                String name = i < o.names().size() ? o.names().get(i) : t.meta().getOrDefault("model", "model") + " #" + (i + 1);
                preds.put(name, t);
            }
        }
        List<ModelComparison.Row> rows = ModelComparison.of(preds, in.get(TRUTH), o.target());
        double[] r2 = rows.stream().mapToDouble(r -> r.metrics().r2()).toArray();
        Figure f = new Chart().title("R² of " + o.target() + " on the common test samples").yLabel("R²", "")
                .bar("R2", rows.stream().map(ModelComparison.Row::model).toList(), r2).render("comparison_r2");
        Report r = new Report("Model comparison: " + o.target(), ModelComparison.text(o.target(), rows),
                ModelComparison.json(o.target(), rows), List.of(f));
        return StepData.empty().with(REPORT, r);
    }
}
