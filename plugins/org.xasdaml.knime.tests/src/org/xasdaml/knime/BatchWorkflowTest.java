package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.BatchExecutor;
import org.knime.core.util.FileUtil;
import org.xasdaml.knime.gen.ExampleWorkflows;

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
        // every node ran to the end: KNIME saved each one as EXECUTED
        List<Path> nodes;
        try (var s = Files.list(dest)) {
            nodes = s.filter(p -> Files.isRegularFile(p.resolve("settings.xml"))).sorted().toList();
        }
        assertEquals(ExampleWorkflows.cu().nodes().size(), nodes.size(), nodes.toString());
        for (Path n : nodes) {
            String settings = Files.readString(n.resolve("settings.xml"));
            assertTrue(settings.contains("<entry key=\"state\" type=\"xstring\" value=\"EXECUTED\"/>"),
                    n.getFileName() + " was not executed");
        }
    }
}
