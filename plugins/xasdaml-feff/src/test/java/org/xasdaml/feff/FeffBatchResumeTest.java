package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.BasicContext;

/** A batch killed mid-way (its JVM and FEFF, with SIGKILL) and rerun computes only what was missing. */
class FeffBatchResumeTest {
    /** No SCF and an 8 Å cluster: about a second per sample. */
    static final FeffBatch.Settings SETTINGS = new FeffBatch.Settings(FeffCards.defaults(), 8.0, FeffMode.NO_SCF, 0, 600, false);
    private static final int N = 12;

    @Test
    void killedBatchResumesWithoutRecomputingFinishedSamples(@TempDir Path tmp) throws Exception {
        Path work = tmp.resolve("work");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ResumableBatchMain.class.getName(), work.toString(), String.valueOf(N)))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        List<SampleId> ids = FeffFixtures.cuFrames(N).samples();
        while (finished(work, ids).size() < 3 && p.isAlive() && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        List<ProcessHandle> feff = p.descendants().toList();
        p.destroyForcibly();
        feff.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
        Map<SampleId, Path> before = finished(work, ids);
        assertTrue(before.size() >= 3 && before.size() < N, "killed after " + before.size() + " of " + N + " samples; log: "
                + Files.readString(tmp.resolve("child.log")));
        Map<SampleId, byte[]> bytes = new LinkedHashMap<>();
        Map<SampleId, FileTime> times = new LinkedHashMap<>();
        for (var e : before.entrySet()) {
            bytes.put(e.getKey(), Files.readAllBytes(e.getValue()));
            times.put(e.getKey(), Files.getLastModifiedTime(e.getValue()));
        }

        List<Sample> samples = FeffFixtures.cuFrames(N).sampleList();
        BasicContext ctx = new BasicContext(2, work, null, null);
        FeffBatch.Outcome again = FeffBatch.run(samples, SETTINGS, FeffProgram.locate(null), work, ctx);
        assertEquals(List.of(), ctx.failures());
        assertEquals(before.size(), again.reused());
        assertEquals(N - before.size(), again.computed());
        assertEquals(N, again.results().size());
        assertEquals(ids, again.results().stream().map(FeffResult::id).toList());
        for (var e : before.entrySet()) {
            assertArrayEquals(bytes.get(e.getKey()), Files.readAllBytes(e.getValue()), "result of " + e.getKey() + " rewritten");
            assertEquals(times.get(e.getKey()), Files.getLastModifiedTime(e.getValue()), "result of " + e.getKey() + " touched");
        }

        // a third run computes nothing; changed settings compute everything again
        FeffBatch.Outcome third = FeffBatch.run(samples, SETTINGS, FeffProgram.locate(null), work, new BasicContext(2, work, null, null));
        assertEquals(N, third.reused());
        assertEquals(0, third.computed());
        FeffBatch.Settings other = new FeffBatch.Settings(FeffCards.defaults(), 7.0, FeffMode.NO_SCF, 0, 600, false);
        FeffBatch.Outcome changed = FeffBatch.run(samples.subList(0, 2), other, FeffProgram.locate(null), work,
                new BasicContext(2, work, null, null));
        assertEquals(0, changed.reused());
        assertEquals(2, changed.computed());
    }

    private static Map<SampleId, Path> finished(Path work, List<SampleId> ids) {
        Map<SampleId, Path> out = new LinkedHashMap<>();
        for (SampleId id : ids) {
            Path r = FeffBatch.sampleFolder(work, id).resolve(FeffResult.FILE);
            if (Files.isRegularFile(r)) {
                out.put(id, r);
            }
        }
        return out;
    }
}
