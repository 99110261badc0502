package org.xasdaml.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.recipe.FeatureRecipe;
import org.xasdaml.curation.recipe.FeaturesStep;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.ModelTraining;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.NetworkTrainer;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.Task;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.StepData;
import org.xasdaml.xafs.io.XdiReader;

/**
 * Models trained on χ(k) and |χ(R)| features made by a recipe predict the measured Cu foil
 * through predict-measured, which applies the archive's recipe; the foil's features equal those
 * the features step makes of the same spectrum (one implementation); augmented variants keep
 * their source sample's set.
 */
class RecipePredictTest {

    @TempDir
    Path dir;

    /** Synthetic χ(k) (k²χ divided by k²) on 0.05..16 Å⁻¹, as FEFF's chi.dat would give. */
    static SyntheticSpectra.Dataset data() {
        return new SyntheticSpectra(80, 0.05, 16, 0.05, 0.0, 5).generate();
    }

    static SampleTable chi(SampleTable k2chi) {
        double[] k = k2chi.axis().values();
        double[][] rows = new double[k2chi.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = k2chi.row(i);
            for (int j = 0; j < k.length; j++) {
                rows[i][j] /= k[j] * k[j];
            }
        }
        return SampleTable.spectra(k2chi.ids(), "chi", k2chi.axis(), rows);
    }

    static FeaturesStep.Options options(Map<String, String> changes) {
        FeaturesStep s = new FeaturesStep();
        return ParameterSet.of(s.defaults()).fromText(s.defaults(), changes);
    }

    Path foil() throws Exception {
        Path xdi = dir.resolve("cu_metal_rt.xdi");
        if (!Files.exists(xdi)) {
            try (var in = getClass().getResourceAsStream("cu_metal_rt.xdi")) {
                Files.copy(in, xdi);
            }
        }
        return xdi;
    }

    ModelArchive train(SampleTable features, SampleTable labels, SampleTable split) {
        return ModelTraining.train(features, labels, split, null, new ModelTraining.Spec(ModelKind.RF, Task.REGRESSION,
                List.of(SyntheticSpectra.CN), NetworkOptions.defaults(1), ForestOptions.defaults(1).withTrees(10), null, 1, 1),
                NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
    }

    @Test
    void chiAndChirModelsPredictTheFoilByTheirRecipe() throws Exception {
        SyntheticSpectra.Dataset d = data();
        for (String quantity : List.of("chi", "chir")) {
            Map<String, String> ch = new HashMap<>(Map.of("quantity", quantity, "variants", "2", "noise", "0.001"));
            FeaturesStep step = new FeaturesStep();
            StepData f = step.run(StepData.empty().with(FeaturesStep.CHI, chi(d.spectra())).with(FeaturesStep.LABELS, d.labels())
                    .with(FeaturesStep.SPLIT, d.split()), options(ch), BasicContext.quiet(dir.resolve("f-" + quantity)));
            SampleTable feats = f.get(FeaturesStep.FEATURES);
            SampleTable split = f.get(FeaturesStep.SPLIT_OUT);
            // train and valid samples get 2 variants beside the original, test samples stay single
            int test = (int) java.util.Arrays.stream(d.split().text("set")).filter("test"::equals).count();
            assertEquals(3 * (d.split().rows() - test) + test, feats.rows());
            Map<String, String> setOfSource = new HashMap<>();
            for (int i = 0; i < d.split().rows(); i++) {
                setOfSource.put(d.split().ids().get(i).toString(), d.split().text("set")[i]);
            }
            for (int i = 0; i < split.rows(); i++) {
                assertEquals(setOfSource.get(split.text("source_sample")[i]), split.text("set")[i], "variant in its source's set");
            }
            ModelArchive model = train(feats, f.get(FeaturesStep.LABELS_OUT), split);
            Path file = dir.resolve(quantity + ".xasmodel");
            model.write(file);
            ModelArchive back = ModelArchive.read(file);
            FeatureRecipe recipe = back.recipe();
            assertNotNull(recipe, "the recipe travels in the archive");
            assertEquals(options(ch).recipe(), recipe);

            PredictMeasuredStep pm = new PredictMeasuredStep();
            StepData out = pm.run(StepData.empty().with(PredictMeasuredStep.MODEL, back),
                    ParameterSet.of(pm.defaults()).fromText(pm.defaults(), Map.of("files", foil().toString())),
                    BasicContext.quiet(dir.resolve("p-" + quantity)));
            SampleTable spectra = out.get(PredictMeasuredStep.SPECTRA);
            SampleTable pred = out.get(PredictMeasuredStep.PREDICTIONS);
            assertTrue(spectra.axis().sameGrid(back.inputGrid(), 1e-12));
            assertEquals("cu_metal_rt.xdi", pred.text(0, "source"));
            assertEquals(8980.5, pred.column("e0")[0], 0.1, "Larch's E0 of the foil");
            assertEquals(2.837, pred.column("edge_step")[0], 0.01);
            assertTrue(Double.isFinite(pred.column(SyntheticSpectra.CN)[0]));
            assertEquals(recipe, FeatureRecipe.fromJson(pred.meta().get(FeatureRecipe.META_KEY)), "recipe with the predictions");

            // the same measured spectrum through the features step (training path, measured) gives the same features
            XdiReader.XdiFile x = XdiReader.read(foil());
            double[] e = x.muSpectrum().energy();
            SampleTable mu = SampleTable.spectra(List.of(new SampleId(0, 0)), "mu", new Axis("energy", "eV", e),
                    new double[][] {x.muSpectrum().mu()});
            Map<String, String> measured = new HashMap<>(ch);
            measured.put("input", "mu");
            measured.put("simulated", "false");
            measured.put("variants", "0");
            SampleTable viaFeatures = new FeaturesStep().run(StepData.empty().with(FeaturesStep.MU, mu), options(measured),
                    BasicContext.quiet(dir.resolve("m-" + quantity))).get(FeaturesStep.FEATURES);
            assertArrayEquals(viaFeatures.row(0), spectra.row(0), 0.0, "identical features by both paths");
        }
    }

    @Test
    void wrongQuantityIsRefused() {
        SyntheticSpectra.Dataset d = data();
        SampleTable asMu = SampleTable.spectra(d.spectra().ids(), "mu", new Axis("energy", "eV", d.spectra().axis().values()),
                d.spectra().matrix());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeaturesStep().run(
                StepData.empty().with(FeaturesStep.CHI, asMu), options(Map.of()), BasicContext.quiet(dir)));
        assertTrue(e.getMessage().contains("wrong quantity"), e.getMessage());
    }
}
