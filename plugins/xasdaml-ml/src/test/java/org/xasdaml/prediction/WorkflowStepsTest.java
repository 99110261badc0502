package org.xasdaml.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.evaluation.CompareModelsStep;
import org.xasdaml.evaluation.EvaluateStep;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.ModelPorts;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.TrainModelStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRegistry;
import org.xasdaml.workflow.StepRunner;

/** train → predict → evaluate → compare through the step framework, with files on disk. */
class WorkflowStepsTest {

    @Test
    void trainPredictEvaluateCompare(@TempDir Path dir) throws Exception {
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(160, 9).generate();
        StepData in = StepData.empty().with(TrainModelStep.FEATURES, d.spectra()).with(TrainModelStep.LABELS, d.labels())
                .with(TrainModelStep.SPLIT, d.split());
        TrainModelStep train = new TrainModelStep();
        TrainModelStep.Options rf = new TrainModelStep.Options("rf", "regression", List.of("CN_JmolNN", "CR_JmolNN"),
                List.of("16"), List.of("4"), 3, 2, List.of("8"), 0, 1e-4, 1e-3, 32, 5, 2, 0, 1, 30, 10, 0, 5, 1.0, true,
                List.of("10", "30"), List.of("10"), List.of("0"), List.of("5"), 3, 42L, 1, 0.9, "auto", 0);
        BasicContext ctx = BasicContext.quiet(dir.resolve("work"));
        StepData rfOut = StepRunner.run(train, in, Map.of(), rf, ctx, dir.resolve("rf"));
        assertTrue(Files.isRegularFile(dir.resolve("rf/model.xasmodel")));
        assertTrue(Files.isRegularFile(dir.resolve("rf/provenance.json")));
        ModelArchive model = StepRunner.load(TrainModelStep.MODEL, dir.resolve("rf"));
        assertEquals(List.of("CN_JmolNN", "CR_JmolNN"), model.targets());
        assertTrue(((Map<?, ?>) model.provenance()).containsKey("forest_search"));

        TrainModelStep.Options mlp = new TrainModelStep.Options("mlp", "regression", List.of("CN_JmolNN"),
                List.of("32", "16"), List.of("4"), 3, 2, List.of("8"), 0, 1e-4, 3e-3, 32, 6, 3, 0, 1, 30, 10, 0, 5, 1.0, false,
                List.of(), List.of(), List.of(), List.of(), 3, 42L, 1, 0.9, "auto", 0);
        StepData mlpOut = StepRunner.run(train, in, Map.of(), mlp, ctx, dir.resolve("mlp"));
        assertTrue(Files.isRegularFile(dir.resolve("mlp/figures/training_validation_loss.png")));
        assertTrue(Files.readString(dir.resolve("mlp/curves.csv")).startsWith("index,train_loss,valid_loss"));

        // predict: spectra on the model's grid, on a finer grid (interpolated), and one that stops short (refused)
        SyntheticSpectra fine = new SyntheticSpectra(6, 1.5, 12.5, 0.025, 0.02, 5);
        SampleTable fineSpectra = fine.generate().spectra();
        Axis shortAxis = new Axis("k", "Å⁻¹", new double[]{2.0, 5.0, 8.0});
        SampleTable shortSpectrum = SampleTable.spectra(List.of(new SampleId(99, 0)), "chi_k2", shortAxis,
                new double[][]{{0.1, 0.2, 0.3}});
        PredictStep predict = new PredictStep();
        BasicContext pctx = BasicContext.quiet(dir.resolve("work2"));
        StepData po = StepRunner.run(predict, StepData.empty().with(PredictStep.MODEL, model).with(PredictStep.SPECTRA, fineSpectra),
                Map.of(), new PredictStep.Options(true, true), pctx, dir.resolve("pred"));
        SampleTable p = po.get(PredictStep.PREDICTIONS);
        assertEquals(6, p.rows());
        for (double v : p.column("CN_JmolNN")) {
            assertEquals(Math.rint(v), v, 0.0, "rounded CN");
        }
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PredictStep.predict(model, shortSpectrum, new PredictStep.Options(false, true), pctx));
        assertTrue(refused.getMessage().contains("no spectrum covers"), refused.getMessage());
        assertTrue(pctx.failures().get(0).toString().contains("99:0"), pctx.failures().toString());
        IllegalArgumentException strict = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PredictStep.predict(model, fineSpectra, new PredictStep.Options(false, false), pctx));
        assertTrue(strict.getMessage().contains("refusing"), strict.getMessage());

        // evaluate the test predictions of the training step, with the spectra
        StepData eo = StepRunner.run(new EvaluateStep(), StepData.empty().with(EvaluateStep.PREDICTIONS, rfOut.get(TrainModelStep.PREDICTIONS))
                .with(EvaluateStep.TRUTH, d.labels()).with(EvaluateStep.SPECTRA, d.spectra()), Map.of(),
                new EvaluateStep().defaults(), BasicContext.quiet(dir.resolve("w3")), dir.resolve("eval"));
        String html = Files.readString(dir.resolve("eval/report/report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
        String text = Files.readString(dir.resolve("eval/report/report.txt"));
        assertTrue(text.contains("R2") && text.contains("CR_JmolNN"), text);
        assertTrue(Files.isRegularFile(dir.resolve("eval/report/CN_JmolNN_pca_absolute_difference.png")));
        assertTrue(Files.isRegularFile(dir.resolve("eval/report/CN_JmolNN_cluster_1_spectra.png")));

        StepData co = StepRunner.run(new CompareModelsStep(), StepData.empty().with(CompareModelsStep.TRUTH, d.labels())
                        .with(CompareModelsStep.PREDICTIONS_1, rfOut.get(TrainModelStep.PREDICTIONS))
                        .with(CompareModelsStep.PREDICTIONS_2, mlpOut.get(TrainModelStep.PREDICTIONS)), Map.of(),
                new CompareModelsStep.Options("CN_JmolNN", List.of("rf", "mlp")), BasicContext.quiet(dir.resolve("w4")),
                dir.resolve("cmp"));
        String cmp = Files.readString(dir.resolve("cmp/report/report.txt"));
        assertTrue(cmp.contains("rf") && cmp.contains("mlp"), cmp);
    }

    @Test
    void optionsRoundTripThroughText() {
        for (org.xasdaml.workflow.Step<?> s : StepRegistry.load(WorkflowStepsTest.class.getClassLoader()).steps()) {
            if (s.getClass().getPackageName().startsWith("org.xasdaml.model") || s.getClass().getPackageName().startsWith(
                    "org.xasdaml.prediction") || s.getClass().getPackageName().startsWith("org.xasdaml.evaluation")) {
                roundTrip(s);
            }
        }
        TrainModelStep t = new TrainModelStep();
        Map<String, String> text = new java.util.HashMap<>(t.parameters().toText(t.defaults()));
        text.put("hidden", "64,x");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.parameters().fromText(text));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    private static <P extends Record> void roundTrip(org.xasdaml.workflow.Step<P> s) {
        P d = s.defaults();
        assertEquals(d, s.parameters().fromText(s.parameters().toText(d)), s.info().id());
    }

    @Test
    void stepsAreRegistered() {
        List<String> ids = new ArrayList<>();
        StepRegistry.load(WorkflowStepsTest.class.getClassLoader()).steps().forEach(s -> ids.add(s.info().id()));
        assertTrue(ids.containsAll(List.of("train", "predict", "evaluate", "compare-models")), ids.toString());
        assertEquals("model", ModelPorts.MODEL.id());
    }
}
