package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.TableColumns;

/** Output table specs at configure time, from settings and input columns. */
class OutputSpecsTest {
    final NodeSet set = NodeSet.load();

    private static List<String> names(List<KnimeColumn> cs) {
        return cs.stream().map(c -> c.name() + ":" + c.type()).toList();
    }

    @Test
    void splitKnowsItsColumnsFromItsInput() {
        KnimeNode split = set.byStep("split");
        TableColumns spectra = TableColumns.numeric(List.of("mu_8970", "mu_8971"));
        List<List<KnimeColumn>> out = OutputSpecs.of(split, Map.of(), Map.of("samples", spectra));
        assertEquals(List.of("frame:STRING", "site:STRING", "set:STRING"), names(out.get(0)));
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of("frame:STRING", "site:STRING", "mu_8970:DOUBLE", "mu_8971:DOUBLE"), names(out.get(i)));
        }
        out = OutputSpecs.of(split, Map.of("frameBlock", "10"), Map.of());
        assertEquals(List.of("frame:STRING", "site:STRING", "set:STRING", "group:STRING"), names(out.get(0)));
        assertNull(out.get(1), "samples not connected yet: not known");
    }

    @Test
    void filterAndTrainModel() {
        KnimeNode filter = set.byStep("filter");
        TableColumns labels = new TableColumns(List.of("CN_JmolNN", "CR_JmolNN"), List.of("element"));
        List<List<KnimeColumn>> out = OutputSpecs.of(filter, Map.of(), Map.of("labels", labels));
        assertEquals(filter.outPorts().size(), out.size());
        assertEquals(List.of("frame:STRING", "site:STRING", "CN_JmolNN:DOUBLE", "CR_JmolNN:DOUBLE", "element:STRING"), names(out.get(0)));
        KnimeNode train = set.byStep("train");
        out = OutputSpecs.of(train, Map.of("model", "mlp"), Map.of());
        assertNull(out.get(0), "the model is a custom port");
        assertEquals(List.of("frame:STRING", "site:STRING", "train_loss:DOUBLE", "valid_loss:DOUBLE", "train_mse:DOUBLE",
                "valid_mse:DOUBLE", "train_mae:DOUBLE", "valid_mae:DOUBLE", "best:DOUBLE"), names(out.get(1)));
        assertEquals(List.of("frame:STRING", "site:STRING"), names(OutputSpecs.of(train, Map.of("model", "rf"), Map.of()).get(1)));
        assertThrows(IllegalArgumentException.class, () -> OutputSpecs.of(train, Map.of("model", "svm"), Map.of()));
    }

    @Test
    void everyNodeConfiguresWithItsDefaults() {
        for (KnimeNode n : set.nodes()) {
            List<List<KnimeColumn>> out = OutputSpecs.of(n, Map.of(), Map.of());
            assertEquals(n.outPorts().size(), out.size());
            for (int i = 0; i < out.size(); i++) {
                if (n.outPorts().get(i).kind() != KnimePort.Kind.TABLE) {
                    assertNull(out.get(i));
                }
            }
        }
    }

    @Test
    void knimeColumnsReadBack() {
        TableColumns c = TableLayout.tableColumns(List.of("frame", "site", "mu_1", "set", "flag"), List.of(true, true, true, false, false),
                List.of(false, false, false, true, false));
        assertEquals(new TableColumns(List.of("mu_1"), List.of("set")), c);
        assertEquals(3, TableLayout.idPart(" 3"));
        assertNull(TableLayout.idPart("x"));
    }

    /** Configure-time columns against the columns of a real run: descriptors and RDF of two Cu frames, then the split. */
    @Test
    void columnsAtConfigureAreTheColumnsAfterExecution(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        byte[] dump = ExampleWorkflows.firstFrames(java.nio.file.Files.readAllBytes(ExampleWorkflows.repositoryFile(ExampleWorkflows.CU_DUMP)), 2);
        java.nio.file.Path file = java.nio.file.Files.write(tmp.resolve("cu2.dump"), dump);
        org.xasdaml.workflow.BasicContext ctx = org.xasdaml.workflow.BasicContext.quiet(tmp);
        org.xasdaml.workflow.StepData structures = run(set.byStep("read-structures"), Map.of("file", file.toString()),
                org.xasdaml.workflow.StepData.empty(), ctx);
        KnimeNode descriptors = set.byStep("descriptors");
        Map<String, String> settings = Map.of("methods", "JmolNN,VoronoiNN", "rdfBins", "30");
        org.xasdaml.workflow.StepData d = run(descriptors, settings, structures, ctx);
        List<List<KnimeColumn>> configured = OutputSpecs.of(descriptors, settings, Map.of());
        for (int i = 0; i < descriptors.outPorts().size(); i++) {
            org.xasdaml.table.SampleTable t = (org.xasdaml.table.SampleTable) d.raw(descriptors.outPorts().get(i).port().name());
            assertEquals(2, t.rows());
            assertEquals(TableLayout.knimeColumns(TableColumns.of(t)), configured.get(i), descriptors.outPorts().get(i).port().name());
        }
        assertEquals(32, configured.get(1).size(), "30 RDF bins and the two id columns");
        KnimeNode split = set.byStep("split");
        org.xasdaml.table.SampleTable desc = (org.xasdaml.table.SampleTable) d.raw("descriptors");
        org.xasdaml.workflow.StepData sp = run(split, Map.of("train", "0.5", "valid", "0", "test", "0.5"),
                org.xasdaml.workflow.StepData.empty().with(org.xasdaml.curation.SplitStep.SAMPLES, desc), ctx);
        List<List<KnimeColumn>> splitConfigured = OutputSpecs.of(split, Map.of("train", "0.5", "valid", "0", "test", "0.5"),
                Map.of("samples", TableColumns.of(desc)));
        for (int i = 0; i < split.outPorts().size(); i++) {
            org.xasdaml.table.SampleTable t = (org.xasdaml.table.SampleTable) sp.raw(split.outPorts().get(i).port().name());
            assertEquals(TableLayout.knimeColumns(TableColumns.of(t)), splitConfigured.get(i), split.outPorts().get(i).port().name());
        }
    }

    /** Train Model's loss curves and test predictions at configure against a real training (a forest, then an MLP). */
    @Test
    void trainModelColumnsAtConfigureAreTheColumnsAfterTraining(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.xasdaml.model.SyntheticSpectra.Dataset data = org.xasdaml.model.SyntheticSpectra.of(60, 5).generate();
        KnimeNode train = set.byStep("train");
        org.xasdaml.workflow.StepData in = org.xasdaml.workflow.StepData.empty()
                .with(org.xasdaml.model.TrainModelStep.FEATURES, data.spectra())
                .with(org.xasdaml.model.TrainModelStep.LABELS, data.labels())
                .with(org.xasdaml.model.TrainModelStep.SPLIT, data.split());
        for (Map<String, String> settings : List.of(
                Map.of("model", "rf", "trees", "5", "targets", "CN_JmolNN,CR_JmolNN"),
                Map.of("model", "mlp", "hidden", "8", "epochs", "2", "targets", "CN_JmolNN"))) {
            org.xasdaml.workflow.StepData out = run(train, settings, in, org.xasdaml.workflow.BasicContext.quiet(tmp));
            List<List<KnimeColumn>> configured = OutputSpecs.of(train, settings, Map.of());
            for (String port : List.of("curves", "predictions")) {
                int i = train.outPorts().stream().map(p -> p.port().name()).toList().indexOf(port);
                org.xasdaml.table.SampleTable t = (org.xasdaml.table.SampleTable) out.raw(port);
                assertEquals(TableLayout.knimeColumns(TableColumns.of(t)), configured.get(i), settings.get("model") + " " + port);
            }
        }
        assertNull(OutputSpecs.of(train, Map.of("task", "classification"), Map.of()).get(2), "the classes come from the data");
    }

    private static <P extends Record> org.xasdaml.workflow.StepData run(KnimeNode n, Map<String, String> settings,
            org.xasdaml.workflow.StepData in, org.xasdaml.workflow.StepContext ctx) throws Exception {
        @SuppressWarnings("unchecked")
        org.xasdaml.workflow.Step<P> step = (org.xasdaml.workflow.Step<P>) n.step();
        return step.run(in, step.parameters().fromText(settings), ctx);
    }

    /**
     * Which tables of the Cu example are known when it is opened, before anything runs: every node's
     * outputs derived from its settings and the outputs known upstream, in workflow order.
     */
    @Test
    void tablesOfTheCuExampleKnownBeforeRunning() {
        WorkflowDescription cu = ExampleWorkflows.cu();
        Map<String, TableColumns> known = new java.util.HashMap<>();
        java.util.Set<String> knownPorts = new java.util.TreeSet<>();
        int tables = 0;
        for (WorkflowDescription.Node n : cu.nodes()) {
            KnimeNode node = set.byStep(n.stepId());
            Map<String, TableColumns> inputs = new java.util.HashMap<>();
            for (KnimePort p : node.inPorts()) {
                WorkflowDescription.Connection c = cu.feeding(n.id(), p.port().name());
                if (c != null && known.containsKey(c.source() + "/" + c.sourcePort())) {
                    inputs.put(p.port().name(), known.get(c.source() + "/" + c.sourcePort()));
                }
            }
            List<List<KnimeColumn>> out = OutputSpecs.of(node, n.settings(), inputs);
            for (int i = 0; i < out.size(); i++) {
                if (node.outPorts().get(i).kind() == KnimePort.Kind.TABLE) {
                    tables++;
                }
                if (out.get(i) != null) {
                    String key = n.id() + "/" + node.outPorts().get(i).port().name();
                    known.put(key, TableLayout.tableColumns(out.get(i).stream().map(KnimeColumn::name).toList(),
                            out.get(i).stream().map(c -> c.type() == KnimeColumn.Type.DOUBLE).toList(),
                            out.get(i).stream().map(c -> c.type() == KnimeColumn.Type.STRING).toList()));
                    knownPorts.add(n.label() + "." + node.outPorts().get(i).port().name());
                }
            }
        }
        // the spectra's grid (FEFF's, then reconcile's around the data's E0) is set by the data: what follows
        // from it is known only after FEFF has run; the descriptors and what follows from them are known now
        assertEquals(java.util.Set.of("descriptors.descriptors", "descriptors.rdf", "filter.excluded", "filter.labels-kept",
                "split.split", "train.curves", "train.predictions", "train-forest.curves", "train-forest.predictions"), knownPorts);
        assertEquals(true, tables > knownPorts.size());
    }
}
