package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.workflow.StepRegistry;

/** Every stage is checked before the first runs; JSON of the wrong shape gets a message, not a Java exception. */
class WorkflowCheckTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StepRegistry registry = StepRegistry.load(WorkflowCheckTest.class.getClassLoader());

    int run(String json) throws Exception {
        out.reset();
        err.reset();
        Path wf = dir.resolve("wf.json");
        Files.writeString(wf, json);
        return new Main(registry, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"workflow", "run", wf.toString(), "--out", dir.resolve("run").toString()});
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyStageIsCheckedBeforeAnyRuns() throws Exception {
        assertEquals(2, run("""
                {"name": "late", "stages": [
                  {"name": "structures", "step": "read-structures", "options": {"file": "../../data/cu-md-public.dump", "maxFrames": 2}},
                  {"name": "feff", "step": "feff-run", "inputs": {"structures": "structures"}},
                  {"name": "descriptors", "step": "descriptors", "inputs": {"structure": "structures"},
                   "options": {"methods": "JmolNN,Nonsense"}},
                  {"name": "again", "step": "read-structures", "options": {"maxFrames": "many"}},
                  {"name": "spectra", "step": "feff", "inputs": {"structures": "structures/mu"}}]}
                """));
        assertEquals("""
                error: the workflow late cannot run; nothing was started:
                  stage feff: unknown step 'feff-run'; known steps: %s
                  stage descriptors: methods: 'Nonsense' is not one of BrunnerNN_relative, VoronoiNN, JmolNN, MinimumDistanceNN, CrystalNN, EconNN
                  stage descriptors: 'descriptors' has no input 'structure'; its inputs: structures
                  stage descriptors: input 'structures' (structures) is not connected
                  stage again: maxFrames needs a whole number, got 'many'
                  stage spectra: input 'structures' reads 'structures/mu', but step 'read-structures' has no output 'mu'; its outputs: structures (structures)
                """.formatted(String.join(", ", registry.steps().stream().map(s -> s.info().id()).sorted().toList())), err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing was started");
    }

    @Test
    void theShippedWorkflowPassesTheCheck() throws Exception {
        System.setProperty("xasdaml.home", Path.of("../..").toAbsolutePath().normalize().toString());
        WorkflowRun r = new WorkflowRun(registry, new PrintStream(out), new PrintStream(err), 1, true);
        assertEquals(List.of(), r.problems(WorkflowCommands.cuWorkflow(), Path.of("../..").toAbsolutePath().normalize()));
    }

    @Test
    void jsonOfTheWrongShapeGetsAMessage() throws Exception {
        Path wf = dir.resolve("wf.json");
        String[][] cases = {
                {"[1, 2]", "a workflow is a JSON object with \"name\" and \"stages\", got a list"},
                {"{\"name\": \"x\", \"stages\": {}}", "\"stages\" must be a list of stages, got an object"},
                {"{\"name\": \"x\"}", "\"stages\" must be a list of stages, got nothing"},
                {"{\"stages\": [\"read-structures\"]}", "stage 1 must be an object with name, step, inputs and options, got text"},
                {"{\"stages\": [{\"name\": \"s\"}]}", "stage 1 (s): \"step\" must be text, got nothing"},
                {"{\"stages\": [{\"name\": 3, \"step\": \"x\"}]}", "stage 1: \"name\" must be text, got a number"},
                {"{\"stages\": [{\"name\": \"s\", \"step\": \"read-structures\", \"inputs\": [\"a\"]}]}",
                        "stage 1 (s): \"inputs\" must be an object of name: value, got a list"},
                {"{\"stages\": [{\"name\": \"s\", \"step\": \"read-structures\", \"options\": {\"file\": {\"a\": 1}}}]}",
                        "stage 1 (s): options.file must be text, a number, true/false or a list, got an object"},
        };
        for (String[] c : cases) {
            assertEquals(2, run(c[0]), c[0]);
            assertEquals("error: workflow " + wf + ": " + c[1] + "\n", err(), c[0]);
        }
        assertEquals(2, run("{\"stages\": [}"));
        assertTrue(err().startsWith("error: workflow " + wf + ": not valid JSON: "), err());
        assertFalse(err().contains("Exception") || err().contains("java."), err());
    }
}
