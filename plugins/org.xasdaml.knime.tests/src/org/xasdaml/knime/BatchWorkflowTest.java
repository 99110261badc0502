package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.BatchExecutor;
import org.knime.core.util.FileUtil;

/**
 * The example workflow, as committed, runs to the end in KNIME's batch executor, on twelve Cu frames
 * and with FEFF in no-scf mode (workflow variables, as a scheduled run would set them).
 */
class BatchWorkflowTest {

    @Test
    void cuWorkflowRunsInBatchMode() throws Exception {
        Path knwf = Flows.repository().resolve("example-workflows/cu-workflow.knwf");
        assertTrue(Files.isRegularFile(knwf), knwf.toString());
        Path dest = FileUtil.createTempDir("xasdaml-batch").toPath().resolve("cu-workflow-executed");
        int code = BatchExecutor.mainRun("-workflowFile=" + knwf, "-reset", "-failonloaderror",
                "-workflow.variable=structure_file," + Flows.testData("cu-12frames.dump") + ",String",
                "-workflow.variable=feff_mode,no-scf,String",
                "-destDir=" + dest);
        assertEquals(0, code, "BatchExecutor exit code (0 ok, 1 warnings, 3 load error, 4 execution error)");
        assertTrue(Files.isRegularFile(dest.resolve("workflow.knime")), "the executed workflow was saved");
    }
}
