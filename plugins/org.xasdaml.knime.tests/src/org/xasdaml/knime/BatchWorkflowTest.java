package org.xasdaml.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.testing.util.WorkflowManagerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.knime.core.util.FileUtil;
import org.xasdaml.knime.gen.ExampleWorkflows;
import org.xasdaml.knime.gen.KnimePort;
import org.xasdaml.knime.gen.KnwfWriter;
import org.xasdaml.knime.gen.OutputCheck;
import org.xasdaml.knime.gen.NodeSet;
import org.xasdaml.knime.gen.WorkflowDescription;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.TableColumns;

/**
 * The example workflow, as committed, runs to the end in KNIME's batch executor, on twelve Cu frames
 * and with FEFF in no-scf mode (workflow variables, as a scheduled run would set them); then the
 * example's output checks ({@link ExampleWorkflows#checksOf}: the foil's E0 and edge step, the first
 * shell of |χ(R)|, Cu-Cu distances and CN, finite predictions) are applied to the tables KNIME itself
 * wrote, read back from the saved executed workflow, as the CLI run's tables are in CI.
 */
class BatchWorkflowTest {

    @Test
    void cuWorkflowRunsInBatchMode() throws Exception {
        Path knwf = Flows.repository().resolve("example-workflows/cu-workflow.knwf");
        assertTrue(Files.isRegularFile(knwf), knwf.toString());
        WorkflowDescription cu = ExampleWorkflows.cu();
        Path dest = runToTheEnd(knwf, cu.nodes().size());
        assertEquals(ExampleWorkflows.checks().size(), checkOutputs(dest, cu, NodeSet.load()), "every check of the example applied");
    }

    /** One small workflow per node (the node and what it needs upstream), generated, each run to the end. */
    @Test
    void everyNodesTestWorkflowRunsInBatchMode() throws Exception {
        NodeSet set = NodeSet.load();
        Path dir = FileUtil.createTempDir("xasdaml-node-tests").toPath();
        int checked = 0;
        for (WorkflowDescription wf : ExampleWorkflows.nodeTests()) {
            Path knwf = Files.write(dir.resolve(wf.name() + ".knwf"), KnwfWriter.write(wf, set));
            checked += checkOutputs(runToTheEnd(knwf, wf.nodes().size()), wf, set);
        }
        assertTrue(checked >= ExampleWorkflows.checks().size(), "checks applied over the node tests: " + checked);
    }

    /**
     * Applies the workflow's output checks to KNIME's own output tables: the executed workflow as the
     * batch executor saved it is loaded (with its data) and each checked port's table is read back into
     * a sample table. Returns the number of checks applied; every problem fails the test.
     */
    private static int checkOutputs(Path executed, WorkflowDescription wf, NodeSet set) throws Exception {
        List<OutputCheck> checks = ExampleWorkflows.checksOf(wf);
        if (checks.isEmpty()) {
            return 0;
        }
        WorkflowManager wfm = WorkflowManagerUtil.loadWorkflow(executed.toFile());
        List<String> problems = new ArrayList<>();
        try {
            for (OutputCheck c : checks) {
                WorkflowDescription.Node n = wf.nodes().stream().filter(x -> x.label().equals(c.node())).findFirst().orElseThrow();
                List<KnimePort> outs = set.byStep(n.stepId()).outPorts();
                int port = -1;
                for (int i = 0; i < outs.size(); i++) {
                    port = outs.get(i).port().name().equals(c.port()) ? i : port;
                }
                assertTrue(port >= 0, c + ": no such output");
                NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(n.id()));
                // port 0 of a native node is its flow-variable port
                PortObject po = nc.getOutPort(port + 1).getPortObject();
                assertTrue(po instanceof BufferedDataTable, c.node() + "." + c.port() + " has no table in the saved workflow: " + po);
                SampleTable t = SampleTables.fromKnime((BufferedDataTable) po);
                List<String> p = c.problems(t);
                problems.addAll(p);
                System.out.println(wf.name() + ": " + c.node() + "." + c.port() + " " + c.column() + " " + describe(c, t)
                        + " in [" + c.min() + ", " + c.max() + "]: " + (p.isEmpty() ? "ok" : "FAILED"));
            }
        } finally {
            WorkflowManagerUtil.disposeWorkflow(wfm);
        }
        assertEquals(List.of(), problems, wf.name() + ": KNIME's output tables against the example's checks");
        return checks.size();
    }

    /** The range of a checked column's values (or peak positions) over the rows, for the log. */
    private static String describe(OutputCheck c, SampleTable t) {
        if (t.rows() == 0 || !(c.column().equals(OutputCheck.PEAK) || t.hasColumn(c.column()))) {
            return "(none)";
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.rows(); i++) {
            double v;
            if (c.column().equals(OutputCheck.PEAK)) {
                double[] row = t.row(i);
                int best = 0;
                for (int j = 1; j < row.length; j++) {
                    best = row[j] > row[best] ? j : best;
                }
                v = TableColumns.point(t.columnNames().get(best));
            } else {
                v = t.column(c.column())[i];
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return String.format(java.util.Locale.ROOT, "%.6g … %.6g over %d rows", lo, hi, t.rows());
    }

    private static Path runToTheEnd(Path knwf, int nodeCount) throws Exception {
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
        return dest;
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
