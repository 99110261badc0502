package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class KnwfWriterTest {

    static WorkflowDescription small() {
        WorkflowDescription.Builder b = new WorkflowDescription.Builder("small-flow", "Reads structures and fits")
                .variable("structure_file", "data/cu.xyz");
        int read = b.node("read-structures", "structures", 50, 100, Map.of("absorber", "Cu", "maxFrames", "20"),
                Map.of("file", "structure_file"));
        int fit = b.node("fake-fit", "fit", 250, 100, Map.of("rate", "0.5", "targets", "CN,CR", "mode", "full-scf", "name", "a b"));
        b.connect(read, "structures", fit, "structures");
        return b.build();
    }

    @Test
    void archiveHoldsEveryEntryKnimeNeeds() throws Exception {
        NodeSet set = FakeSteps.nodeSet();
        WorkflowDescription wf = small();
        byte[] knwf = KnwfWriter.write(wf, set);
        Element w = KnwfChecks.check(knwf, set, wf);
        Element conn = Dom.children(Dom.config(w, "connections"), "config").get(0);
        assertEquals("1", Dom.value(conn, "sourcePort", "xint"));
        assertEquals("1", Dom.value(conn, "destPort", "xint"), "structures is the fit node's first input");
        Element var = Dom.config(Dom.config(w, "workflow_variables"), "Var_0");
        assertEquals("structure_file", Dom.value(var, "name", "xstring"));
        assertEquals("STRING", Dom.value(var, "class", "xstring"));
        assertEquals("data/cu.xyz", Dom.value(var, "value", "xstring"));
        Map<String, byte[]> entries = KnwfChecks.unzip(knwf);
        Element fit = Dom.parse(entries.get("small-flow/Fake Fit (#2)/settings.xml")).getDocumentElement();
        Element model = Dom.config(fit, "model");
        assertEquals("0.5", Dom.value(model, "rate", "xdouble"));
        assertEquals("100", Dom.value(model, "epochs", "xint"));
        assertEquals("7", Dom.value(model, "seed", "xlong"));
        assertEquals("true", Dom.value(model, "standardise", "xboolean"));
        assertEquals("CN,CR", Dom.value(model, "targets", "xstring"));
        assertEquals("full-scf", Dom.value(model, "mode", "xstring"));
        assertEquals("512,256", Dom.value(model, "widths", "xstring"));
        Element read = Dom.parse(entries.get("small-flow/Read Structures (#1)/settings.xml")).getDocumentElement();
        assertEquals("20", Dom.value(Dom.config(read, "model"), "maxFrames", "xint"));
        assertArrayEquals(knwf, KnwfWriter.write(wf, set), "the same description gives the same bytes");
    }

    @Test
    void brokenWorkflowsAreRefusedWithReasons() {
        NodeSet set = FakeSteps.nodeSet();
        WorkflowDescription.Builder b = new WorkflowDescription.Builder("bad", "bad");
        int read = b.node("read-structures", "structures", 0, 0, Map.of("maxFrames", "-1"), Map.of("file", "nowhere"));
        int fit = b.node("fake-fit", "fit", 0, 0, Map.of("targets", ""));
        b.node("no-such-step", "x", 0, 0, Map.of());
        b.connect(read, "structures", fit, "trainingLabels");
        WorkflowDescription wf = b.build();
        List<String> p = wf.problems(set);
        assertTrue(p.stream().anyMatch(s -> s.contains("maxFrames")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("at least one target")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("no-such-step")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("joins a structures output to a table input")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("required input 'structures' of node #2")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'nowhere', which is not declared")), p.toString());
        assertThrows(IllegalArgumentException.class, () -> KnwfWriter.write(wf, set));
    }

    @Test
    void commandLineFormRunsTheSameNodesInOrder() {
        NodeSet set = FakeSteps.nodeSet();
        List<List<String>> cmds = CliWorkflowWriter.commands(small(), set, "runs/small");
        assertEquals(List.of("./xasdaml", "structures", "read", "--out", "runs/small/01-structures", "--file", "data/cu.xyz",
                "--absorber", "Cu", "--max-frames", "20"), cmds.get(0));
        assertEquals(List.of("./xasdaml", "fake", "fit", "--structures", "runs/small/01-structures/structures",
                "--out", "runs/small/02-fit", "--rate", "0.5", "--name", "a b", "--mode", "full-scf", "--targets", "CN,CR"), cmds.get(1));
        String text = CliWorkflowWriter.text(small(), set, "runs/small");
        assertTrue(text.contains("--name 'a b' --mode full-scf"), text);
        Map<String, Object> json = org.xasdaml.io.Json.parseObject(CliWorkflowWriter.json(small(), set, "runs/small"));
        assertEquals(cmds, json.get("commands"));
    }
}
