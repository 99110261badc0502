package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.table.SampleTable;

/** Training, saving, reloading and refusing: every model family on a small synthetic set. */
class ModelArchiveTest {
    static final SyntheticSpectra.Dataset DATA = SyntheticSpectra.of(200, 3).generate();

    static NetworkOptions smallNet(int epochs) {
        return new NetworkOptions(List.of(32, 16), List.of(4, 8), 3, 2, List.of(16), 0.0, 1e-4, 3e-3, 32, epochs, 3, 0.0, 1, 17);
    }

    static ModelTraining.Result train(ModelKind kind, Task task, List<String> targets, int ensemble) {
        NetworkOptions no = smallNet(12).withEnsemble(ensemble);
        ForestOptions fo = ForestOptions.defaults(5).withTrees(25);
        return ModelTraining.train(DATA.spectra(), DATA.labels(), DATA.split(), null,
                new ModelTraining.Spec(kind, task, targets, no, fo, null, 2, 1), NetworkTrainer.Monitor.NONE, w -> {
                });
    }

    private static void assertSamePredictions(ModelArchive a, Path file) throws Exception {
        a.write(file);
        ModelArchive b = ModelArchive.read(file);
        SampleTable pa = a.predict(DATA.spectra(), false);
        SampleTable pb = b.predict(DATA.spectra(), false);
        assertEquals(pa.columnNames(), pb.columnNames());
        for (String c : pa.columnNames()) {
            assertArrayEquals(pa.column(c), pb.column(c), 0.0, c);
        }
        assertEquals(a.targets(), b.targets());
        assertEquals(a.parameters().keySet(), b.parameters().keySet());
        for (String k : a.parameters().keySet()) {
            Object x = a.parameters().get(k);
            Object y = b.parameters().get(k);
            if (x instanceof Number nx) {
                assertEquals(nx.doubleValue(), ((Number) y).doubleValue(), 0.0, k);
            } else {
                assertEquals(x, y, k);
            }
        }
    }

    @Test
    void mlpTwoTargetsWithEnsembleRoundTripsAndRefusesOtherGrids(@TempDir Path dir) throws Exception {
        ModelTraining.Result r = train(ModelKind.MLP, Task.REGRESSION, List.of(SyntheticSpectra.CN, SyntheticSpectra.CR), 2);
        ModelArchive a = r.archive();
        assertEquals(2, a.predictor().members());
        assertTrue(r.curves().rows() >= 2 * 4, "curves for two members");
        Map<?, ?> test = (Map<?, ?>) a.metrics().get("test");
        double r2 = ((Number) ((Map<?, ?>) test.get(SyntheticSpectra.CN)).get("R2")).doubleValue();
        assertTrue(r2 > 0.5, "CN R2 on the synthetic test set " + r2);
        SampleTable p = a.predict(DATA.spectra(), false);
        assertTrue(p.column(SyntheticSpectra.CN + "_sd")[0] > 0, "ensemble spread");
        assertSamePredictions(a, dir.resolve("mlp.xasmodel"));

        SyntheticSpectra other = new SyntheticSpectra(10, 2.0, 12.0, 0.1, 0.02, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.predict(other.generate().spectra(), false));
        assertTrue(e.getMessage().contains("grid") && e.getMessage().contains("refusing"), e.getMessage());
    }

    @Test
    void bestCheckpointIsTheModel() {
        ModelTraining.Result r = train(ModelKind.MLP, Task.REGRESSION, List.of(SyntheticSpectra.CN), 1);
        SampleTable c = r.curves();
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.rows(); i++) {
            if (c.value(i, c.columnIndex("valid_loss")) < bestLoss) {
                bestLoss = c.value(i, c.columnIndex("valid_loss"));
                best = i;
            }
        }
        assertEquals(1.0, c.value(best, c.columnIndex("best")));
        // the stored validation MSE equals that of the best epoch, recomputed from the saved model
        Map<?, ?> valid = (Map<?, ?>) ((Map<?, ?>) r.archive().metrics().get("valid")).get(SyntheticSpectra.CN);
        assertEquals(c.value(best, c.columnIndex("valid_mse")), ((Number) valid.get("MSE")).doubleValue(), 1e-4);
    }

    @Test
    void cnnClassifierKeepsTheTrainingClasses(@TempDir Path dir) throws Exception {
        ModelTraining.Result r = train(ModelKind.CNN, Task.CLASSIFICATION, List.of(SyntheticSpectra.CN), 1);
        ModelArchive a = r.archive();
        assertArrayEquals(new double[]{3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, a.classes().labels(), 0.0);
        SampleTable p = a.predict(DATA.spectra(), false);
        for (double v : p.column(SyntheticSpectra.CN)) {
            assertTrue(v >= 3 && v <= 12 && v == Math.rint(v), "a training class: " + v);
        }
        assertSamePredictions(a, dir.resolve("cnn.xasmodel"));
    }

    @Test
    void forestsRoundTrip(@TempDir Path dir) throws Exception {
        ModelTraining.Result r = train(ModelKind.RF, Task.REGRESSION, List.of(SyntheticSpectra.CN, SyntheticSpectra.CR), 1);
        assertSamePredictions(r.archive(), dir.resolve("rf.xasmodel"));
        Map<?, ?> software = (Map<?, ?>) r.archive().provenance().get("software");
        assertEquals("3.1.1", software.get("smile-core"));
        assertEquals("1.0.0-M2.1", software.get("deeplearning4j-nn"));
        assertEquals("0.3.19-1.5.7", software.get("openblas"));
        assertTrue(r.predictions().column(SyntheticSpectra.CR + "_sd")[0] > 0, "tree spread");
        ModelTraining.Result c = train(ModelKind.RF, Task.CLASSIFICATION, List.of(SyntheticSpectra.CN), 1);
        assertSamePredictions(c.archive(), dir.resolve("rfc.xasmodel"));
        double acc = ((Number) ((Map<?, ?>) ((Map<?, ?>) c.archive().metrics().get("test")).get(SyntheticSpectra.CN))
                .get("accuracy")).doubleValue();
        assertTrue(acc > 0.3, "accuracy " + acc);
    }

    @Test
    void forestSearchRanksCandidates() {
        double[][] x = ColumnScaling.fit(DATA.spectra().matrix()).apply(DATA.spectra().matrix());
        double[] y = DATA.labels().column(SyntheticSpectra.CN);
        ForestSearch.Result s = ForestSearch.search(x, y, null, 0, ForestOptions.defaults(1), List.of(10), List.of(3, 12),
                List.of(0), List.of(5), 3, 2);
        assertEquals(2, s.candidates().size());
        assertTrue(s.candidates().get(0).meanScore() <= s.candidates().get(1).meanScore());
        assertEquals(12, s.best().maxDepth(), "a deeper forest fits CN better than depth 3");
    }
}
