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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;

/** SIGTERM to a real command-line run stops its real FEFF processes too. */
class ShutdownTest {
    @TempDir
    Path dir;

    /** FEFF processes whose working folder lies under {@code root}. */
    static List<ProcessHandle> feffUnder(Path root) {
        return ProcessHandle.allProcesses().filter(h -> h.info().command().map(c -> c.contains("feff8l_")).orElse(false))
                .filter(h -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(h.pid()), "cwd")).startsWith(root);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    @Test
    void sigtermStopsTheFeffProcessTree() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/feff8l_pot")) || !Files.isDirectory(Path.of("/proc"))) {
            System.out.println("SKIPPED: needs Feff8L (feff85exafs) and /proc");
            return;
        }
        Path root = dir.toRealPath();
        Path s = root.resolve("s");
        Main m = new Main(StepRegistry.of(List.<Step<?>>of(new ReadStructuresStep())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, m.run(new String[] {"structures", "read", "../../data/cu-md-public.dump", "--max-frames", "2", "--out", s.toString()}));
        Path f = root.resolve("feff");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "feff", "run", "--structures", s.toString(),
                "--mode", "full", "--workers", "1", "--out", f.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("run.log").toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // wait for the self-consistent potential (minutes in full mode): the short FEFF stages before it
            // may come and go between two looks
            boolean started = false;
            while (!started && run.isAlive() && System.nanoTime() < until) {
                started = feffUnder(root).stream().anyMatch(h -> h.info().command().orElse("").contains("feff8l_pot"));
                Thread.sleep(started ? 0 : 50);
            }
            assertTrue(started, "FEFF never started (exit " + (run.isAlive() ? "-" : run.exitValue()) + "): "
                    + Files.readString(root.resolve("run.log")) + " cp=" + System.getProperty("java.class.path"));
            run.destroy(); // SIGTERM, as kill or a closing terminal sends
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
            Thread.sleep(300);
            assertEquals(List.of(), feffUnder(root).stream().map(h -> h.pid() + " " + h.info().command().orElse("")).toList(),
                    "FEFF processes outlived the run");
            assertFalse(Files.exists(f.resolve("provenance.json")), "an interrupted run has no provenance");
        } finally {
            run.destroyForcibly();
            feffUnder(root).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
