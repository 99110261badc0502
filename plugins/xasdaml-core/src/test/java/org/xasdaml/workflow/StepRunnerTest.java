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
}
