package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortSummariesTest {

    @Test
    void javaObjectNamesGiveWayToWhatThePortCarries() {
        assertEquals(FakeSteps.MODEL.description(), PortSummaries.summary(FakeSteps.MODEL, new Object() {
            @Override
            public String toString() {
                return "org.xasdaml.feff.WaveletMaps@1b2c3d";
            }
        }));
        assertEquals("12 structures", PortSummaries.summary(FakeSteps.MODEL, "12 structures\nframe 0 ..."));
    }

    @Test
    void nestedMetricsBecomeNamedNumbers() {
        Map<String, Double> n = PortSummaries.numbers(Map.of("CN_JmolNN", Map.of("R2", 0.91, "n", 12, "MAPE", Double.NaN)), "");
        assertEquals(Map.of("CN_JmolNN_R2", 0.91, "CN_JmolNN_n", 12.0), n);
        assertEquals(Map.of(), PortSummaries.flowVariables(List.of(1, 2)));
    }

    @Test
    void aModelSaysKindTargetsGridAndTestScores() {
        org.xasdaml.model.SyntheticSpectra.Dataset data = org.xasdaml.model.SyntheticSpectra.of(60, 5).generate();
        org.xasdaml.model.ModelArchive m = org.xasdaml.model.ModelTraining.train(data.spectra(), data.labels(), data.split(), null,
                new org.xasdaml.model.ModelTraining.Spec(org.xasdaml.model.ModelKind.RF, org.xasdaml.model.Task.REGRESSION,
                        List.of("CN_JmolNN"), new org.xasdaml.model.NetworkOptions(List.of(8), List.of(4), 3, 2, List.of(8), 0.0, 1e-4,
                        3e-3, 32, 2, 3, 0.0, 1, 17), org.xasdaml.model.ForestOptions.defaults(5).withTrees(5), null, 1, 1),
                org.xasdaml.model.NetworkTrainer.Monitor.NONE, w -> {
                }).archive();
        String s = PortSummaries.summary(org.xasdaml.model.ModelPorts.MODEL, m);
        double[] k = data.spectra().axis().values();
        assertEquals("RF regression of CN_JmolNN on " + k.length + " points of " + data.spectra().axis().name(), s.substring(0, s.indexOf(" points of ")
                + " points of ".length() + data.spectra().axis().name().length()));
        Map<String, Double> flow = PortSummaries.flowVariables(m);
        double r2 = ((Number) ((Map<?, ?>) ((Map<?, ?>) m.metrics().get("test")).get("CN_JmolNN")).get("R2")).doubleValue();
        assertEquals(r2, flow.get("xasdaml_test_CN_JmolNN_R2"));
        org.junit.jupiter.api.Assertions.assertTrue(s.contains(String.format(java.util.Locale.ROOT, "test R² CN_JmolNN %.3g", r2)), s);
        org.junit.jupiter.api.Assertions.assertTrue(flow.containsKey("xasdaml_valid_CN_JmolNN_MAE"), flow.toString());
    }

    @Test
    void waveletMapsSayTheirGrids(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("maps.f32");
        try (org.xasdaml.feff.WaveletMaps.Writer w = new org.xasdaml.feff.WaveletMaps.Writer(file, 6)) {
            w.append(new float[6]);
            w.append(new float[6]);
        }
        org.xasdaml.feff.WaveletMaps maps = new org.xasdaml.feff.WaveletMaps(List.of(new org.xasdaml.structure.SampleId(0, 0),
                new org.xasdaml.structure.SampleId(1, 0)), new float[] {0.5f, 1f, 1.5f}, new float[] {0f, 4f}, file, Map.of("kweight", "2"));
        String s = PortSummaries.summary(org.xasdaml.feff.WaveletMaps.TYPE, maps);
        assertEquals("2 wavelet maps: k 0.5000–1.500 Å⁻¹ (3 points) × R 0.000–4.000 Å (2 points)", s);
        org.junit.jupiter.api.Assertions.assertTrue(PortSummaries.details(org.xasdaml.feff.WaveletMaps.TYPE, maps).contains("kweight: 2"));
    }

    @Test
    void evaluationScoresAndEdgeEnergiesBecomeFlowVariables() {
        org.xasdaml.evaluation.Report r = new org.xasdaml.evaluation.Report("Evaluation of RF", "R² 0.91", Map.of("CN_JmolNN",
                Map.of("target", "CN_JmolNN", "regression", Map.of("R2", 0.91, "interval_coverage", 0.88), "statistics", Map.of("mean", 9.0))),
                List.of());
        assertEquals(Map.of("xasdaml_CN_JmolNN_R2", 0.91, "xasdaml_CN_JmolNN_interval_coverage", 0.88), PortSummaries.flowVariables(r));
        assertEquals("Evaluation of RF", PortSummaries.summary(org.xasdaml.evaluation.Report.TYPE, r));
        List<org.xasdaml.structure.SampleId> three = List.of(new org.xasdaml.structure.SampleId(0, 0), new org.xasdaml.structure.SampleId(1, 0),
                new org.xasdaml.structure.SampleId(2, 0));
        org.xasdaml.table.SampleTable edges = org.xasdaml.table.SampleTable.ofRows(three, List.of("e0", "edge_step"),
                new double[][] {{8980, 1.0}, {8979, 2.0}, {8990, Double.NaN}});
        assertEquals(Map.of("xasdaml_e0", 8980.0, "xasdaml_edge_step", 1.5), PortSummaries.flowVariables(edges), "medians of the finite values");
        org.xasdaml.table.SampleTable foil = org.xasdaml.table.SampleTable.ofRows(three.subList(0, 1), List.of("CN_JmolNN", "e0"),
                new double[][] {{11.6, 8979.0}});
        assertEquals(Map.of("xasdaml_CN_JmolNN", 11.6, "xasdaml_e0", 8979.0), PortSummaries.flowVariables(foil));
    }
}
