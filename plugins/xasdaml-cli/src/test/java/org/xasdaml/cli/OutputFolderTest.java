package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;

/** The output folder: one run at a time, never empty or "true", never an input's folder. */
class OutputFolderTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        Main m = new Main(StepRegistry.of(List.<Step<?>>of(new ReadStructuresStep(), new org.xasdaml.descriptor.ComputeDescriptorsStep())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return m.run(args);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefused() throws Exception {
        Path folder = dir.resolve("busy");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), folder.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            String[] args = {"structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out", folder.toString()};
            assertEquals(1, run(args));
            assertEquals("error: another xasdaml run (process " + holder.pid() + ") is writing into " + folder
                    + "; wait for it to finish, stop it, or choose another --out\n", err());
            assertFalse(Files.exists(folder.resolve("provenance.json")));

            Path wf = dir.resolve("wf.json");
            Files.writeString(wf, """
                    {"name": "w", "stages": [{"name": "s", "step": "read-structures",
                     "options": {"file": "%s", "maxFrames": "2"}}]}""".formatted(Path.of("../../data/cu-md-public.dump").toAbsolutePath()));
            assertEquals(1, run("workflow", "run", wf.toString(), "--out", folder.toString()));
            assertTrue(err().startsWith("error: another xasdaml run (process " + holder.pid() + ")"), err());
            assertFalse(Files.exists(folder.resolve("s")));

            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, run(args), err());
            assertTrue(Files.exists(folder.resolve("provenance.json")));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void anEmptyOrMissingOutputFolderIsRefused() {
        assertEquals(2, run("structures", "read", "../../data/cu-md-public.dump", "--out", ""));
        assertEquals("error: --out needs a folder name (--out DIR); an empty one would write into the current folder\n", err());
        assertEquals(2, run("structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out"));
        assertEquals("error: --out needs a folder name (--out DIR); an empty one would write into the current folder\n", err());
        assertFalse(Files.exists(Path.of("true")));
    }

    @Test
    void theInputsFolderIsNotAnOutputFolder() throws Exception {
        Path s = dir.resolve("s");
        assertEquals(0, run("structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out", s.toString()));
        String prov = Files.readString(s.resolve("provenance.json"));
        for (String in : new String[] {s.toString(), s.resolve("structures").toString(), s + "/."}) {
            assertEquals(2, run("descriptors", "compute", "--structures", in, "--methods", "JmolNN", "--out", s.toString()));
            assertEquals("error: --out " + s + " is the folder of input --structures; writing there would overwrite that step's "
                    + "results and provenance. Choose another --out\n", err());
        }
        assertEquals(prov, Files.readString(s.resolve("provenance.json")));
        assertEquals(0, run("descriptors", "compute", "--structures", s.toString(), "--methods", "JmolNN", "--out", s.resolve("d").toString()));
    }

    /** Every sample failing is a failed run (exit 1, no provenance), not a success with empty tables. */
    @Test
    void everySampleFailingIsAFailure() throws Exception {
        Path xyz = dir.resolve("pair.xyz");
        Files.writeString(xyz, "2\n\nCu 0 0 0\nCu 0 0 2.5\n");
        Path s = dir.resolve("s");
        assertEquals(0, run("structures", "read", xyz.toString(), "--out", s.toString()));
        Path d = dir.resolve("d");
        assertEquals(1, run("descriptors", "compute", "--structures", s.toString(), "--methods", "JmolNN", "--out", d.toString()));
        assertTrue(err().endsWith("error: every sample failed in descriptors (1), so nothing was written; the first: sample 0:0 "
                + "failed in descriptors: frame 0: the RDF is normalised by the cell volume, and this frame has no cell\n"), err());
        assertFalse(Files.exists(d.resolve("provenance.json")));
        assertFalse(Files.exists(d.resolve("descriptors.csv")));
    }

    @Test
    void aLinkInsideTheOutputFolderIsRefusedButTheFolderMayBeALink() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.json"), "precious");
        Path out = Files.createDirectories(dir.resolve("o"));
        Files.createSymbolicLink(out.resolve("provenance.json"), outside);
        String[] args = {"structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out", out.toString()};
        assertEquals(1, run(args));
        assertTrue(err().startsWith("error: will not write " + out.resolve("provenance.json") + ": it is a symbolic link"), err());
        assertEquals("precious", Files.readString(outside));
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertEquals(0, run("structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out", link.toString()), err());
        assertTrue(Files.exists(real.resolve("provenance.json")));
        assertEquals(2, run("structures", "read", "../../data/cu-md-public.dump", "--workers", "two", "--out", real.toString()));
        assertEquals("error: --workers needs a whole number of at least 1, got 'two'\n", err());
    }
}
