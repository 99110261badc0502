package org.xasdaml.feff.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.workflow.InvalidParameterException;

/** The job script: what may reach it, and that bash reads user words back unchanged. */
class JobScriptTest {

    private static SlurmSettings settings(String partition, String time, String memory, List<String> extra, List<String> launcher) {
        return new SlurmSettings(partition, "", time, 4, memory, 50, extra, launcher, "", true, 10);
    }

    @Test
    void valuesThatCouldAddLinesOrCommandsAreRefusedByName() {
        assertEquals("slurmPartition", assertThrows(InvalidParameterException.class,
                () -> settings("debug\n#SBATCH --uid=0", "", "", List.of(), List.of())).parameter());
        assertEquals("slurmPartition", assertThrows(InvalidParameterException.class,
                () -> settings("a;rm -rf x", "", "", List.of(), List.of())).parameter());
        assertEquals("slurmTime", assertThrows(InvalidParameterException.class,
                () -> settings("", "1 hour", "", List.of(), List.of())).parameter());
        assertEquals("slurmMemory", assertThrows(InvalidParameterException.class,
                () -> settings("", "", "4 GB", List.of(), List.of())).parameter());
        assertEquals("slurmExtra", assertThrows(InvalidParameterException.class,
                () -> settings("", "", "", List.of("--qos=a\nrm x"), List.of())).parameter());
        assertEquals("slurmExtra", assertThrows(InvalidParameterException.class,
                () -> settings("", "", "", List.of("echo hi"), List.of())).parameter());
        assertEquals("slurmExtra", assertThrows(InvalidParameterException.class,
                () -> settings("", "", "", List.of("--array=0-3"), List.of())).parameter());
        assertEquals("slurmLauncher", assertThrows(InvalidParameterException.class,
                () -> settings("", "", "", List.of(), List.of("xasdaml\nrm"))).parameter());
        for (String t : List.of("", "30", "1:00:00", "2-12", "2-12:30:00")) {
            settings("", t, "", List.of(), List.of());
        }
    }

    @Test
    void bashPassesLauncherWordsAndPathsThroughUnchanged(@TempDir Path tmp) throws Exception {
        // a launcher that prints its arguments one per line, with quotes, spaces and $ in the words
        Path echo = tmp.resolve("print args.sh");
        Files.writeString(echo, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        echo.toFile().setExecutable(true);
        List<String> launcher = List.of(echo.toString(), "it's", "$HOME", "a b", "`id`");
        Path plan = tmp.resolve("odd 'plan' $x.json");
        SlurmSettings s = settings("debug", "1:00:00", "4G", List.of("--qos=short"), launcher);
        String text = JobScript.text(s, "xasdaml-feff-0123456789", launcher, plan, tmp.resolve("logs"));
        assertTrue(text.contains("#SBATCH --partition=debug\n#SBATCH --time=1:00:00\n#SBATCH --mem=4G\n#SBATCH --qos=short\n"), text);
        assertTrue(text.contains("#SBATCH --cpus-per-task=4\n"), text);
        Path script = tmp.resolve(JobScript.FILE);
        Files.writeString(script, text);
        Process p = new ProcessBuilder("bash", script.toString(), "3").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(List.of("it's", "$HOME", "a b", "`id`", "feff", "shard", plan.toString(), "3"), List.of(out.split("\n")));
    }

    @Test
    void aStateIsReadFromTheLogWhenSlurmHasForgottenTheJob(@TempDir Path tmp) throws IOException {
        Path log = tmp.resolve("feff-12_3.log");
        Files.writeString(log, "xasdaml feff shard 3\nslurmstepd-vm: error: *** JOB 14 ON vm CANCELLED AT 2026-12-04T23:37:43 ***\n");
        assertEquals("CANCELLED", SlurmFeffRun.stateFromLog(log));
        Files.writeString(log, "slurmstepd: error: *** JOB 14 ON vm CANCELLED AT 2026-12-04T23:37:43 DUE TO TIME LIMIT ***\n");
        assertEquals("TIMEOUT", SlurmFeffRun.stateFromLog(log));
        assertTrue(SlurmFeffRun.stateFromLog(tmp.resolve("none.log")).contains("no log"));
    }
}
