package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.BasicContext;

/** Running Feff8L stages: FEFF's own failure messages, and the time limit. */
class FeffProgramTest {

    @Test
    void feffsOwnMessageIsReportedEvenWhenItExitsWithZero(@TempDir Path tmp) throws Exception {
        Sample s = FeffFixtures.cuFrames(1).sampleList().get(0);
        // potential 1 declared but every atom given potential 2: rdinp stops and writes nothing, with exit code 0
        String text = FeffInput.of(s, 4.0, FeffCards.defaults()).text()
                .replace("    1   29  Cu", "    1   29  Cu\n       2   29  Cu").replaceAll("(?m)^(.{41})  1  Cu", "$1  2  Cu");
        Files.writeString(tmp.resolve("feff.inp"), text);
        FeffProgram feff = FeffProgram.locate(null);
        FeffException e = assertThrows(FeffException.class, () -> feff.run(tmp, List.of(FeffStage.RDINP),
                System.nanoTime() + 60_000_000_000L, 60, () -> false));
        assertTrue(e.getMessage().startsWith("feff8l_rdinp exited without writing geom.json"), e.getMessage());
        assertTrue(e.getMessage().contains("No atoms or overlap cards for unique pot"), e.getMessage());
        assertTrue(Files.readString(tmp.resolve(FeffProgram.LOG)).contains("Cannot calculate potentials"));
    }

    @Test
    void aSampleOverItsTimeLimitIsKilledAndRecorded(@TempDir Path tmp) throws Exception {
        // full SCF of a 108-atom cluster takes minutes; 2 s is far too short
        List<Sample> samples = FeffFixtures.cuFrames(1).sampleList();
        BasicContext ctx = new BasicContext(1, tmp, null, null);
        FeffBatch.Outcome out = FeffBatch.run(samples, new FeffBatch.Settings(FeffCards.defaults(), 20, FeffMode.FULL, 0, 2, false),
                FeffProgram.locate(null), tmp, ctx);
        assertEquals(0, out.results().size());
        assertEquals(1, ctx.failures().size());
        assertEquals(new SampleId(0, 0), ctx.failures().get(0).sample());
        assertTrue(ctx.failures().get(0).message().contains("timed out after 2.0 s (the time limit) in feff8l_pot; killed"),
                ctx.failures().get(0).message());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(), "no FEFF left running");
    }

    @Test
    void aMissingFeffSaysHowToInstallItAndWhichOptionToSet(@TempDir Path tmp) {
        FeffException e = assertThrows(FeffException.class, () -> FeffProgram.locate(tmp.toString()));
        assertTrue(e.getMessage().startsWith("Feff8L is missing: feff8l_rdinp was not found in the FEFF folder " + tmp), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install feff85exafs"), e.getMessage());
        assertTrue(e.getMessage().contains("\"FEFF program folder\" (command line: --feff-bin)"), e.getMessage());
    }

    @Test
    void windowsProgramNamesAreFound(@TempDir Path tmp) throws Exception {
        for (FeffStage s : FeffStage.values()) {
            Path p = Files.createFile(tmp.resolve(s.program() + ".exe"));
            p.toFile().setExecutable(true);
        }
        FeffProgram feff = FeffProgram.locate(tmp.toString());
        assertEquals(tmp, feff.binDir());
    }
}
