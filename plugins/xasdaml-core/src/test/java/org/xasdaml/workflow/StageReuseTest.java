package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.io.FullDisk;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureSet;

/** A stage is reused only when its file options, its inputs and its own outputs are what its provenance recorded. */
class StageReuseTest {
    @TempDir
    Path dir;

    final ReadStructuresStep step = new ReadStructuresStep();

    ReadStructuresStep.Options options(Path file, int frames) {
        return step.parameters().fromText(Map.of("file", file.toString(), "maxFrames", Integer.toString(frames)));
    }

    void run(ReadStructuresStep.Options o, Path out) throws Exception {
        StepRunner.run(step, StepData.empty(), Map.of(), o, BasicContext.quiet(out.resolve("work")), out);
    }

    @Test
    void anEditedStructureFileIsNotReused() throws Exception {
        Path xyz = dir.resolve("two.xyz");
        Files.writeString(xyz, "2\n\nCu 0 0 0\nCu 0 0 2.5\n");
        Path out = dir.resolve("structures");
        ReadStructuresStep.Options o = options(xyz, 0);
        run(o, out);
        assertNull(StepRunner.whyNotReusable(step, o, Map.of(), out));
        Files.writeString(xyz, "2\n\nCu 0 0 0\nCu 0 0 2.6\n");
        assertEquals("inputs changed", StepRunner.whyNotReusable(step, o, Map.of(), out));
        Map<String, String> in = Provenance.read(out.resolve("provenance.json")).inputs();
        assertTrue(in.get("option file").matches(".*two\\.xyz sha256:[0-9a-f]{64}"), in.toString());
    }

    @Test
    void aDeletedOrChangedOutputIsNotReused() throws Exception {
        Path out = dir.resolve("structures");
        ReadStructuresStep.Options o = options(Path.of("../../data/cu-md-public.dump"), 3);
        run(o, out);
        assertNull(StepRunner.whyNotReusable(step, o, Map.of(), out));
        Path xyz = out.resolve("structures.extxyz");
        byte[] full = Files.readAllBytes(xyz);
        Files.write(xyz, java.util.Arrays.copyOf(full, full.length / 2));
        assertEquals("output 'structures' changed since it was written", StepRunner.whyNotReusable(step, o, Map.of(), out));
        Files.delete(xyz);
        Files.delete(out.resolve("structures.json"));
        assertEquals("output 'structures' is missing", StepRunner.whyNotReusable(step, o, Map.of(), out));
    }

    /** A real full disk (256 KiB tmpfs; root only, skipped with a reason otherwise). */
    @Test
    void aRunThatFillsTheDiskLeavesNoProvenanceAndTheOldOutputs() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("small"));
        if (!FullDisk.mount(mnt)) {
            return;
        }
        try {
            Path out = mnt.resolve("structures");
            Path dump = Path.of("../../data/cu-md-public.dump");
            ReadStructuresStep.Options three = options(dump, 3);
            run(three, out);
            byte[] before = Files.readAllBytes(out.resolve("structures.extxyz"));
            ReadStructuresStep.Options many = options(dump, 80);
            IOException e = assertThrows(IOException.class, () -> run(many, out));
            assertEquals("cannot write " + out.resolve("structures.extxyz") + ": the disk is full. Free some space (or choose "
                    + "another --out) and run again; the files written before are unchanged", e.getMessage());
            assertFalse(Files.exists(out.resolve("provenance.json")), "no provenance vouches for a failed run");
            assertEquals("not run yet", StepRunner.whyNotReusable(step, many, Map.of(), out));
            assertEquals("not run yet", StepRunner.whyNotReusable(step, three, Map.of(), out));
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("structures.extxyz"))), "old output intact");
            try (var s = Files.list(out)) {
                assertEquals(List.of("structures.extxyz", "structures.json"),
                        s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("work")).sorted().toList());
            }
            StructureSet back = StepRunner.load(ReadStructuresStep.STRUCTURES, out);
            assertEquals(3, back.frames().size());
        } finally {
            FullDisk.unmount(mnt);
        }
    }

    /** What the command line prints for a figure output: names, never megabytes of SVG. */
    @Test
    void aFigureSetPrintsItsNamesOnly() {
        FigureSet f = new FigureSet(List.of(new Figure("pca", "PCA scores", new byte[1 << 20], "<svg>" + "x".repeat(1 << 20) + "</svg>"),
                new Figure("elbow", "Elbow", new byte[10], null)));
        assertEquals("2 figure(s): pca, elbow", f.toString());
    }
}
