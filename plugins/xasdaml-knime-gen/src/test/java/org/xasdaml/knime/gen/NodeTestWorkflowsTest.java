package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepData;

/**
 * The per-node test workflows that need no FEFF (the structure readers and merge, descriptors, and
 * the measured foil's whole chain), run here through the steps as KNIME runs them: their data
 * files written into a workflow folder, relative paths taken relative to it, each node fed by the
 * outputs it is wired to. Every table output has rows, and the workflow's output checks pass
 * (the in-OSGi batch test runs all of them in KNIME, FEFF included).
 */
class NodeTestWorkflowsTest {
    final NodeSet set = NodeSet.load();

    @Test
    void testWorkflowsWithoutFeffRunAndPassTheirChecks(@TempDir Path tmp) throws Exception {
        List<String> ran = new ArrayList<>();
        int checks = 0;
        for (WorkflowDescription wf : ExampleWorkflows.nodeTests()) {
            if (wf.nodes().stream().anyMatch(n -> n.stepId().equals("feff"))) {
                continue;
            }
            Path folder = Files.createDirectories(tmp.resolve(wf.name()));
            for (Map.Entry<String, byte[]> f : wf.files().entrySet()) {
                Files.createDirectories(folder.resolve(f.getKey()).getParent());
                Files.write(folder.resolve(f.getKey()), f.getValue());
            }
            Map<String, Object> outputs = run(wf, folder);
            for (OutputCheck c : ExampleWorkflows.checksOf(wf)) {
                assertEquals(List.of(), c.problems((SampleTable) outputs.get(c.node() + "/" + c.port())), wf.name());
                checks++;
            }
            ran.add(wf.name());
        }
        assertEquals(List.of("test-read-structures", "test-merge-structures", "test-descriptors", "test-read-spectra", "test-align",
                "test-normalise", "test-autobk", "test-xftf", "test-xftr"), ran);
        assertTrue(checks >= 20, checks + " checks");
    }

    @Test
    void everyCheckNamesANodeAndATableOfTheExample() {
        WorkflowDescription cu = ExampleWorkflows.cu();
        assertEquals(ExampleWorkflows.checks(), ExampleWorkflows.checksOf(cu));
        for (OutputCheck c : ExampleWorkflows.checks()) {
            WorkflowDescription.Node n = cu.nodes().stream().filter(x -> x.label().equals(c.node())).findFirst().orElseThrow();
            assertTrue(set.byStep(n.stepId()).outPorts().stream()
                    .anyMatch(p -> p.port().name().equals(c.port()) && p.kind() == KnimePort.Kind.TABLE), c.toString());
        }
        SampleTable t = SampleTable.ofRows(List.of(new org.xasdaml.structure.SampleId(0, 0)), List.of("chir_mag_1.0000", "chir_mag_2.2000"),
                new double[][] {{0.1, 0.9}});
        assertEquals(List.of(), new OutputCheck("x", "y", OutputCheck.PEAK, 2, 2.5, "").problems(t));
        assertEquals(1, new OutputCheck("x", "y", OutputCheck.PEAK, 0.5, 1.5, "first shell").problems(t).size());
    }

    /** Runs a workflow's nodes in order; outputs by "label/port". */
    private Map<String, Object> run(WorkflowDescription wf, Path folder) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<Integer, String> labels = new java.util.HashMap<>();
        for (WorkflowDescription.Node n : wf.nodes()) {
            labels.put(n.id(), n.label());
            KnimeNode node = set.byStep(n.stepId());
            Map<String, String> settings = new LinkedHashMap<>(n.settings());
            n.variables().forEach((param, var) -> settings.put(param, wf.variables().get(var)));
            settings.putAll(KnimeUrls.resolvePaths(node.step().parameters().specs(), settings,
                    url -> folder.resolve(url.substring(KnimeUrls.WORKFLOW.length())).toString()));
            StepData in = StepData.empty();
            for (KnimePort p : node.inPorts()) {
                WorkflowDescription.Connection c = wf.feeding(n.id(), p.port().name());
                if (c != null) {
                    in = with(in, p, out.get(labels.get(c.source()) + "/" + c.sourcePort()));
                }
            }
            StepData result = run(node.step(), settings, in, BasicContext.quiet(Files.createDirectories(folder.resolve("work-" + n.label()))));
            for (KnimePort p : node.outPorts()) {
                Object v = result.raw(p.port().name());
                if (v instanceof SampleTable t && !p.port().optional()) {
                    assertTrue(t.rows() > 0, wf.name() + ": " + n.label() + "." + p.port().name() + " has no rows");
                }
                out.put(n.label() + "/" + p.port().name(), v);
            }
        }
        return out;
    }

    private static <P extends Record> StepData run(Step<P> step, Map<String, String> settings, StepData in, BasicContext ctx)
            throws Exception {
        return step.run(in, step.parameters().fromText(settings), ctx);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StepData with(StepData d, KnimePort p, Object v) {
        return d.with((org.xasdaml.workflow.Port) p.port(), v);
    }
}
