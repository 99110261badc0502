package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;

class MainTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Main m = new Main(StepRegistry.of(List.<Step<?>>of(new ReadStructuresStep())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return m.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inspectReportsTheCuDump() {
        assertEquals(0, run("structures", "inspect", "../../data/cu-md-public.dump"));
        assertTrue(out().contains("frames:    1000\n"), out());
        assertTrue(out().contains("atoms:     108 atoms in 1000 frames\n"), out());
        assertTrue(out().contains("absorbers: Cu x1000 at site 0"), out());
        assertTrue(out().contains("periodic:  none (isolated cluster)"), out());
    }

    @Test
    void helpIsGeneratedFromTheParameters() {
        assertEquals(0, run("structures", "read", "--help"));
        assertTrue(out().contains("--max-frames N\n"), out());
        assertTrue(out().contains("Read at most this many frames from the start of the file (0 = all). Range: 0 to ∞. Default: 0."), out());
    }

    @Test
    void feffShardIsACommandAndAMissingPlanFailsWithItsPath() {
        assertEquals(0, run("feff", "shard", "--help"));
        assertTrue(out().startsWith("usage: xasdaml feff shard PLAN SHARD|potentials\n"), out());
        assertEquals(2, run("feff", "shard"));
        Path plan = dir.resolve("no-plan.json");
        assertEquals(1, run("feff", "shard", plan.toString(), "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(plan.toString()), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("structures", "read", "x.dump", "--out", dir.toString(), "--max-frame", "3"));
        assertEquals("error: unknown option --max-frame for 'structures read'; see --help\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("structures", "read", "x.dump", "--out", dir.toString(), "--max-frames", "-3"));
        assertEquals("error: maxFrames = -3 is outside the allowed range 0 to ∞\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("nonsense"));
    }

    @Test
    void stepRunWritesItsOutputs() {
        assertEquals(0, run("structures", "read", "../../data/cu-md-public.dump", "--max-frames", "4", "--absorber", "Cu",
                "--out", dir.toString()));
        assertTrue(Files.exists(dir.resolve("structures.extxyz")));
        assertTrue(Files.exists(dir.resolve("provenance.json")));
        assertTrue(out().contains("4 frames, 432 samples"), out());
    }

    @Test
    void workflowRunsResumesAndReports() throws Exception {
        Path wf = dir.resolve("wf.json");
        Files.writeString(wf, """
                {"name": "tiny", "stages": [
                  {"name": "structures", "step": "read-structures",
                   "options": {"file": "${home}/data/cu-md-public.dump", "maxFrames": "3"}}]}
                """);
        System.setProperty("xasdaml.home", Path.of("../..").toAbsolutePath().normalize().toString());
        Path runDir = dir.resolve("run");
        assertEquals(0, run("workflow", "run", wf.toString(), "--out", runDir.toString()));
        assertTrue(Files.readString(runDir.resolve("report.html")).contains("structures.extxyz"));
        Files.delete(runDir.resolve("report.html"));
        assertEquals(0, run("workflow", "report", runDir.toString()));
        assertTrue(Files.readString(runDir.resolve("report.html")).contains("structures.extxyz"));
        out.reset();
        assertEquals(0, run("workflow", "run", wf.toString(), "--out", runDir.toString()));
        assertTrue(out().contains("already done"), out());
        out.reset();
        assertEquals(0, run("workflow", "run", wf.toString(), "--out", runDir.toString(), "--set", "structures.maxFrames=2"));
        assertTrue(!out().contains("already done"), "changed parameters rerun the stage");
    }

    @Test
    void anUpstreamChangeRerunsTheStagesDownstream() throws Exception {
        Path wf = dir.resolve("wf2.json");
        Files.writeString(wf, """
                {"name": "two", "stages": [
                  {"name": "structures", "step": "read-structures",
                   "options": {"file": "${home}/data/cu-md-public.dump", "maxFrames": "3"}},
                  {"name": "descriptors", "step": "descriptors", "inputs": {"structures": "structures"},
                   "options": {"methods": "JmolNN"}}]}
                """);
        System.setProperty("xasdaml.home", Path.of("../..").toAbsolutePath().normalize().toString());
        Main m = new Main(StepRegistry.of(List.<Step<?>>of(new ReadStructuresStep(), new org.xasdaml.descriptor.ComputeDescriptorsStep())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path runDir = dir.resolve("run2");
        assertEquals(0, m.run(new String[] {"workflow", "run", wf.toString(), "--out", runDir.toString()}));
        out.reset();
        assertEquals(0, m.run(new String[] {"workflow", "run", wf.toString(), "--out", runDir.toString()}));
        assertEquals(2, out().split("already done", -1).length - 1, out());
        out.reset();
        assertEquals(0, m.run(new String[] {"workflow", "run", wf.toString(), "--out", runDir.toString(), "--set", "structures.maxFrames=2"}));
        assertEquals(0, out().split("already done", -1).length - 1, "descriptors of 3 frames must not be reused for 2: " + out());
        assertTrue(Files.readString(runDir.resolve("descriptors/descriptors.csv")).strip().endsWith("\n1,12,2.5255217632469242"),
                Files.readString(runDir.resolve("descriptors/descriptors.csv")));
    }

    /**
     * The main job, its checks and the Ni workflow: every stage names a registered step, every option one
     * of its parameters with a valid value, every input an earlier stage's output port.
     */
    @Test
    void mainJobChecksAndNiWorkflowAreWellFormed() throws Exception {
        StepRegistry registry = StepRegistry.load(MainTest.class.getClassLoader());
        List<Workflow> all = List.of(WorkflowCommands.cuWorkflowWithChecks(),
                Workflow.read(Path.of("../../checks/ni-workflow.json")));
        for (Workflow wf : all) {
            Map<String, Step<?>> stepOf = new java.util.HashMap<>();
            for (Workflow.Stage s : wf.stages()) {
                Step<?> step = registry.byId(s.step());
                assertTrue(step != null, "stage " + s.name() + ": no step " + s.step());
                stepOf.put(s.name(), step);
                checkOptions(step, s);
                for (var in : s.inputs().entrySet()) {
                    assertTrue(step.info().inputs().stream().anyMatch(p -> p.name().equals(in.getKey())),
                            s.name() + " has no input " + in.getKey());
                    String[] src = in.getValue().split("/");
                    Step<?> from = stepOf.get(src[0]);
                    assertTrue(src.length == 1 || from.info().outputs().stream().anyMatch(p -> p.name().equals(src[1])),
                            s.name() + " reads " + in.getValue() + ", which " + src[0] + " does not write");
                }
            }
        }
        Workflow withFrames = WorkflowCommands.cuWorkflow().with(List.of("clusters.maxFrames=50", "bulk.maxFrames=40"));
        assertEquals("40", withFrames.stages().get(1).options().get("maxFrames"));
    }

    private static <P extends Record> void checkOptions(Step<P> step, Workflow.Stage s) {
        org.xasdaml.workflow.ParameterSet<P> ps = org.xasdaml.workflow.ParameterSet.of(step.defaults());
        ps.fromText(step.defaults(), s.options());
    }

    @Test
    void workflowsRejectDanglingInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workflow.parse("""
                {"name": "x", "stages": [{"name": "feff", "step": "feff", "inputs": {"structures": "structures"}}]}"""));
        assertEquals("stage feff reads from 'structures', which is not an earlier stage", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Workflow.Stage("../evil", "x", Map.of(), Map.of()));
    }

    @Test
    void anEditedStructureFileOrADeletedOutputIsRecomputed() throws Exception {
        Path xyz = dir.resolve("one-frame.dump");
        List<String> dump = Files.readAllLines(Path.of("../../data/cu-md-public.dump")).subList(0, 9 + 108);
        Files.write(xyz, dump);
        Path wf = dir.resolve("wf3.json");
        Files.writeString(wf, """
                {"name": "edit", "stages": [
                  {"name": "structures", "step": "read-structures", "options": {"file": "%s"}},
                  {"name": "descriptors", "step": "descriptors", "inputs": {"structures": "structures"},
                   "options": {"methods": "MinimumDistanceNN"}}]}
                """.formatted(xyz));
        Main m = new Main(StepRegistry.of(List.<Step<?>>of(new ReadStructuresStep(), new org.xasdaml.descriptor.ComputeDescriptorsStep())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path runDir = dir.resolve("run3");
        String[] args = {"workflow", "run", wf.toString(), "--out", runDir.toString()};
        assertEquals(0, m.run(args), err.toString(StandardCharsets.UTF_8));
        String first = Files.readString(runDir.resolve("descriptors/descriptors.csv"));
        // the same cluster expanded by 2 %: every bond 2 % longer
        Files.write(xyz, dump.stream().map(l -> {
            String[] f = l.split(" ");
            return l.matches("\\d+ 1 Cu .*") ? f[0] + " 1 Cu " + 1.02 * Double.parseDouble(f[3]) + " " + 1.02 * Double.parseDouble(f[4])
                    + " " + 1.02 * Double.parseDouble(f[5]) : l;
        }).toList());
        out.reset();
        assertEquals(0, m.run(args));
        assertEquals(0, out().split("already done", -1).length - 1, "an edited structure file must not be reused: " + out());
        assertTrue(out().contains("running again: inputs changed"), out());
        assertTrue(!first.equals(Files.readString(runDir.resolve("descriptors/descriptors.csv"))), first);
        Files.delete(runDir.resolve("descriptors/descriptors.csv"));
        out.reset();
        assertEquals(0, m.run(args));
        assertEquals(1, out().split("already done", -1).length - 1, out());
        assertTrue(out().contains("running again: output 'descriptors' "), out());
        assertTrue(Files.exists(runDir.resolve("descriptors/descriptors.csv")));
    }
}
