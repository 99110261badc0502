package org.xasdaml.feff.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffMode;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.io.FileDigest;
import org.xasdaml.io.Json;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.workflow.CancelledException;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepContext;

/**
 * Runs a FEFF batch as one Slurm job array (the {@code slurm} executor of the FEFF step).
 *
 * <p>The samples are cut, in input order, into shards of {@code samplesPerTask}; array task k runs
 * shard k with {@code xasdaml feff shard} on its node, writing into the same work folder a local run
 * uses (it must be on a file system the nodes share). In shared-potential mode a first job makes the
 * potentials and the array waits for it ({@code --dependency=afterok}), so every shard reuses one
 * set, whatever library of potentials the batch keeps. In environment mode that first job plans over the
 * whole batch (representatives, checks, refinement, into the potential library) and writes
 * {@code environment-plan.tsv}; each task reads its samples' choices from it. A journal ({@code slurm/jobs.json}) lists
 * every submission, so rerunning the same command waits for the jobs still in the queue, resubmits
 * only shards with unfinished samples and none of their finished ones (each sample's record is
 * reused by digest as in a local rerun), and finally reads the results with the same code as a local
 * run: the tables are the same.
 *
 * <p>Layout: {@code <work>/slurm/} holds {@code feff-array.sh} (the job script), {@code plan.json},
 * {@code structures.*}, {@code jobs.json}, {@code logs/feff-<job>_<task>.log} and
 * {@code reports/shard-<k>.json}.
 */
public final class SlurmFeffRun {
    private final SlurmSettings s;
    private final Map<String, String> optionsText;
    private final SlurmClient client;

    /**
     * @param s           executor settings
     * @param optionsText the FEFF step's options as text, passed to the tasks
     */
    public SlurmFeffRun(SlurmSettings s, Map<String, String> optionsText) {
        this.s = s;
        this.optionsText = org.xasdaml.io.OrderedCopy.of(optionsText);
        this.client = new SlurmClient(s.conf());
    }

    /** One sbatch call, as the journal keeps it. */
    record Submission(String job, String kind, List<Integer> shards, String dependency, String submitted) {
    }

    /** The Slurm job name of a work folder: one name per batch, so squeue finds exactly its jobs. */
    static String jobName(Path work) {
        return "xasdaml-feff-" + FileDigest.sha256(work.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    }

    /** The log of array task k of a job. */
    static Path taskLog(Path slurmDir, String job, int task) {
        return slurmDir.resolve("logs").resolve("feff-" + job + "_" + task + ".log");
    }

    /**
     * Submits what is missing, waits (unless told not to) and collects.
     *
     * @return finished samples as a local run returns them
     * @throws SlurmJobsPending when not waiting and jobs are still queued or running
     */
    public FeffBatch.Outcome run(StructureSet set, FeffBatch.Settings settings, Path workDir, StepContext ctx) {
        try {
            return runChecked(set, settings, workDir.toAbsolutePath().normalize(), ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("Slurm executor: " + e.getMessage(), e);
        }
    }

    private FeffBatch.Outcome runChecked(StructureSet set, FeffBatch.Settings settings, Path work, StepContext ctx)
            throws IOException {
        Path dir = work.resolve("slurm");
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("reports"));
        List<Sample> samples = set.sampleList();
        FeffBatch.Status status = FeffBatch.status(samples, settings, work);
        List<List<SampleId>> shards = shards(samples, status.inputErrors().keySet());
        Set<SampleId> unfinished = new HashSet<>(status.unfinished());
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < shards.size(); k++) {
            if (shards.get(k).stream().anyMatch(unfinished::contains)) {
                missing.add(k);
            }
        }
        String name = jobName(work);
        List<Submission> journal = readJournal(dir);
        Map<String, String> queue = client.queue(name);
        Set<Integer> active = new HashSet<>();
        String potentialsActive = null;
        for (Submission sub : journal) {
            if (sub.kind().equals("array")) {
                for (int k : sub.shards()) {
                    if (queue.containsKey(sub.job() + "_" + k)) {
                        active.add(k);
                    }
                }
            } else if (queue.containsKey(sub.job())) {
                potentialsActive = sub.job();
            }
        }
        List<Integer> toSubmit = missing.stream().filter(k -> !active.contains(k)).toList();
        List<String> submittedNow = new ArrayList<>();
        if (!toSubmit.isEmpty()) {
            Map<String, Map<Integer, String>> states = new HashMap<>();
            for (int k : toSubmit) {
                Submission last = lastFor(journal, k);
                if (last != null) {
                    ctx.warn(String.format(Locale.ROOT, "shard %d: Slurm job %s_%d %s (log %s); resubmitting its %d unfinished "
                                    + "sample(s)", k, last.job(), k, describe(dir, last, k, states), taskLog(dir, last.job(), k),
                            shards.get(k).stream().filter(unfinished::contains).count()));
                }
            }
            Path structures = dir.resolve("structures");
            if (!PortTypes.STRUCTURES.codec().exists(structures) || queue.isEmpty()) {
                PortTypes.STRUCTURES.codec().write(set, structures);
            }
            Path plan = dir.resolve(ShardPlan.FILE);
            new ShardPlan(work, structures, optionsText, s.cpusPerTask(), shards).write(plan);
            Path script = dir.resolve(JobScript.FILE);
            writeAtomically(script, JobScript.text(s, name, launcher(), plan, dir.resolve("logs")));
            String dependency = potentialsActive;
            if ((settings.mode() == FeffMode.SHARED_POTENTIAL || settings.mode() == FeffMode.ENVIRONMENT) && status.potentialsMissing()
                    && dependency == null) {
                List<String> opts = new ArrayList<>(JobScript.sbatchOptions(s));
                opts.add("--job-name=" + name);
                opts.add("--output=" + dir.resolve("logs").resolve("potentials-%j.log"));
                dependency = client.submit(opts, script, List.of(FeffShardTask.POTENTIALS));
                journal.add(new Submission(dependency, "potentials", List.of(), null, Instant.now().toString()));
                submittedNow.add(dependency);
                writeJournal(dir, journal);
            }
            List<String> opts = new ArrayList<>(JobScript.sbatchOptions(s));
            opts.add("--job-name=" + name);
            opts.add("--output=" + dir.resolve("logs").resolve("feff-%A_%a.log"));
            opts.add("--array=" + toSubmit.stream().map(String::valueOf).collect(Collectors.joining(",")));
            if (dependency != null) {
                opts.add("--dependency=afterok:" + dependency);
                opts.add("--kill-on-invalid-dep=yes");
            }
            String job = client.submit(opts, script, List.of());
            journal.add(new Submission(job, "array", toSubmit, dependency, Instant.now().toString()));
            submittedNow.add(job);
            writeJournal(dir, journal);
            ctx.progress(0, String.format(Locale.ROOT, "feff: submitted Slurm job array %s (%d task(s), %d sample(s) to compute%s); "
                            + "script %s", job, toSubmit.size(), unfinished.size(),
                    dependency == null ? "" : ", after potentials job " + dependency, script));
        }
        boolean anything = !toSubmit.isEmpty() || !queue.isEmpty();
        if (anything && !s.waitForJobs()) {
            throw new SlurmJobsPending(String.format(Locale.ROOT, "FEFF runs on Slurm: %s; %d of %d samples finished so far. "
                            + "Rerun the same command to wait for the jobs and collect the results (logs in %s)",
                    submittedNow.isEmpty() ? "jobs " + queueJobs(queue) + " still in the queue" : "submitted job(s) "
                            + String.join(", ", submittedNow), status.finished().size(), samples.size(), dir.resolve("logs")));
        }
        if (anything) {
            waitForJobs(name, dir, journal, shards, missing, status.finished().size(), unfinished.size(), submittedNow, ctx);
        }
        return collect(samples, settings, work, dir, journal, shards, ctx);
    }

    private void waitForJobs(String name, Path dir, List<Submission> journal, List<List<SampleId>> shards, List<Integer> missing,
                             int finishedBefore, int toCompute, List<String> submittedNow, StepContext ctx) {
        long pause = Math.max(100, Math.round(s.pollSeconds() * 1000));
        Map<Integer, String> expected = new HashMap<>();
        for (int k : missing) {
            Submission last = lastFor(journal, k);
            if (last != null) {
                expected.put(k, last.job() + "_" + k);
            }
        }
        while (true) {
            Map<String, String> q = client.queue(name);
            int pending = 0;
            int running = 0;
            for (String state : q.values()) {
                if (state.equals("PENDING")) {
                    pending++;
                } else {
                    running++;
                }
            }
            int done = 0;
            int failed = 0;
            int tasksDone = 0;
            for (Map.Entry<Integer, String> e : expected.entrySet()) {
                Map<String, Object> r = readReport(dir, e.getKey());
                if (r != null && e.getValue().equals(r.get("job"))) {
                    tasksDone++;
                    failed += ((List<?>) r.get("failures")).size();
                    done += ((Number) r.get("computed")).intValue();
                }
            }
            ctx.progress(toCompute == 0 ? 1 : Math.min(1, (double) (done + failed) / toCompute), String.format(Locale.ROOT,
                    "feff on Slurm: %d/%d samples done, %d failed; tasks: %d pending, %d running, %d finished",
                    finishedBefore + done, finishedBefore + toCompute, failed, pending, running, tasksDone));
            if (q.isEmpty()) {
                return;
            }
            if (ctx.isCancelled()) {
                client.cancel(submittedNow);
                throw new CancelledException();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.cancel(submittedNow);
                throw new CancelledException();
            }
        }
    }

    private FeffBatch.Outcome collect(List<Sample> samples, FeffBatch.Settings settings, Path work, Path dir,
                                      List<Submission> journal, List<List<SampleId>> shards, StepContext ctx) {
        FeffBatch.Outcome out = FeffBatch.run(samples, settings, null, work, ctx, FeffBatch.Scope.COLLECT);
        Set<SampleId> got = new HashSet<>();
        for (FeffResult r : out.results()) {
            got.add(r.id());
        }
        Map<String, Map<Integer, String>> states = new HashMap<>();
        for (int k = 0; k < shards.size(); k++) {
            Submission last = lastFor(journal, k);
            Map<String, Object> report = readReport(dir, k);
            String job = last == null ? null : last.job() + "_" + k;
            Map<String, String> reported = new HashMap<>();
            if (report != null && job != null && job.equals(report.get("job"))) {
                for (Object o : (List<?>) report.get("failures")) {
                    Map<?, ?> f = (Map<?, ?>) o;
                    reported.put((String) f.get("sample"), f.get("stage") + ": " + f.get("message"));
                }
            }
            for (SampleId id : shards.get(k)) {
                if (got.contains(id)) {
                    continue;
                }
                if (last == null) {
                    ctx.recordFailure(new SampleFailure(id, "slurm", "never submitted (shard " + k + ")"));
                    continue;
                }
                Path log = taskLog(dir, last.job(), k);
                String why = reported.get(id.toString());
                if (why != null) {
                    ctx.recordFailure(new SampleFailure(id, "slurm job " + job, why + " (log " + log + ")"));
                } else {
                    ctx.recordFailure(new SampleFailure(id, "slurm job " + job, String.format(Locale.ROOT,
                            "shard %d: the task %s before this sample finished (log %s%s); rerun the same command to "
                                    + "resubmit it", k, describe(dir, last, k, states), log,
                            last.dependency() == null ? "" : "; it waited for potentials job " + last.dependency() + ", log "
                                    + dir.resolve("logs").resolve("potentials-" + last.dependency() + ".log"))));
                }
            }
        }
        ctx.recordSoftware("slurm", client.version());
        ctx.recordSoftware("slurm jobs", journal.stream().map(j -> j.job() + (j.kind().equals("array")
                ? " (array " + j.shards().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")" : " (potentials)"))
                .collect(Collectors.joining("; ")) + "; logs in " + dir.resolve("logs"));
        return out;
    }

    /** How an ended array task ended: Slurm's state while the controller remembers it, else its log's last words. */
    private String describe(Path dir, Submission sub, int k, Map<String, Map<Integer, String>> cache) {
        String state = cache.computeIfAbsent(sub.job(), client::states).get(k);
        if (state == null) {
            state = stateFromLog(taskLog(dir, sub.job(), k));
        }
        if (state.startsWith("CANCELLED")) {
            return "was cancelled (" + state + ", scancel or a failed dependency)";
        }
        if (state.equals("COMPLETED")) {
            Map<String, Object> r = readReport(dir, k);
            return r != null && (sub.job() + "_" + k).equals(r.get("job")) ? "ended COMPLETED" : "ended COMPLETED without a report";
        }
        return "ended " + state;
    }

    static String stateFromLog(Path log) {
        try {
            String text = Files.readString(log);
            if (text.contains("DUE TO TIME LIMIT")) {
                return "TIMEOUT";
            }
            if (text.contains("CANCELLED")) {
                return "CANCELLED";
            }
            if (text.contains("oom-kill") || text.contains("Out Of Memory")) {
                return "OUT_OF_MEMORY";
            }
            return "in an unknown state (no longer known to Slurm)";
        } catch (IOException e) {
            return "in an unknown state (no log: it may never have started)";
        }
    }

    private List<String> launcher() {
        if (!s.launcher().isEmpty()) {
            return s.launcher();
        }
        String home = System.getProperty("xasdaml.home");
        return List.of(home == null ? "xasdaml" : Path.of(home).resolve("xasdaml").toString());
    }

    /** Samples (without those whose input failed) cut in input order into shards. */
    List<List<SampleId>> shards(List<Sample> samples, Set<SampleId> skip) {
        List<List<SampleId>> out = new ArrayList<>();
        List<SampleId> cur = new ArrayList<>();
        for (Sample x : samples) {
            if (skip.contains(x.id())) {
                continue;
            }
            cur.add(x.id());
            if (cur.size() == s.samplesPerTask()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private static Submission lastFor(List<Submission> journal, int shard) {
        Submission last = null;
        for (Submission sub : journal) {
            if (sub.kind().equals("array") && sub.shards().contains(shard)) {
                last = sub;
            }
        }
        return last;
    }

    private static String queueJobs(Map<String, String> queue) {
        return queue.keySet().stream().map(id -> id.contains("_") ? id.substring(0, id.indexOf('_')) : id).distinct()
                .collect(Collectors.joining(", "));
    }

    static Map<String, Object> readReport(Path dir, int k) {
        Path f = FeffShardTask.reportFile(dir, k);
        try {
            return Files.isRegularFile(f) ? Json.parseObject(Files.readString(f)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<Submission> readJournal(Path dir) throws IOException {
        Path f = dir.resolve("jobs.json");
        List<Submission> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (Object o : (List<?>) Json.parse(Files.readString(f))) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new Submission((String) m.get("job"), (String) m.get("kind"),
                    ((List<?>) m.get("shards")).stream().map(x -> ((Number) x).intValue()).toList(), (String) m.get("dependency"),
                    (String) m.get("submitted")));
        }
        return out;
    }

    static void writeJournal(Path dir, List<Submission> journal) throws IOException {
        List<Object> l = new ArrayList<>();
        for (Submission sub : journal) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", sub.job());
            m.put("kind", sub.kind());
            m.put("shards", sub.shards());
            m.put("dependency", sub.dependency());
            m.put("submitted", sub.submitted());
            l.add(m);
        }
        writeAtomically(dir.resolve("jobs.json"), Json.write(l));
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
