package org.xasdaml.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.curation.Standardizer;
import org.xasdaml.model.ForestOptions;
import org.xasdaml.model.ModelArchive;
import org.xasdaml.model.ModelKind;
import org.xasdaml.model.ModelTraining;
import org.xasdaml.model.NetworkOptions;
import org.xasdaml.model.NetworkTrainer;
import org.xasdaml.model.SyntheticSpectra;
import org.xasdaml.model.Task;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;

/**
 * A model trained on standardised PCA scores keeps the standardiser: raw spectra given to the
 * reloaded archive predict exactly as the transformed features do.
 */
class TransformTravelsTest {

    @Test
    void rawSpectraAndTransformedFeaturesPredictAlike(@TempDir Path dir) throws Exception {
        SyntheticSpectra.Dataset d = SyntheticSpectra.of(150, 31).generate();
        List<SampleId> train = new ArrayList<>();
        String[] set = d.split().text("set");
        for (int i = 0; i < set.length; i++) {
            if (set[i].equals("train")) {
                train.add(d.split().ids().get(i));
            }
        }
        Standardizer st = Standardizer.fit(d.spectra().selectIds(train).matrix(),
                new Standardizer.Options(Standardizer.Scaling.ZSCORE, 8, 0), d.spectra().axis(), d.spectra().columnNames());
        SampleTable features = SampleTable.ofRows(d.spectra().ids(), st.outputNames(), st.apply(d.spectra().matrix()));
        ModelArchive a = ModelTraining.train(features, d.labels(), d.split(), st, new ModelTraining.Spec(ModelKind.RF,
                Task.REGRESSION, List.of(SyntheticSpectra.CN), NetworkOptions.defaults(1), ForestOptions.defaults(2).withTrees(15),
                null, 1, 1), NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
        a.write(dir.resolve("pca.xasmodel"));
        ModelArchive b = ModelArchive.read(dir.resolve("pca.xasmodel"));
        assertEquals(d.spectra().axis(), b.inputGrid());
        BasicContext ctx = BasicContext.quiet(dir.resolve("w"));
        SampleTable fromRaw = PredictStep.predict(b, d.spectra(), new PredictStep.Options(false, false), ctx);
        SampleTable fromFeatures = PredictStep.predict(b, features, new PredictStep.Options(false, false), ctx);
        assertArrayEquals(fromFeatures.column(SyntheticSpectra.CN), fromRaw.column(SyntheticSpectra.CN), 1e-12);
        assertArrayEquals(a.predict(d.spectra(), false).column(SyntheticSpectra.CN), fromRaw.column(SyntheticSpectra.CN), 0.0);
    }
}
