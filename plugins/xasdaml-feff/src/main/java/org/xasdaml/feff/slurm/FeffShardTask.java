package org.xasdaml.feff.slurm;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffProgram;
import org.xasdaml.feff.SimulateSpectraStep;
import org.xasdaml.io.Json;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.SampleFailure;

/**
 * What one Slurm array task runs on its node ({@code xasdaml feff shard PLAN K}): the shard's
 * samples through the same {@link FeffBatch} as a local run, in the same work folder, with one
 * worker per allocated CPU; then a report of the shard (samples computed, reused, failed with
 * FEFF's message) written atomically for the submitting command to collect. With {@code potentials}
 * instead of a shard number it makes the shared potentials every shard then reuses.
 */
public final class FeffShardTask {
    /** The argument that makes the shared potentials. */
    public static final String POTENTIALS = "potentials";

    private FeffShardTask() {
    }

    /** Entry point: {@code [feff shard] PLAN SHARD}. */
    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.size() >= 2 && a.get(0).equals("feff") && a.get(1).equals("shard")) {
            a = a.subList(2, a.size());
        }
        if (a.size() != 2) {
            System.err.println("usage: xasdaml feff shard PLAN SHARD|potentials");
            System.exit(2);
        }
        System.exit(run(Path.of(a.get(0)), a.get(1), System.err));
    }

    /** The report file of a shard. */
    public static Path reportFile(Path slurmDir, int shard) {
        return slurmDir.resolve("reports").resolve("shard-" + shard + ".json");
    }

    /** This task's Slurm id: "array_task", the job id, or "local" outside Slurm. */
    static String jobId() {
        String array = System.getenv("SLURM_ARRAY_JOB_ID");
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        if (array != null && task != null) {
            return array + "_" + task;
        }
        String job = System.getenv("SLURM_JOB_ID");
        return job == null ? "local" : job;
    }

    /**
     * Runs a shard (or the potentials) of a plan; returns the exit code: 0 when the task ran (even
     * when some samples failed: they are in the report), 1 when it could not run at all.
     */
    public static int run(Path planFile, String shardArg, PrintStream log) {
        long t0 = System.nanoTime();
        try {
            ShardPlan plan = ShardPlan.read(planFile);
            SimulateSpectraStep step = new SimulateSpectraStep();
            SimulateSpectraStep.Options o = step.parameters().fromText(plan.options());
            StructureSet set = PortTypes.STRUCTURES.codec().read(plan.structures());
            FeffProgram feff = FeffProgram.locate(o.feffBin());
            String cpus = System.getenv("SLURM_CPUS_PER_TASK");
            int workers = cpus != null && cpus.matches("\\d+") ? Integer.parseInt(cpus) : plan.cpus();
            BasicContext ctx = new BasicContext(Math.max(1, workers), plan.workDir(),
                    (f, m) -> log.println(m), m -> log.println("warning: " + m));
            List<Sample> samples = set.sampleList();
            if (shardArg.equals(POTENTIALS)) {
                FeffBatch.Outcome out = FeffBatch.run(samples, o.settings(), feff, plan.workDir(), ctx, FeffBatch.Scope.potentialsOnly());
                boolean failed = false;
                for (FeffBatch.SharedPotential sp : out.shared()) {
                    if (sp.error() != null) {
                        log.println("shared potentials of sample " + sp.representative() + " failed: " + sp.error());
                        failed = true;
                    }
                }
                if (o.settings().mode() == org.xasdaml.feff.FeffMode.ENVIRONMENT) {
                    log.println(String.format(Locale.ROOT, "environment plan: %d of %d samples have potentials, %d sets",
                            out.choices().size(), samples.size(), out.choices().values().stream().map(c -> c.entry().id()).distinct().count()));
                    failed = out.choices().isEmpty() && !samples.isEmpty();
                }
                return failed ? 1 : 0;
            }
            int k = Integer.parseInt(shardArg);
            if (k < 0 || k >= plan.shards().size()) {
                log.println("shard " + k + " does not exist: the plan has " + plan.shards().size());
                return 1;
            }
            Set<SampleId> ids = new HashSet<>(plan.shards().get(k));
            log.println(String.format(Locale.ROOT, "xasdaml feff shard %d (Slurm job %s): %d samples, %d workers", k, jobId(),
                    ids.size(), workers));
            FeffBatch.Outcome out = FeffBatch.run(samples, o.settings(), feff, plan.workDir(), ctx, FeffBatch.Scope.shard(ids));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("shard", k);
            r.put("job", jobId());
            r.put("host", InetAddress.getLocalHost().getHostName());
            r.put("samples", ids.size());
            r.put("computed", out.computed());
            r.put("reused", (int) out.results().stream().filter(x -> ids.contains(x.id())).count() - out.computed());
            r.put("seconds", (System.nanoTime() - t0) / 1e9);
            // wall-clock instants (the JVM's start included) for the overhead of a task against a local run
            r.put("started", ProcessHandle.current().info().startInstant().map(Object::toString).orElse(""));
            r.put("finished", java.time.Instant.now().toString());
            List<Object> failures = new ArrayList<>();
            for (SampleFailure f : ctx.failures()) {
                if (ids.contains(f.sample())) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("sample", f.sample().toString());
                    e.put("stage", f.stage());
                    e.put("message", f.message());
                    failures.add(e);
                }
            }
            r.put("failures", failures);
            Path file = reportFile(planFile.getParent(), k);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + jobId() + ".tmp");
            Files.writeString(tmp, Json.write(r));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.println(String.format(Locale.ROOT, "shard %d done: %d computed, %d failed, %.1f s", k, out.computed(),
                    failures.size(), (System.nanoTime() - t0) / 1e9));
            return 0;
        } catch (IOException | RuntimeException e) {
            log.println("error: " + ParallelSamples.messageOf(e));
            return 1;
        }
    }
}
