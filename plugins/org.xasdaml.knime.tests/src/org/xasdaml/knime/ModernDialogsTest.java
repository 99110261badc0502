package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeContext;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.util.FileUtil;
import org.knime.core.webui.node.NodeWrapper;
import org.knime.core.webui.node.dialog.NodeDialogFactory;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelection;
import org.knime.core.webui.node.dialog.defaultdialog.jsonforms.JsonFormsDataUtil;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.widget.choices.StringChoicesProvider;
import org.knime.testing.util.WorkflowManagerUtil;
import org.xasdaml.knime.gen.DialogLayout;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.knime.gen.NodeParametersWriter;
import org.xasdaml.knime.gen.NodeSet;
import org.xasdaml.workflow.ParameterSpec;

/**
 * KNIME's modern (web) dialog of every node, opened headless the way KNIME's UI opens it (the node's
 * initial data service over the generated parameters class): its JSON schema names every parameter
 * with its label, its UI schema has
 * the groups as sections in the classic dialog's order, a show-if rule for every conditional parameter
 * and the advanced flag; the settings it writes are entry for entry the classic settings and load in
 * the node model, also through KNIME's apply service; the example's saved settings load into it; its pickers offer the columns of the
 * input each parameter names; file parameters are KNIME's file chooser and what is chosen there is saved as
 * the classic path text; nodes with a folder parameter offer the classic dialog only. (The dialog on
 * screen needs KNIME's JavaScript front end: not here.)
 */
@SuppressWarnings("restriction")
class ModernDialogsTest {
    private WorkflowManager wfm;

    @BeforeEach
    void createWorkflow() throws Exception {
        wfm = WorkflowManagerUtil.createEmptyWorkflow();
    }

    @AfterEach
    void disposeWorkflow() {
        WorkflowManagerUtil.disposeWorkflow(wfm);
    }

    /**
     * The settings as settings.xml text, without the "&lt;key&gt;_Internals" configs the classic
     * SettingsModels add for their own bookkeeping (model id, enabled state), which no model reads.
     */
    private static String xml(NodeSettings s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8).replaceAll("(?s)\\s*<config key=\"[^\"]*_Internals\">.*?</config>", "");
    }

    private static String last(JsonNode control) {
        String scope = control.path("scope").asText();
        return scope.substring(scope.lastIndexOf('/') + 1);
    }

    /** Section label to the parameters in it ("" for those outside any section), and the controls by name. */
    private static void walk(JsonNode e, String section, Map<String, List<String>> sections, Map<String, JsonNode> controls) {
        if ("Control".equals(e.path("type").asText())) {
            sections.computeIfAbsent(section, k -> new ArrayList<>()).add(last(e));
            controls.put(last(e), e);
        }
        String inner = "Section".equals(e.path("type").asText()) ? e.path("label").asText() : section;
        if ("Section".equals(e.path("type").asText())) {
            sections.computeIfAbsent(inner, k -> new ArrayList<>());
        }
        for (JsonNode c : e.path("elements")) {
            walk(c, inner, sections, controls);
        }
    }

    @Test
    void everyModernDialogHasTheGroupsRulesAndSettingsOfTheClassicOne() throws Exception {
        int nodes = 0;
        int sectionsChecked = 0;
        int rules = 0;
        int advanced = 0;
        int choiceLists = 0;
        int applied = 0;
        int fileChoosers = 0;
        List<String> classicOnly = new ArrayList<>();
        for (KnimeNode n : NodeSet.load().nodes()) {
            List<ParameterSpec> specs = n.step().parameters().specs();
            var factory = (StepNodeFactory) Class.forName(n.factoryClass()).getConstructor().newInstance();
            assertTrue(factory instanceof NodeDialogFactory, n.factoryClass());
            boolean folder = specs.stream().anyMatch(s -> DialogLayout.editor(s) == DialogLayout.Editor.FOLDER);
            assertEquals(!specs.isEmpty() && !folder, factory.hasNodeDialog(), n.factoryClass());
            if (specs.isEmpty()) {
                continue;
            }
            if (folder) {
                // no folder chooser common to KNIME 5.8 and 5.11: KNIME opens the classic dialog, with its folder chooser
                NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
                // (headless, KNIME's generic fallback dialog would stand in for the classic one; not on the desktop)
                assertTrue(nnc.hasDialog(), n.factoryClass() + ": the classic dialog");
                assertTrue(factory.createNodeDialogPane() instanceof StepNodeDialog, n.factoryClass());
                classicOnly.add(n.declaration().stepId());
                continue;
            }
            nodes++;
            NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
            wfm.saveNodeSettingsToDefault(nnc.getID());
            Class<? extends NodeParameters> cls = factory.parametersClass();
            NodeParametersInput input = NodeParametersUtil.createDefaultNodeSettingsContext(new PortObjectSpec[n.inPorts().size()]);

            // the dialog as KNIME's UI opens it: the node's initial data service (data, JSON schema, UI schema)
            JsonNode initial;
            NodeContext.pushContext(nnc);
            try {
                assertNotNull(factory.createNodeDialog(), n.factoryClass());
                assertTrue(NodeDialogManager.hasNodeDialog(nnc), n.factoryClass() + ": KNIME sees the modern dialog");
                String text = NodeDialogManager.getInstance().getDataServiceManager().callInitialDataService(NodeWrapper.of(nnc));
                JsonNode root = JsonFormsDataUtil.getMapper().readTree(text);
                initial = root.has("result") ? root.get("result") : root;
            } finally {
                NodeContext.removeLastContext();
            }
            if (nodes == 1) {
                System.out.println("initial data of " + n.factoryClass() + " (first 1500 characters):\n"
                        + initial.toPrettyString().substring(0, Math.min(1500, initial.toPrettyString().length())));
            }
            JsonNode props = initial.path("schema").path("properties").path("model").path("properties");
            assertEquals(specs.size(), props.size(), n.factoryClass() + ": " + initial.path("schema"));
            for (ParameterSpec s : specs) {
                assertEquals(DialogLayout.label(s), props.path(s.name()).path("title").asText(), n.factoryClass() + "." + s.name());
                assertTrue(initial.path("data").path("model").has(s.name()), n.factoryClass() + "." + s.name());
            }

            // UI schema: the classic dialog's groups as sections, in its order, holding the same parameters
            JsonNode ui = initial.path("ui_schema");
            Map<String, List<String>> sections = new LinkedHashMap<>();
            Map<String, JsonNode> controls = new LinkedHashMap<>();
            walk(ui, "", sections, controls);
            Map<String, List<String>> expected = new LinkedHashMap<>();
            for (ParameterSpec s : specs) {
                if (s.group().isEmpty()) {
                    expected.computeIfAbsent("", k -> new ArrayList<>()).add(s.name());
                }
            }
            for (DialogLayout.Tab t : DialogLayout.of(specs).tabs()) {
                for (DialogLayout.Group g : t.groups()) {
                    if (!g.title().isEmpty()) {
                        expected.computeIfAbsent(g.title(), k -> new ArrayList<>());
                    }
                }
            }
            for (ParameterSpec s : specs) {
                if (!s.group().isEmpty()) {
                    expected.get(s.group()).add(s.name());
                }
            }
            assertEquals(expected, sections, n.factoryClass() + " sections:\n" + ui.toPrettyString());
            sectionsChecked += expected.size() - (expected.containsKey("") ? 1 : 0);
            for (ParameterSpec s : specs) {
                JsonNode c = controls.get(s.name());
                assertEquals(!s.appliesWhen().isEmpty(), c.has("rule"), n.factoryClass() + "." + s.name() + ": " + c);
                if (!s.appliesWhen().isEmpty()) {
                    assertEquals("SHOW", c.path("rule").path("effect").asText(), c.toString());
                    rules++;
                }
                assertEquals(s.advanced(), c.path("options").path("isAdvanced").asBoolean(false), n.factoryClass() + "." + s.name());
                advanced += s.advanced() ? 1 : 0;
                // a file is KNIME's file chooser (a text field has no such format); a list of files a list of them
                DialogLayout.Editor ed = DialogLayout.editor(s);
                if (ed == DialogLayout.Editor.FILE) {
                    assertEquals("fileChooser", c.path("options").path("format").asText(), n.factoryClass() + "." + s.name() + ": " + c);
                    fileChoosers++;
                } else if (ed == DialogLayout.Editor.FILES) {
                    assertEquals("array", props.path(s.name()).path("type").asText(), n.factoryClass() + "." + s.name());
                    assertEquals(List.of("file"), fileChooserScopes(c.path("options")), n.factoryClass() + "." + s.name() + ": " + c);
                    fileChoosers++;
                } else {
                    assertFalse(c.path("options").path("format").asText().toLowerCase().contains("file"), c.toString());
                }
            }

            // fixed choices: the drop-down offers exactly the step's choices
            for (ParameterSpec s : specs) {
                DialogLayout.Editor ed = DialogLayout.editor(s);
                if (ed == DialogLayout.Editor.CHOICE || ed == DialogLayout.Editor.CHOICES) {
                    var provider = (StringChoicesProvider) Class.forName(cls.getName() + "$"
                            + Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "Choices").getConstructor().newInstance();
                    assertEquals(s.choices(), provider.choices(input), n.factoryClass() + "." + s.name());
                    choiceLists++;
                }
            }

            // settings: the modern dialog's defaults are, entry for entry, what the classic model saves
            NodeSettings node = new NodeSettings("node");
            wfm.saveNodeSettings(nnc.getID(), node);
            NodeSettings classic = (NodeSettings) node.getNodeSettings("model");
            NodeSettings modern = new NodeSettings("model");
            NodeParametersUtil.saveSettings(cls, NodeParametersUtil.createSettings(cls, input), modern);
            assertEquals(xml(classic), xml(modern), n.factoryClass());
            // ... the classic settings load into the modern dialog and are written back unchanged ...
            NodeSettings again = new NodeSettings("model");
            NodeParametersUtil.saveSettings(cls, NodeParametersUtil.loadSettings(classic, cls), again);
            assertEquals(xml(classic), xml(again), n.factoryClass());
            // ... and the model validates and loads what the modern dialog wrote
            modern.copyTo(node.addNodeSettings("model"));
            wfm.loadNodeSettings(nnc.getID(), node);

            // OK in the dialog: a choice changed in the dialog's data reaches the node model through KNIME's apply service
            ParameterSpec changed = specs.stream().filter(s -> DialogLayout.editor(s) == DialogLayout.Editor.CHOICE
                    && s.appliesWhen().isEmpty() && s.choices().size() > 1).findFirst().orElse(null);
            if (changed != null) {
                String value = changed.choices().get(changed.choices().size() - 1).equals(changed.defaultValue())
                        ? changed.choices().get(0) : changed.choices().get(changed.choices().size() - 1);
                String response = apply(nnc, initial, changed.name(), JsonFormsDataUtil.getMapper().getNodeFactory().textNode(value));
                NodeSettings after = new NodeSettings("node");
                wfm.saveNodeSettings(nnc.getID(), after);
                assertEquals(value, after.getNodeSettings("model").getString(changed.name()),
                        n.factoryClass() + "." + changed.name() + " after apply; response " + response);
                assertEquals(xml(classic).replace("key=\"" + changed.name() + "\" type=\"xstring\" value=\"" + changed.defaultValue() + "\"",
                        "key=\"" + changed.name() + "\" type=\"xstring\" value=\"" + value + "\""), xml((NodeSettings) after.getNodeSettings("model")),
                        n.factoryClass() + ": only the changed entry differs");
                applied++;
            }
        }
        System.out.printf("modern dialogs: %d nodes, %d sections, %d show-if rules, %d advanced, %d choice lists checked, "
                + "%d changed choices applied to the model, %d file choosers; classic dialog only: %s%n", nodes, sectionsChecked, rules,
                advanced, choiceLists, applied, fileChoosers, classicOnly);
        assertTrue(nodes >= 16 && sectionsChecked > 0 && rules > 0 && advanced > 0 && choiceLists > 0 && applied > 0);
        assertEquals(3, fileChoosers, "structure file; spectrum files of read spectra and predict measured");
        assertEquals(List.of("feff"), classicOnly, "FEFF has the program and potential library folders");
    }

    /**
     * A workflow saved before features' energy grid was renamed (emin = −below, emax = above) opens in the
     * modern dialog with its values, read as the node model reads them, not with the defaults.
     */
    @Test
    void aWorkflowSavedBeforeARenameOpensWithItsValues() throws Exception {
        KnimeNode features = NodeSet.load().byStep("features");
        var factory = (StepNodeFactory) Class.forName(features.factoryClass()).getConstructor().newInstance();
        NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
        wfm.saveNodeSettingsToDefault(nnc.getID());
        NodeSettings node = new NodeSettings("node");
        wfm.saveNodeSettings(nnc.getID(), node);
        NodeSettings old = new NodeSettings("model");
        for (ParameterSpec s : features.step().parameters().specs()) {
            String d = s.defaultValue();
            switch (s.name()) {
                case "below" -> old.addDouble("emin", -33.0);
                case "above" -> old.addDouble("emax", 155.0);
                default -> {
                    switch (org.xasdaml.knime.gen.SettingKind.of(s)) {
                        case INT -> old.addInt(s.name(), Integer.parseInt(d));
                        case LONG -> old.addLong(s.name(), Long.parseLong(d));
                        case DOUBLE -> old.addDouble(s.name(), Double.parseDouble(d));
                        case BOOLEAN -> old.addBoolean(s.name(), Boolean.parseBoolean(d));
                        case STRING -> old.addString(s.name(), d);
                    }
                }
            }
        }
        assertFalse(old.containsKey("below"));
        NodeParameters loaded = NodeParametersUtil.loadSettings(old, factory.parametersClass());
        assertEquals(33.0, factory.parametersClass().getField("below").getDouble(loaded), 0);
        assertEquals(155.0, factory.parametersClass().getField("above").getDouble(loaded), 0);
        assertEquals(33.0, Double.parseDouble(StepSettings.read(old, features.step().parameters(), w -> { }).get("below")), 0,
                "as the model reads it");
        // the node as KNIME holds it after loading such a workflow, opened in the modern dialog
        old.copyTo(node.addNodeSettings("model"));
        wfm.loadNodeSettings(nnc.getID(), node);
        NodeContext.pushContext(nnc);
        try {
            JsonNode root = JsonFormsDataUtil.getMapper().readTree(
                    NodeDialogManager.getInstance().getDataServiceManager().callInitialDataService(NodeWrapper.of(nnc)));
            JsonNode data = (root.has("result") ? root.get("result") : root).path("data").path("model");
            assertEquals(33.0, data.path("below").asDouble(), 0, data.toString());
            assertEquals(155.0, data.path("above").asDouble(), 0, data.toString());
        } finally {
            NodeContext.removeLastContext();
        }
    }

    /** The last scope segment of every control with KNIME's file-chooser format anywhere below this UI-schema node. */
    /**
     * What OK in the modern dialog does: the dialog's initial data with one option set to {@code value}, sent
     * through KNIME's apply service for the node; returns the service's response (for failure messages).
     */
    private static String apply(NativeNodeContainer nnc, JsonNode initial, String option, JsonNode value) throws Exception {
        var mapper = JsonFormsDataUtil.getMapper();
        var request = mapper.createObjectNode();
        request.set("data", initial.path("data").deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.path("data").path("model")).set(option, value);
        request.set("flowVariableSettings", initial.has("flowVariableSettings")
                ? initial.get("flowVariableSettings").deepCopy() : mapper.createObjectNode());
        NodeContext.pushContext(nnc);
        try {
            return NodeDialogManager.getInstance().getDataServiceManager().callApplyDataService(NodeWrapper.of(nnc),
                    request.toString());
        } finally {
            NodeContext.removeLastContext();
        }
    }

    private static List<String> fileChooserScopes(JsonNode n) {
        List<String> out = new ArrayList<>();
        if ("fileChooser".equals(n.path("options").path("format").asText()) && n.has("scope")) {
            out.add(last(n));
        }
        for (JsonNode c : n) {
            if (c.isContainerNode()) {
                out.addAll(fileChooserScopes(c));
            }
        }
        return out;
    }

    /**
     * A file chosen in the modern dialog (the chooser's JSON, made by KNIME's own serializer) reaches the
     * node model, through KNIME's apply service, as the path text the classic dialog saves and the node
     * resolves: a local file as its path, one relative to the workflow as a relative path, one on a
     * mount point as a KNIME URL; a list of files as the comma-separated paths.
     */
    @Test
    void aChosenFileIsSavedAsTheClassicPathText() throws Exception {
        var mapper = JsonFormsDataUtil.getMapper();
        Map<String, String> checked = new LinkedHashMap<>();
        for (KnimeNode n : NodeSet.load().nodes()) {
            List<ParameterSpec> specs = n.step().parameters().specs();
            if (!NodeParametersWriter.modernDialog(specs)) {
                continue;
            }
            for (ParameterSpec s : specs) {
                DialogLayout.Editor ed = DialogLayout.editor(s);
                if (ed != DialogLayout.Editor.FILE && ed != DialogLayout.Editor.FILES) {
                    continue;
                }
                var factory = (StepNodeFactory) Class.forName(n.factoryClass()).getConstructor().newInstance();
                NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
                JsonNode initial;
                NodeContext.pushContext(nnc);
                try {
                    JsonNode root = mapper.readTree(NodeDialogManager.getInstance().getDataServiceManager()
                            .callInitialDataService(NodeWrapper.of(nnc)));
                    initial = root.has("result") ? root.get("result") : root;
                } finally {
                    NodeContext.removeLastContext();
                }
                JsonNode chosen;
                String expected;
                if (ed == DialogLayout.Editor.FILE) {
                    chosen = mapper.valueToTree(new FileSelection(new FSLocation("RELATIVE", "knime.workflow", "/data/chosen.dump")));
                    expected = "data/chosen.dump";
                } else {
                    var rows = mapper.createArrayNode();
                    rows.addObject().set("file", mapper.valueToTree(new FileSelection(new FSLocation("LOCAL", "/tmp/xas/cu foil.xdi"))));
                    rows.addObject().set("file", mapper.valueToTree(new FileSelection(new FSLocation("MOUNTPOINT", "LOCAL", "/project/ni.xdi"))));
                    rows.addObject().set("file", mapper.valueToTree(new FileSelection(new FSLocation("RELATIVE", "knime.workflow", "data/zn.xdi"))));
                    chosen = rows;
                    expected = "/tmp/xas/cu foil.xdi,knime://LOCAL/project/ni.xdi,data/zn.xdi";
                }
                String response = apply(nnc, initial, s.name(), chosen);
                NodeSettings after = new NodeSettings("node");
                wfm.saveNodeSettings(nnc.getID(), after);
                String saved = after.getNodeSettings("model").getString(s.name());
                assertEquals(expected, saved, n.factoryClass() + "." + s.name() + "; response " + response);
                checked.put(n.declaration().stepId() + "." + s.name(), saved);
                // and the dialog opens again with what was chosen
                NodeContext.pushContext(nnc);
                try {
                    JsonNode root = mapper.readTree(NodeDialogManager.getInstance().getDataServiceManager()
                            .callInitialDataService(NodeWrapper.of(nnc)));
                    JsonNode data = (root.has("result") ? root.get("result") : root).path("data").path("model").path(s.name());
                    String shown = ed == DialogLayout.Editor.FILE ? data.path("path").path("path").asText() : data.toString();
                    assertTrue(shown.contains(ed == DialogLayout.Editor.FILE ? "data/chosen.dump" : "ni.xdi"), data.toString());
                } finally {
                    NodeContext.removeLastContext();
                }
            }
        }
        System.out.println("files chosen in the modern dialog, as saved: " + checked);
        assertEquals(3, checked.size(), checked.toString());
    }

    @Test
    void columnPickersOfferTheColumnsOfTheInputTheyName() throws Exception {
        KnimeNode train = NodeSet.load().byStep("train");
        var factory = (StepNodeFactory) Class.forName(train.factoryClass()).getConstructor().newInstance();
        int checked = 0;
        for (ParameterSpec s : train.step().parameters().specs()) {
            if (s.columnsOf().isEmpty()) {
                continue;
            }
            int port = DialogLayout.columnsPort(train, s);
            PortObjectSpec[] in = new PortObjectSpec[train.inPorts().size()];
            in[port] = new DataTableSpec(new DataColumnSpecCreator("frame", StringCell.TYPE).createSpec(),
                    new DataColumnSpecCreator(s.columnPrefix() + "JmolNN", DoubleCell.TYPE).createSpec(),
                    new DataColumnSpecCreator(s.columnPrefix() + "CrystalNN", DoubleCell.TYPE).createSpec());
            var provider = (StringChoicesProvider) Class.forName(factory.parametersClass().getName() + "$"
                    + Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "Choices").getConstructor().newInstance();
            List<String> offered = provider.choices(NodeParametersUtil.createDefaultNodeSettingsContext(in));
            assertEquals(DialogLayout.columnChoices(s, List.of("frame", s.columnPrefix() + "JmolNN", s.columnPrefix() + "CrystalNN")),
                    offered, s.name());
            assertFalse(offered.isEmpty(), s.name());
            checked++;
        }
        assertTrue(checked > 0, "train has column pickers");
    }

    /**
     * The Cu example as committed, opened: every node's saved settings load into its modern dialog
     * and are written back unchanged, and every column picker offers a non-empty list from the
     * node's actual input specs (known before running: every node is configured when opened).
     */
    @Test
    void theExampleOpensInTheModernDialogs() throws Exception {
        Path knwf = Flows.repository().resolve("example-workflows/cu-workflow.knwf");
        File dir = FileUtil.createTempDir("xasdaml-modern");
        FileUtil.unzip(knwf.toFile(), dir);
        Path workflow;
        try (var s = Files.walk(dir.toPath())) {
            workflow = s.filter(p -> p.getFileName().toString().equals("workflow.knime")).map(Path::getParent)
                    .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount())).orElseThrow();
        }
        WorkflowManager ex = WorkflowManagerUtil.loadWorkflow(workflow.toFile());
        int loaded = 0;
        int pickers = 0;
        try {
            for (NodeContainer nc : ex.getNodeContainers()) {
                if (!(nc instanceof NativeNodeContainer nnc)) {
                    continue;
                }
                Object factory = nnc.getNode().getFactory();
                if (!(factory instanceof StepNodeFactory f)) {
                    continue;
                }
                NodeSettings node = new NodeSettings("node");
                ex.saveNodeSettings(nnc.getID(), node);
                NodeSettings saved = (NodeSettings) node.getNodeSettings("model");
                Class<? extends NodeParameters> cls = f.parametersClass();
                NodeSettings again = new NodeSettings("model");
                NodeParametersUtil.saveSettings(cls, NodeParametersUtil.loadSettings(saved, cls), again);
                assertEquals(xml(saved), xml(again), nnc.getNameWithID());
                loaded++;
                KnimeNode n = f.node();
                PortObjectSpec[] in = new PortObjectSpec[n.inPorts().size()];
                for (int p = 0; p < in.length; p++) {
                    ConnectionContainer cc = ex.getIncomingConnectionFor(nnc.getID(), p + 1);
                    if (cc != null) {
                        in[p] = ex.getNodeContainer(cc.getSource()).getOutPort(cc.getSourcePort()).getPortObjectSpec();
                    }
                }
                for (ParameterSpec s : n.step().parameters().specs()) {
                    if (s.columnsOf().isEmpty() || in[DialogLayout.columnsPort(n, s)] == null) {
                        continue;
                    }
                    var provider = (StringChoicesProvider) Class.forName(cls.getName() + "$"
                            + Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "Choices").getConstructor().newInstance();
                    List<String> offered = provider.choices(NodeParametersUtil.createDefaultNodeSettingsContext(in));
                    assertFalse(offered.isEmpty(), nnc.getNameWithID() + "." + s.name() + " offers no column");
                    pickers++;
                }
            }
        } finally {
            WorkflowManagerUtil.disposeWorkflow(ex);
        }
        System.out.printf("example in modern dialogs: %d nodes' settings loaded and rewritten unchanged, %d column pickers filled%n",
                loaded, pickers);
        assertTrue(loaded > 20 && pickers > 0, loaded + " / " + pickers);
    }
}
