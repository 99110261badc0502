package org.xasdaml.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.FeaturesStep;
import org.xasdaml.io.Json;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.TrainModelStep;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRunner;

/**
 * Every stage that builds or applies a feature recipe names it in its provenance.json: the
 * features stage that declares it, the training stage that stores it in the archive, and the
 * predict and predict-measured stages that apply it; each equals the archive's recipe.
 */
class RecipeProvenanceTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static FeatureRecipe recipeIn(Path stage) throws Exception {
        Map<String, Object> prov = Json.parseObject(Files.readString(stage.resolve(StepRunner.PROVENANCE)));
        Map<String, Object> records = (Map<String, Object>) prov.get("records");
        assertNotNull(records, "records in " + stage);
        Object r = records.get(FeatureRecipe.PROVENANCE_KEY);
        assertNotNull(r, "feature recipe in the provenance of " + stage + ": " + records.keySet());
        return FeatureRecipe.fromMap((Map<String, Object>) r);
    }

    @Test
    void featuresTrainPredictAndPredictMeasuredRecordTheArchivesRecipe() throws Exception {
        SyntheticSpectra.Dataset d = RecipePredictTest.data();
        FeaturesStep features = new FeaturesStep();
        FeaturesStep.Options fo = RecipePredictTest.options(Map.of("quantity", "chir", "variants", "1", "noise", "0.001"));
        StepData f = StepRunner.run(features, StepData.empty().with(FeaturesStep.CHI, RecipePredictTest.chi(d.spectra()))
                .with(FeaturesStep.LABELS, d.labels()).with(FeaturesStep.SPLIT, d.split()), Map.of(), fo,
                BasicContext.quiet(dir.resolve("w1")), dir.resolve("features"));
        FeatureRecipe declared = fo.recipe();
        assertEquals(declared, recipeIn(dir.resolve("features")), "features stage");

        TrainModelStep train = new TrainModelStep();
        TrainModelStep.Options to = train.parameters().fromText(Map.of("model", "rf", "targets", SyntheticSpectra.CN, "trees", "10"));
        StepRunner.run(train, StepData.empty().with(TrainModelStep.FEATURES, f.get(FeaturesStep.FEATURES))
                .with(TrainModelStep.LABELS, f.get(FeaturesStep.LABELS_OUT)).with(TrainModelStep.SPLIT, f.get(FeaturesStep.SPLIT_OUT)),
                Map.of(), to, BasicContext.quiet(dir.resolve("w2")), dir.resolve("train"));
        ModelArchive model = StepRunner.load(TrainModelStep.MODEL, dir.resolve("train"));
        FeatureRecipe archived = model.recipe();
        assertEquals(declared, archived, "the archive keeps the declared recipe");
        assertEquals(archived, recipeIn(dir.resolve("train")), "training stage");

        PredictStep predict = new PredictStep();
        SampleTable feats = f.get(FeaturesStep.FEATURES);
        StepRunner.run(predict, StepData.empty().with(PredictStep.MODEL, model).with(PredictStep.SPECTRA, feats), Map.of(),
                predict.defaults(), BasicContext.quiet(dir.resolve("w3")), dir.resolve("predict"));
        assertEquals(archived, recipeIn(dir.resolve("predict")), "predict stage");

        Path foil = dir.resolve("cu_metal_rt.xdi");
        try (var in = RecipePredictTest.class.getResourceAsStream("cu_metal_rt.xdi")) {
            Files.copy(in, foil);
        }
        PredictMeasuredStep pm = new PredictMeasuredStep();
        StepRunner.run(pm, StepData.empty().with(PredictMeasuredStep.MODEL, model), Map.of(),
                pm.parameters().fromText(Map.of("files", foil.toString())), BasicContext.quiet(dir.resolve("w4")),
                dir.resolve("measured"));
        assertEquals(archived, recipeIn(dir.resolve("measured")), "predict-measured stage");
    }
}
