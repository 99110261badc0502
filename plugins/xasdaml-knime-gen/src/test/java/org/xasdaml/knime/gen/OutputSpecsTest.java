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
     * The Cu example as KNIME configures it when opened, before anything runs: nodes in dependency
     * order, each output's columns derived from its settings and what is known upstream (a custom
     * port always has a spec; a model's carries its prediction columns). A node whose connected
     * inputs all have specs is configured. Every node is: FEFF's μ(E) is on the grid of its stated
     * threshold energy and reconcile's grid around a stated edge energy, so reconcile and the μ(E)
     * plots after them are configured too.
     */
    @Test
    void everyNodeOfTheCuExampleIsConfiguredBeforeRunning() {
        WorkflowDescription cu = ExampleWorkflows.cu();
        Map<String, TableColumns> known = new java.util.HashMap<>();
        java.util.Set<String> unknownTables = new java.util.TreeSet<>();
        java.util.Set<String> unconfigured = new java.util.TreeSet<>();
        java.util.Set<Integer> done = new java.util.HashSet<>();
        int tables = 0;
        for (WorkflowDescription.Node n : cu.nodes()) {
            KnimeNode node = set.byStep(n.stepId());
            Map<String, TableColumns> inputs = new java.util.HashMap<>();
            boolean configured = true;
            for (KnimePort p : node.inPorts()) {
                WorkflowDescription.Connection c = cu.feeding(n.id(), p.port().name());
                if (c == null) {
                    continue;
                }
                org.junit.jupiter.api.Assertions.assertTrue(done.contains(c.source()), n.label() + " comes after what feeds it");
                TableColumns cols = known.get(c.source() + "/" + c.sourcePort());
                if (cols != null) {
                    inputs.put(p.port().name(), cols);
                } else if (p.kind() == KnimePort.Kind.TABLE) {
                    configured = false;
                }
            }
            done.add(n.id());
            if (!configured) {
                unconfigured.add(n.label());
                continue;
            }
            // paths as KNIME resolves them, relative to the workflow folder (here: the repository, which holds the same files)
            Map<String, String> settings = KnimeUrls.resolvePaths(node.step().parameters().specs(), n.settings(),
                    url -> ExampleWorkflows.repositoryFile(url.substring(KnimeUrls.WORKFLOW.length())).toAbsolutePath().toString());
            List<TableColumns> out = OutputSpecs.columns(node, settings, inputs);
            for (int i = 0; i < out.size(); i++) {
                KnimePort p = node.outPorts().get(i);
                if (p.kind() == KnimePort.Kind.TABLE) {
                    tables++;
                    if (out.get(i) == null) {
                        unknownTables.add(n.label() + "." + p.port().name());
                    }
                }
                if (out.get(i) != null) {
                    known.put(n.id() + "/" + p.port().name(), out.get(i));
                }
            }
        }
        assertEquals(java.util.Set.of(), unconfigured, "nodes left unconfigured until something upstream has run");
        // known only from the data: reconcile's wavelet columns (chosen by variance; none computed here) (the foil's energies
        // are read from its file at configure, as a table reader does; autobk's k grid ends at the kmax given);
        // the principal components are counted on the data's rank; the test features' labels and split are not made
        // (no labels or split connected: optional outputs left empty, nothing reads them); predictions of measured spectra add columns from the
        // archive's recipe and scaling, which the model port does not carry
        assertEquals(java.util.Set.of("reconcile.wavelet",
                "analysis.scores", "test-features.labels-out", "test-features.split-out", "foil-mlp.spectra", "foil-mlp.predictions", "foil-forest.spectra", "foil-forest.predictions"),
                unknownTables, "tables whose columns are known only after running");
        assertEquals(44, tables - unknownTables.size(), "tables known before running, of " + tables + " on configured nodes");
        // what the nodes after Train see: the model's prediction columns, then Predict's
        KnimeNode predict = set.byStep("predict");
        int p = cu.nodes().stream().filter(x -> x.label().equals("predict")).findFirst().orElseThrow().id();
        assertEquals(List.of("CN_JmolNN", "CN_JmolNN_sd", "CN_JmolNN_lo", "CN_JmolNN_hi", "CN_JmolNN_in_range", "domain_score",
                "in_domain"), known.get(p + "/predictions").numeric());
        assertEquals(List.of(predict.outPorts().get(0).port().name()), List.of("predictions"));
    }

    /**
     * The foil's chain, run for real: each processing node's configure-time columns (from the columns
     * its input really had) are the columns it then writes; so are a recipe's features and their
     * standardised form, and FEFF's χ grid against a chi.dat written by Feff8L.
     */
    @Test
    void processingColumnsAtConfigureAreTheColumnsAfterRunning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.xasdaml.workflow.BasicContext ctx = org.xasdaml.workflow.BasicContext.quiet(tmp);
        String foil = ExampleWorkflows.repositoryFile(ExampleWorkflows.FOIL).toAbsolutePath().toString();
        org.xasdaml.workflow.StepData mu = checked("read-spectra", Map.of("files", foil), Map.of(), ctx, 1);
        assertEquals(java.util.Arrays.asList((Object) null), OutputSpecs.columns(set.byStep("read-spectra"),
                Map.of("files", ExampleWorkflows.FOIL), Map.of()), "a relative path is resolved where the node runs");
        org.xasdaml.workflow.StepData aligned = checked("align", Map.of("mode", "e0", "e0", "8979"), Map.of("mu", mu.raw("mu")), ctx, 2);
        org.xasdaml.workflow.StepData norm = checked("normalise", Map.of(), Map.of("mu", aligned.raw("aligned")), ctx, 3);
        org.xasdaml.workflow.StepData bk = checked("autobk", Map.of("kmax", "15"), Map.of("mu", aligned.raw("aligned"), "edges",
                norm.raw("edges")), ctx, 3);
        assertEquals(null, OutputSpecs.columns(set.byStep("autobk"), Map.of(), Map.of("mu", TableColumns.of(
                (org.xasdaml.table.SampleTable) aligned.raw("aligned")))).get(0), "no kmax: the k range is the data's");
        org.xasdaml.workflow.StepData ft = checked("xftf", Map.of("kmin", "3", "kmax", "11"), Map.of("chi", bk.raw("chi")), ctx, 3);
        checked("xftr", Map.of("rmin", "1", "rmax", "3.5"), Map.of("chir-re", ft.raw("chir-re"), "chir-im", ft.raw("chir-im")), ctx, 2);
        for (String q : List.of("chi", "chir")) {
            org.xasdaml.workflow.StepData f = checked("features", Map.of("quantity", q, "input", "chi", "simulated", "false"),
                    Map.of("chi", bk.raw("chi")), ctx, 2);
            org.xasdaml.table.SampleTable feats = (org.xasdaml.table.SampleTable) f.raw("features");
            org.xasdaml.table.SampleTable split = org.xasdaml.table.SampleTable.ofColumns(feats.ids(), List.of(), new double[0][])
                    .withText("set", new String[] {"train"});
            checked("standardise", Map.of("scaling", "none"), Map.of("features", feats, "split", split), ctx, 1);
        }
        java.nio.file.Path chiDat = ExampleWorkflows.repositoryFile(
                "plugins/xasdaml-xafs/src/test/resources/org/xasdaml/xafs/data/feff8l_cu_chi.dat");
        List<String> k = java.nio.file.Files.readAllLines(chiDat).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> Double.parseDouble(l.strip().split("\\s+")[0])).filter(x -> x > 1e-9 && x <= 11 + 1e-9)
                .map(x -> String.format(java.util.Locale.ROOT, "chi_%.4f", x)).toList();
        KnimeNode feff = set.byStep("feff");
        assertEquals(k, OutputSpecs.columns(feff, Map.of("kmax", "11"), Map.of()).get(1).numeric());
    }

    /** Runs a node on real inputs and checks each of its known output columns (at least {@code known}) against the result. */
    private org.xasdaml.workflow.StepData checked(String stepId, Map<String, String> settings, Map<String, Object> in,
            org.xasdaml.workflow.StepContext ctx, int known) throws Exception {
        KnimeNode n = set.byStep(stepId);
        org.xasdaml.workflow.StepData data = org.xasdaml.workflow.StepData.empty();
        Map<String, TableColumns> cols = new java.util.HashMap<>();
        for (KnimePort p : n.inPorts()) {
            Object v = in.get(p.port().name());
            if (v != null) {
                data = with(data, p, v);
                cols.put(p.port().name(), TableColumns.of((org.xasdaml.table.SampleTable) v));
            }
        }
        org.xasdaml.workflow.StepData out = run(n, settings, data, ctx);
        List<TableColumns> configured = OutputSpecs.columns(n, settings, cols);
        int count = 0;
        for (int i = 0; i < configured.size(); i++) {
            if (configured.get(i) != null) {
                count++;
                assertEquals(configured.get(i), TableColumns.of((org.xasdaml.table.SampleTable) out.raw(n.outPorts().get(i).port().name())),
                        stepId + "." + n.outPorts().get(i).port().name());
            }
        }
        assertEquals(known, count, stepId + ": outputs known at configure");
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.xasdaml.workflow.StepData with(org.xasdaml.workflow.StepData d, KnimePort p, Object v) {
        return d.with((org.xasdaml.workflow.Port) p.port(), v);
    }
}
