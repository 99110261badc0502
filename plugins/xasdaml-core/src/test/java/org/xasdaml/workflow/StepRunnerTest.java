package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.io.Json;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureSet;

class StepRunnerTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void writesOutputsAndProvenance() throws Exception {
        ReadStructuresStep step = new ReadStructuresStep();
        ReadStructuresStep.Options o = step.parameters().fromText(Map.of("file", "../../data/cu-md-public.dump", "maxFrames", "5"));
        BasicContext ctx = BasicContext.quiet(dir.resolve("work"));
        StepRunner.run(step, StepData.empty(), Map.of(), o, ctx, dir);
        StructureSet back = StepRunner.load(ReadStructuresStep.STRUCTURES, dir);
        assertEquals(5, back.frames().size());
        StructureSet direct = ReadStructuresStep.read(Path.of(o.file()), o);
        assertEquals(direct.frames(), back.frames(), "extxyz round trip keeps full precision");
        assertEquals(direct.samples(), back.samples());
        Map<String, Object> prov = Json.parseObject(Files.readString(dir.resolve("provenance.json")));
        assertEquals("read-structures", prov.get("step"));
        assertEquals("5", ((Map<String, Object>) prov.get("parameters")).get("maxFrames"));
        assertTrue(((Map<String, Object>) prov.get("software")).containsKey("java"));
        assertEquals(64, direct.sha256().length());

        // A later step names its input by the port's base name; provenance hashes the stored files.
        Path second = dir.resolve("again");
        StepRunner.run(step, StepData.empty(), Map.of("structures", dir.resolve("structures")), o, BasicContext.quiet(second.resolve("w")),
                second);
        String input = ((Map<String, Object>) Json.parseObject(Files.readString(second.resolve("provenance.json"))).get("inputs"))
                .get("structures").toString();
        assertTrue(input.matches(".*structures sha256:[0-9a-f]{64}"), input);
    }

    /** A step that records what it applied beyond its parameters (as the feature recipe). */
    static final class Recording implements Step<Recording.Options> {
        record Options(@Param(description = "scale") double scale) {
        }

        @Override
        public StepInfo info() {
            return new StepInfo("recording", java.util.List.of("recording"), "Recording", Category.DATASET_CALCULATION, "-",
                    "records an entry", "records an entry", java.util.List.of(), java.util.List.of());
        }

        @Override
        public Options defaults() {
            return new Options(2);
        }

        @Override
        public StepData run(StepData in, Options o, StepContext ctx) {
            java.util.Map<String, Object> applied = new java.util.LinkedHashMap<>();
            applied.put("kweight", 2.0);
            applied.put("e0", Double.NaN);
            applied.put("windows", java.util.List.of("hanning", "kaiser"));
            ctx.recordProvenance("applied", applied);
            return StepData.empty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void entriesAStepRecordsLandInItsProvenance() throws Exception {
        Recording step = new Recording();
        StepRunner.run(step, StepData.empty(), Map.of(), step.defaults(), BasicContext.quiet(dir.resolve("w")), dir);
        Map<String, Object> json = Json.parseObject(Files.readString(dir.resolve("provenance.json")));
        Map<String, Object> applied = (Map<String, Object>) ((Map<String, Object>) json.get("records")).get("applied");
        assertEquals(2.0, ((Number) applied.get("kweight")).doubleValue());
        assertTrue(applied.containsKey("e0") && applied.get("e0") == null, "NaN (determined) is written as null: " + applied);
        assertEquals(java.util.List.of("hanning", "kaiser"), applied.get("windows"));
        Provenance back = Provenance.read(dir.resolve("provenance.json"));
        assertEquals(java.util.Set.of("applied"), back.records().keySet());
        assertEquals("2", back.parameters().get("scale"));
    }
}
