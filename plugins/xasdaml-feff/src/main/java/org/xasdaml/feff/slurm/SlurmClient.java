package org.xasdaml.feff.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xasdaml.feff.FeffException;

/**
 * Slurm's client commands (sbatch, squeue, scontrol, scancel), each started directly with an
 * argument list — never through a shell — with {@code SLURM_CONF} set when a configuration file
 * is given. Works without the accounting daemon: states of ended array tasks come from
 * {@code scontrol show job}, which keeps them for the cluster's MinJobAge (300 s by default);
 * later the caller falls back to the task's own report and log.
 */
public final class SlurmClient {
    private final String conf;

    /** @param conf slurm.conf for the commands, or empty for the cluster's default */
    public SlurmClient(String conf) {
        this.conf = conf;
    }

    /** Output of one command. */
    record Result(int exit, String out, String err) {
    }

    Result call(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (!conf.isEmpty()) {
            pb.environment().put("SLURM_CONF", conf);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // both streams are small; read err on another thread so a full pipe cannot block
            StringBuilder err = new StringBuilder();
            Thread t = new Thread(() -> {
                try {
                    err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the exit code tells
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FeffException(command.get(0) + " did not answer within 120 s");
            }
            t.join();
            return new Result(p.exitValue(), out, err.toString().strip());
        } catch (IOException e) {
            throw new FeffException("cannot run " + command.get(0) + " (is Slurm's client installed and on the PATH?): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeffException("interrupted while running " + command.get(0), e);
        }
    }

    /** sbatch's version line, e.g. "slurm 22.05.8". */
    public String version() {
        Result r = call(List.of("sbatch", "--version"));
        return r.exit() == 0 ? r.out().strip() : "unknown";
    }

    /**
     * Submits a script; returns the job id.
     *
     * @param options    sbatch options (each one argument)
     * @param script     the job script
     * @param scriptArgs arguments of the script
     */
    public String submit(List<String> options, Path script, List<String> scriptArgs) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(options);
        cmd.add(script.toString());
        cmd.addAll(scriptArgs);
        Result r = call(cmd);
        String id = r.out().strip();
        int semi = id.indexOf(';');
        id = semi >= 0 ? id.substring(0, semi) : id;
        if (r.exit() != 0 || !id.matches("\\d+")) {
            throw new FeffException("sbatch refused the job (exit " + r.exit() + "): " + (r.err().isEmpty() ? r.out() : r.err()));
        }
        return id;
    }

    /**
     * Jobs of one name still known to the queue (pending, running, completing): id to state, array
     * tasks expanded as "job_task".
     */
    public Map<String, String> queue(String jobName) {
        Result r = call(List.of("squeue", "--noheader", "--array", "--name=" + jobName, "--format=%i|%T"));
        if (r.exit() != 0) {
            throw new FeffException("squeue failed (exit " + r.exit() + "): " + r.err());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                out.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
            }
        }
        return out;
    }

    /**
     * States of the tasks of an array job (or of a plain job, under task -1) that the controller
     * still remembers; empty when it has forgotten the job.
     */
    public Map<Integer, String> states(String jobId) {
        Result r = call(List.of("scontrol", "--oneliner", "show", "job", jobId));
        Map<Integer, String> out = new LinkedHashMap<>();
        if (r.exit() != 0) {
            return out;
        }
        for (String line : r.out().split("\n")) {
            String state = field(line, "JobState");
            if (state == null) {
                continue;
            }
            String task = field(line, "ArrayTaskId");
            String array = field(line, "ArrayJobId");
            if (task == null || array == null || !array.equals(jobId)) {
                out.put(-1, state);
            } else if (task.matches("\\d+")) {
                out.put(Integer.parseInt(task), state);
            }
        }
        return out;
    }

    private static String field(String line, String key) {
        for (String w : line.split("\\s+")) {
            if (w.startsWith(key + "=")) {
                return w.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** Cancels jobs or array tasks ("123", "123_4"). */
    public void cancel(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(ids);
        call(cmd);
    }
}
