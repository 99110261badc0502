package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.knime.core.util.FileUtil;
import org.xasdaml.knime.gen.ExampleWorkflows;
import org.xasdaml.knime.gen.KnwfWriter;
import org.xasdaml.knime.gen.NodeSet;
import org.xasdaml.knime.gen.WorkflowDescription;

/**
 * The example workflow, as committed, runs to the end in KNIME's batch executor, on twelve Cu frames
 * and with FEFF in no-scf mode (workflow variables, as a scheduled run would set them).
 */
class BatchWorkflowTest {

    @Test
    void cuWorkflowRunsInBatchMode() throws Exception {
        Path knwf = Flows.repository().resolve("example-workflows/cu-workflow.knwf");
        assertTrue(Files.isRegularFile(knwf), knwf.toString());
        runToTheEnd(knwf, ExampleWorkflows.cu().nodes().size());
    }

    /** One small workflow per node (the node and what it needs upstream), generated, each run to the end. */
    @Test
    void everyNodesTestWorkflowRunsInBatchMode() throws Exception {
        NodeSet set = NodeSet.load();
        Path dir = FileUtil.createTempDir("xasdaml-node-tests").toPath();
        for (WorkflowDescription wf : ExampleWorkflows.nodeTests()) {
            Path knwf = Files.write(dir.resolve(wf.name() + ".knwf"), KnwfWriter.write(wf, set));
            runToTheEnd(knwf, wf.nodes().size());
        }
    }

    private static void runToTheEnd(Path knwf, int nodeCount) throws Exception {
        Path dest = FileUtil.createTempDir("xasdaml-batch").toPath().resolve(knwf.getFileName().toString().replace(".knwf", "-executed"));
        int code = batchExecutor("-workflowFile=" + knwf, "-reset", "-failonloaderror",
                "-workflow.variable=structure_file," + Flows.testData("cu-12frames.dump") + ",String",
                "-workflow.variable=feff_mode,no-scf,String",
                "-destDir=" + dest);
        assertEquals(0, code, knwf.getFileName() + ": BatchExecutor exit code (0 ok, 1 warnings, 3 load error, 4 execution error)");
        assertTrue(Files.isRegularFile(dest.resolve("workflow.knime")), "the executed workflow was saved");
        // every node ran to the end: KNIME saved each one as EXECUTED
        List<Path> nodes;
        try (var s = Files.list(dest)) {
            nodes = s.filter(p -> Files.isRegularFile(p.resolve("settings.xml"))).sorted().toList();
        }
        assertEquals(nodeCount, nodes.size(), nodes.toString());
        for (Path n : nodes) {
            String settings = Files.readString(n.resolve("settings.xml"));
            assertTrue(settings.contains("<entry key=\"state\" type=\"xstring\" value=\"EXECUTED\"/>"),
                    n.getFileName() + " was not executed");
        }
    }

    /**
     * KNIME's batch executor, called as {@code knime -application org.knime.product.KNIME_BATCH_APPLICATION} would:
     * {@code org.knime.core.node.workflow.BatchExecutor} up to KNIME 5.8, {@code org.knime.ap.batch.BatchExecutorImpl}
     * (bundle org.knime.ap.batch) from 5.9 on. Looked up at run time so that one test source builds against both.
     */
    private static int batchExecutor(String... args) throws ReflectiveOperationException {
        Class<?> executor = null;
        for (Bundle b : FrameworkUtil.getBundle(BatchWorkflowTest.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.knime.ap.batch")) {
                executor = b.loadClass("org.knime.ap.batch.BatchExecutorImpl");
            }
        }
        if (executor == null) {
            executor = Class.forName("org.knime.core.node.workflow.BatchExecutor");
        }
        return (Integer) executor.getMethod("mainRun", String[].class).invoke(null, (Object) args);
    }
}
