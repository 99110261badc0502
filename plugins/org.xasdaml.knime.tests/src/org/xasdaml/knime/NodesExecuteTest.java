package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortUtil;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.util.FileUtil;
import org.knime.testing.util.WorkflowManagerUtil;
import org.xasdaml.knime.gen.CodecBytes;
import org.xasdaml.knime.gen.NodeSet;
import org.xasdaml.knime.nodes.FeffNodeFactory;
import org.xasdaml.knime.nodes.ReadStructuresNodeFactory;
import org.xasdaml.knime.port.CodecPortObject;
import org.xasdaml.knime.port.StructuresPortObject;
import org.xasdaml.knime.port.StructuresPortObjectSpec;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.PortTypes;

/** Nodes run inside KNIME on two Cu frames; custom ports survive KNIME's save and load. */
class NodesExecuteTest {
    private WorkflowManager wfm;

    @BeforeEach
    void createWorkflow() throws Exception {
        wfm = WorkflowManagerUtil.createEmptyWorkflow();
    }

    @AfterEach
    void disposeWorkflow() {
        WorkflowManagerUtil.disposeWorkflow(wfm);
    }

    private static String messages(NativeNodeContainer n) {
        return n.getNodeMessage().toString();
    }

    @Test
    void everyDeclaredNodeIsInThePluginXmlAndHasADescription() throws Exception {
        NodeSet set = NodeSet.load();
        String pluginXml = new String(StepNodeModel.class.getClassLoader().getResourceAsStream("plugin.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (var n : set.nodes()) {
            assertTrue(pluginXml.contains(n.factoryClass()), n.factoryClass());
            var factory = (StepNodeFactory) Class.forName(n.factoryClass()).getConstructor().newInstance();
            assertEquals(n.step().info().title(), factory.getNodeName(), "name from the generated description");
            NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
            // port 0 is KNIME's flow-variable port
            assertEquals(n.inPorts().size() + 1, nnc.getNrInPorts(), n.factoryClass());
            assertEquals(n.outPorts().size() + 1, nnc.getNrOutPorts(), n.factoryClass());
        }
    }

    @Test
    void everyNodesDialogIsBuiltFromItsParametersAndSavesWhatTheModelLoads() throws Exception {
        // KNIME's application sets a look and feel; this bare OSGi test runtime has none, so Swing has no fonts
        javax.swing.UIManager.setLookAndFeel(new javax.swing.plaf.metal.MetalLookAndFeel());
        for (var n : NodeSet.load().nodes()) {
            var factory = (StepNodeFactory) Class.forName(n.factoryClass()).getConstructor().newInstance();
            NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
            org.knime.core.node.NodeSettings s = new org.knime.core.node.NodeSettings("node");
            wfm.saveNodeSettingsToDefault(nnc.getID());
            wfm.saveNodeSettings(nnc.getID(), s);
            var dialog = (org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane) factory.createNodeDialogPane();
            dialog.loadSettingsFrom(s.getNodeSettings("model"), new org.knime.core.node.port.PortObjectSpec[n.inPorts().size()]);
            org.knime.core.node.NodeSettings fromDialog = new org.knime.core.node.NodeSettings("model");
            dialog.saveSettingsTo(fromDialog);
            // (KNIME's dialog components also save "<key>_Internals" entries of their own)
            assertEquals(n.step().parameters().specs().stream().map(p -> p.name()).collect(Collectors.toSet()),
                    fromDialog.keySet().stream().filter(k -> !k.endsWith("_Internals")).collect(Collectors.toSet()),
                    n.factoryClass() + ": one dialog component per parameter, keyed by name");
            fromDialog.copyTo(s.addNodeSettings("model"));
            wfm.loadNodeSettings(nnc.getID(), s); // the model validates and loads what the dialog saved
        }
    }

    @Test
    void readStructuresAndFeffRunOnTwoFrames() throws Exception {
        String file = Flows.testData("cu-12frames.dump").toString();
        NativeNodeContainer read = Flows.add(wfm, new ReadStructuresNodeFactory(), m -> {
            m.addString("file", file);
            m.addInt("maxFrames", 2);
        });
        // no-scf: the quickest honest FEFF run (the SCF potentials dominate the time)
        NativeNodeContainer feff = Flows.add(wfm, new FeffNodeFactory(), m -> m.addString("mode", "no-scf"));
        wfm.addConnection(read.getID(), 1, feff.getID(), 1);
        wfm.executeAllAndWaitUntilDone();
        assertTrue(read.getNodeContainerState().isExecuted(), messages(read));
        assertTrue(feff.getNodeContainerState().isExecuted(), messages(feff));

        PortObject structures = read.getOutPort(1).getPortObject();
        assertTrue(structures instanceof StructuresPortObject, String.valueOf(structures));
        assertTrue(read.getOutPort(1).getPortObjectSpec() instanceof StructuresPortObjectSpec);
        StructureSet set = CodecBytes.decode(PortTypes.STRUCTURES, ((CodecPortObject) structures).data());
        assertEquals(List.of(new SampleId(0, 0), new SampleId(1, 0)), set.samples());
        assertEquals(108, set.frames().get(1).size());

        BufferedDataTable mu = (BufferedDataTable) feff.getOutPort(1).getPortObject();
        assertEquals(2, mu.size());
        assertEquals("frame", mu.getDataTableSpec().getColumnSpec(0).getName());
        assertEquals("site", mu.getDataTableSpec().getColumnSpec(1).getName());
        SampleTable table = SampleTables.fromKnime(mu);
        assertEquals(List.of(new SampleId(0, 0), new SampleId(1, 0)), table.ids());
        assertNotNull(table.axis(), "the energy grid travels with the KNIME table");
        assertEquals(mu.getDataTableSpec().getNumColumns() - 2, table.numericColumns());
        List<String> keys = new java.util.ArrayList<>();
        mu.forEach(r -> keys.add(r.getKey().getString()));
        assertEquals(List.of("0:0", "1:0"), keys);
    }

    @Test
    void longNodesReportProgressAndHonourCancel() throws Exception {
        String file = Flows.testData("cu-12frames.dump").toString();
        NativeNodeContainer read = Flows.add(wfm, new ReadStructuresNodeFactory(), m -> m.addString("file", file));
        // full SCF per sample: minutes of FEFF, so there is time to cancel it
        NativeNodeContainer feff = Flows.add(wfm, new FeffNodeFactory(), m -> m.addString("mode", "full"));
        wfm.addConnection(read.getID(), 1, feff.getID(), 1);
        wfm.executeAll();
        long t0 = System.nanoTime();
        Double progress = null;
        while (System.nanoTime() - t0 < 120e9) {
            if (feff.getNodeContainerState().isExecutionInProgress()) {
                progress = feff.getProgressMonitor().getProgress();
                if (progress != null && feff.getProgressMonitor().getMessage() != null) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertNotNull(progress, "FEFF reported progress to KNIME");
        Thread.sleep(3000); // let the FEFF processes get going
        assertTrue(feff.getNodeContainerState().isExecutionInProgress(), "FEFF is still running after 3 s");
        String message = feff.getProgressMonitor().getMessage();
        long cancelAt = System.nanoTime();
        wfm.cancelExecution(feff);
        assertTrue(wfm.waitWhileInExecution(120, java.util.concurrent.TimeUnit.SECONDS), "execution ended after cancel");
        double seconds = (System.nanoTime() - cancelAt) / 1e9;
        assertFalse(feff.getNodeContainerState().isExecuted(), "a cancelled node is not executed");
        assertTrue(seconds < 60, "cancel took " + seconds + " s (FEFF processes are stopped, not awaited); progress was "
                + progress + " '" + message + "'");
    }

    @Test
    void badSettingsAreRefusedWithTheStepsMessage() throws Exception {
        NativeNodeContainer read = Flows.add(wfm, new ReadStructuresNodeFactory(), m -> m.addString("file", ""));
        wfm.executeAllAndWaitUntilDone();
        assertFalse(read.getNodeContainerState().isExecuted());
        assertTrue(messages(read).contains("no structure file given"), messages(read));
        org.knime.core.node.NodeSettings s = new org.knime.core.node.NodeSettings("node");
        wfm.saveNodeSettings(read.getID(), s);
        s.getNodeSettings("model").addInt("maxFrames", -3);
        org.junit.jupiter.api.Assertions.assertThrows(org.knime.core.node.InvalidSettingsException.class,
                () -> wfm.loadNodeSettings(read.getID(), s));
    }

    @Test
    void structuresPortSurvivesSaveAndLoad() throws Exception {
        String file = Flows.testData("cu-12frames.dump").toString();
        NativeNodeContainer read = Flows.add(wfm, new ReadStructuresNodeFactory(), m -> {
            m.addString("file", file);
            m.addInt("maxFrames", 2);
        });
        wfm.executeAllAndWaitUntilDone();
        assertTrue(read.getNodeContainerState().isExecuted(), messages(read));
        StructuresPortObject po = (StructuresPortObject) read.getOutPort(1).getPortObject();
        File f = new File(FileUtil.createTempDir("xasdaml-port"), "structures.zip");
        PortUtil.writeObjectToFile(po, f, new ExecutionMonitor());
        PortObject back = PortUtil.readObjectFromFile(f, new ExecutionMonitor());
        assertTrue(back instanceof StructuresPortObject, back.getClass().getName());
        assertEquals(java.util.Arrays.toString(po.data()), java.util.Arrays.toString(((StructuresPortObject) back).data()));
        assertEquals(po.getSummary(), back.getSummary());
        assertEquals(po.getSpec(), back.getSpec());
        StructureSet set = CodecBytes.decode(PortTypes.STRUCTURES, ((StructuresPortObject) back).data());
        assertEquals(2, set.frames().size());
        assertEquals(set.frames().stream().map(fr -> fr.size()).collect(Collectors.toList()), List.of(108, 108));
    }
}
