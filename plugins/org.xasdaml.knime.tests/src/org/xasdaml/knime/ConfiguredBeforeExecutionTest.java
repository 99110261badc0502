package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.util.FileUtil;
import org.knime.testing.util.WorkflowManagerUtil;
import org.xasdaml.knime.gen.ExampleWorkflows;

/**
 * KNIME's rule for nodes: a node whose output columns follow from its settings and its input specs
 * announces them at configure time, so the nodes after it (ours and KNIME's own) are configured, with
 * columns to pick in their dialogs, before anything has run. Opening the example workflow must leave
 * every node configured (yellow): FEFF's μ(E) comes on the grid of a stated threshold energy and
 * reconcile's grid around a stated edge energy, so even the nodes after μ(E) (reconcile and the
 * plots) know their inputs: the same expectation as the plain-Java OutputSpecsTest, here checked in
 * KNIME itself.
 */
class ConfiguredBeforeExecutionTest {

    @Test
    void everyNodeOfTheExampleIsConfiguredWhenTheWorkflowIsOpened() throws Exception {
        Path knwf = Flows.repository().resolve("example-workflows/cu-workflow.knwf");
        File dir = FileUtil.createTempDir("xasdaml-opened");
        FileUtil.unzip(knwf.toFile(), dir);
        Path workflow;
        try (var s = Files.walk(dir.toPath())) {
            workflow = s.filter(p -> p.getFileName().toString().equals("workflow.knime")).map(Path::getParent)
                    .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount())).orElseThrow();
        }
        WorkflowManager wfm = WorkflowManagerUtil.loadWorkflow(workflow.toFile());
        try {
            List<String> idle = new ArrayList<>();
            List<String> idleFactories = new ArrayList<>();
            int count = 0;
            for (NodeContainer nc : wfm.getNodeContainers()) {
                if (!(nc instanceof NativeNodeContainer)) {
                    continue;
                }
                count++;
                if (!nc.getNodeContainerState().isConfigured()) {
                    idle.add(nc.getNameWithID() + " [" + nc.getNodeContainerState() + "] " + nc.getNodeMessage().getMessage());
                    idleFactories.add(((NativeNodeContainer) nc).getNode().getFactory().getClass().getName());
                }
            }
            assertEquals(ExampleWorkflows.cu().nodes().size(), count, "nodes loaded");
            assertEquals(List.of(), idleFactories, idle.size() + " of " + count + " nodes not configured when opened:\n  "
                    + String.join("\n  ", idle));
        } finally {
            WorkflowManagerUtil.disposeWorkflow(wfm);
        }
    }
}
