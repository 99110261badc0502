package org.xasdaml.knime;

import java.nio.file.Path;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.testing.util.WorkflowManagerUtil;

/** Helpers of the in-OSGi tests: test data, and nodes added to a workflow with some settings changed. */
final class Flows {
    private Flows() {
    }

    static Path testData(String name) {
        return Path.of(System.getProperty("xasdaml.testdata", "data")).resolve(name).toAbsolutePath().normalize();
    }

    static Path repository() {
        return Path.of(System.getProperty("xasdaml.repository", "../..")).toAbsolutePath().normalize();
    }

    /** A setter of model settings. */
    interface Settings {
        void set(NodeSettingsWO model);
    }

    static NativeNodeContainer add(WorkflowManager wfm, StepNodeFactory factory, Settings settings) throws InvalidSettingsException {
        NativeNodeContainer nnc = WorkflowManagerUtil.createAndAddNode(wfm, factory);
        NodeSettings s = new NodeSettings("node");
        wfm.saveNodeSettingsToDefault(nnc.getID()); // a fresh node has no model settings yet
        wfm.saveNodeSettings(nnc.getID(), s);
        settings.set(s.getNodeSettings("model"));
        wfm.loadNodeSettings(nnc.getID(), s);
        return nnc;
    }
}
