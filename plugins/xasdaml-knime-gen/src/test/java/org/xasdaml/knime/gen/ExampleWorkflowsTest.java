package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleWorkflowsTest {
    static final Path EXAMPLES = Path.of("../../example-workflows");
    static final String REGENERATE = "; regenerate with mvn -f plugins/xasdaml-knime-gen/pom.xml compile exec:java";

    @Test
    void examplesRunAgainstTheRegisteredStepsAndHoldWhatKnimeNeeds() throws Exception {
        NodeSet set = NodeSet.load();
        for (WorkflowDescription wf : ExampleWorkflows.all()) {
            assertEquals(List.of(), wf.problems(set), wf.name());
            KnwfChecks.check(KnwfWriter.write(wf, set), set, wf);
        }
    }

    @Test
    void committedExamplesAreTheGeneratedOnes() throws Exception {
        NodeSet set = NodeSet.load();
        for (WorkflowDescription wf : ExampleWorkflows.all()) {
            byte[] committed = Files.readAllBytes(EXAMPLES.resolve(wf.name() + ".knwf"));
            KnwfChecks.check(committed, set, wf);
            assertArrayEquals(KnwfWriter.write(wf, set), committed, wf.name() + ".knwf is out of date" + REGENERATE);
            String out = ExampleWorkflows.CLI_OUT + wf.name();
            assertEquals(CliWorkflowWriter.text(wf, set, out), Files.readString(EXAMPLES.resolve(wf.name() + ".txt")),
                    wf.name() + ".txt is out of date" + REGENERATE);
            assertEquals(CliWorkflowWriter.json(wf, set, out), Files.readString(EXAMPLES.resolve(wf.name() + ".json")),
                    wf.name() + ".json is out of date" + REGENERATE);
        }
    }

    @Test
    void cuWorkflowStartsFromTheStructureFileVariableAndFollowsThePaperOrder() {
        WorkflowDescription cu = ExampleWorkflows.cu();
        assertEquals("read-structures", cu.nodes().get(0).stepId());
        assertEquals(ExampleWorkflows.STRUCTURE_FILE, cu.nodes().get(0).variables().get("file"));
        assertTrue(cu.variables().get(ExampleWorkflows.STRUCTURE_FILE).endsWith("cu-md-public.dump"));
        List<String> steps = cu.nodes().stream().map(WorkflowDescription.Node::stepId).toList();
        assertTrue(steps.indexOf("feff") > steps.indexOf("read-structures"), steps.toString());
    }

    @Test
    void theCuWorkflowCarriesItsDataAndReadsItWorkflowRelative() throws Exception {
        WorkflowDescription cu = ExampleWorkflows.cu();
        byte[] dump = cu.files().get(ExampleWorkflows.CU_DUMP);
        String text = new String(dump, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExampleWorkflows.CU_FRAMES, text.split("ITEM: TIMESTEP", -1).length - 1, "20 frames in the workflow");
        assertTrue(text.endsWith("\n"), "whole frames");
        java.util.Map<String, byte[]> entries = KnwfChecks.unzip(KnwfWriter.write(cu, NodeSet.load()));
        assertArrayEquals(dump, entries.get("cu-workflow/" + ExampleWorkflows.CU_DUMP));
        // the node's setting is a relative path: in KNIME it is taken relative to the workflow folder
        assertEquals("knime://knime.workflow/data/cu-md-public.dump", KnimeUrls.urlOf(cu.variables().get(ExampleWorkflows.STRUCTURE_FILE)));
        assertEquals("ITEM: TIMESTEP\n0\n", text.substring(0, 17));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExampleWorkflows.firstFrames("ITEM: TIMESTEP\n0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 2));
    }

    @Test
    void oneTestWorkflowPerNodeOfTheExample() throws Exception {
        NodeSet set = NodeSet.load();
        List<WorkflowDescription> tests = ExampleWorkflows.nodeTests();
        java.util.Set<String> steps = new java.util.TreeSet<>();
        for (WorkflowDescription wf : tests) {
            assertEquals(List.of(), wf.problems(set), wf.name());
            KnwfChecks.check(KnwfWriter.write(wf, set), set, wf);
            steps.add(wf.name().substring("test-".length()));
        }
        java.util.Set<String> all = new java.util.TreeSet<>();
        set.nodes().forEach(n -> all.add(n.declaration().stepId()));
        all.removeAll(steps);
        // every node of the set is in the Cu example (the measured foil's chain and merge-structures included), so
        // every node has a test workflow: a node added to the set without a place in the example fails here
        assertEquals(java.util.Set.of(), all, "nodes without a test workflow");
        WorkflowDescription feff = tests.stream().filter(w -> w.name().equals("test-feff")).findFirst().orElseThrow();
        assertEquals(List.of("read-structures", "read-structures", "merge-structures", "feff"),
                feff.nodes().stream().map(WorkflowDescription.Node::stepId).toList());
        WorkflowDescription xftr = tests.stream().filter(w -> w.name().equals("test-xftr")).findFirst().orElseThrow();
        assertEquals(List.of("read-spectra", "align", "normalise", "autobk", "xftf", "xftr"),
                xftr.nodes().stream().map(WorkflowDescription.Node::stepId).toList());
        assertTrue(xftr.files().containsKey(ExampleWorkflows.FOIL), "the foil travels with its test workflow");
    }
}
