package org.xasdaml.feff.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xasdaml.feff.FeffBatch;
import org.xasdaml.feff.FeffResult;
import org.xasdaml.feff.SimulateSpectraStep;
import org.xasdaml.io.Json;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepData;

/**
 * The Slurm executor against a real single-node Slurm cluster started by the test (skipped, with
 * the reason printed, where it cannot start): 24 Cu frames in no-SCF mode plus one frame whose
 * absorber's only neighbour is 7.5 Å away (FEFF's pot fails on it), through a job array of 4 samples
 * per task. Cluster radius 8 Å (instead of 20) keeps each FEFF run short.
 */
class SlurmExecutorTest {
    private static SlurmTestCluster cluster;
    private static Path tmp;
    private static StructureSet frames;
    private static StepData local;
    private static List<SampleFailure> localFailures;
    private static double localSeconds;
    private static final SampleId LONE = new SampleId(24, 0);

    @BeforeAll
    static void startClusterAndRunLocally() throws Exception {
        String why = SlurmTestCluster.cannotStart();
        if (why != null) {
            System.out.println("SlurmExecutorTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        cluster = SlurmTestCluster.start();
        tmp = Files.createTempDirectory("xasdaml-slurm-test-");
        frames = frames();
        BasicContext ctx = new BasicContext(2, tmp.resolve("local").resolve("work"), null, null);
        long t0 = System.nanoTime();
        SimulateSpectraStep step = new SimulateSpectraStep();
        local = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, frames), options(step, "local", false), ctx);
        localSeconds = (System.nanoTime() - t0) / 1e9;
        localFailures = ctx.failures();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (tmp != null && System.getenv("XASDAML_KEEP_SLURM_TEST") == null) {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** 20 frames of the public Cu set, 4 more (frames 0–3 with one atom moved 0.05 Å) and one FEFF cannot compute. */
    static StructureSet frames() throws Exception {
        Path dump = Path.of(SimulateSpectraStep.class.getResource("cu-md-public-first20.dump").toURI());
        StructureSet cu = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", 20, "",
                List.of(), false));
        List<Frame> list = new ArrayList<>(cu.frames());
        List<SampleId> ids = new ArrayList<>(cu.samples());
        for (int i = 0; i < 4; i++) {
            Frame f = cu.frame(i);
            double[] p = f.positions().clone();
            p[3] += 0.05;
            list.add(new Frame(20 + i, f.elements(), p, f.lattice(), f.pbc()));
            ids.add(new SampleId(20 + i, 0));
        }
        // frame 24: the absorber (atom 0) with a single neighbour 7.5 Å away, the other atoms far off, no periodic
        // images. It passes the input checks, but FEFF's pot stops (MOVRLP-1) without writing pot.pad.
        Frame f = cu.frame(3);
        double[] p = f.positions().clone();
        for (int i = 3; i < p.length; i++) {
            p[i] += 500;
        }
        p[3] = p[0] + 7.5;
        p[4] = p[1];
        p[5] = p[2];
        list.add(new Frame(24, f.elements(), p, null, null));
        ids.add(LONE);
        return new StructureSet(list, ids, cu.source(), cu.sha256(), List.of());
    }

    static SimulateSpectraStep.Options options(SimulateSpectraStep step, String executor, boolean noWait) {
        SimulateSpectraStep.Options d = step.defaults();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> launcher = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FeffShardTask.class.getName());
        return new SimulateSpectraStep.Options(d.edge(), d.preset(), d.debye(), d.temperature(), d.debyeTemperature(), false, "no-scf", 1, 1, "", 42,
                0.03, 0.04, 0, d.scfRadius(), d.scfIterations(), d.rpath(), d.nlegs(), d.critCurved(), d.critPlane(), d.s02(), d.kmax(),
                8.0, 600, 0, "", false, executor, "", "", "10:00", 1, "", 4, List.of("--comment=xasdaml-test"),
                launcher, cluster.conf().toString(), noWait, 0.5, 0,
                d.localScfRadius(), d.localScfIterations(), d.localScfMixing(), d.periodicMode());
    }

    static void assertSameTables(StepData expected, StepData actual, int rows) {
        for (var port : List.of(SimulateSpectraStep.MU, SimulateSpectraStep.CHI)) {
            SampleTable e = expected.get(port);
            SampleTable a = actual.get(port);
            assertEquals(rows, a.rows());
            assertEquals(e.ids(), a.ids());
            assertEquals(e.columnNames(), a.columnNames());
            assertArrayEquals(e.axis().values(), a.axis().values());
            for (int r = 0; r < e.rows(); r++) {
                assertArrayEquals(e.row(r), a.row(r), port.name() + " row " + r);
            }
        }
        assertArrayEquals(expected.get(SimulateSpectraStep.RUNS).column("e0"), actual.get(SimulateSpectraStep.RUNS).column("e0"));
    }

    @Test
    void twentyFourFramesGiveTheLocalTablesAndAFeffFailureFailsAlone() throws Exception {
        assertEquals(1, localFailures.size(), localFailures.toString());
        assertEquals(LONE, localFailures.get(0).sample());

        SimulateSpectraStep step = new SimulateSpectraStep();
        Path work = tmp.resolve("slurm").resolve("work");
        List<String> progress = new ArrayList<>();
        BasicContext ctx = new BasicContext(2, work, (f, m) -> progress.add(m), null);
        long t0 = System.nanoTime();
        StepData out = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, frames), options(step, "slurm", false), ctx);
        double slurmSeconds = (System.nanoTime() - t0) / 1e9;

        assertSameTables(local, out, 24);
        List<SampleFailure> failures = ctx.failures();
        assertEquals(1, failures.size(), failures.toString());
        SampleFailure f = failures.get(0);
        assertEquals(LONE, f.sample());
        List<Map<String, Object>> jobs = journal(work);
        assertEquals(1, jobs.size());
        String job = (String) jobs.get(0).get("job");
        assertTrue(f.stage().equals("slurm job " + job + "_6"), f.toString());
        assertTrue(f.message().contains("feff no-scf: ") && f.message().contains(localFailures.get(0).message()), f.toString());
        Path log = work.resolve("slurm").resolve("logs").resolve("feff-" + job + "_6.log");
        assertTrue(f.message().contains("(log " + log + ")") && Files.isRegularFile(log), f.toString());
        assertTrue(ctx.software().get("slurm jobs").startsWith(job + " (array 0,1,2,3,4,5,6)"), ctx.software().toString());
        assertTrue(progress.stream().anyMatch(m -> m.matches("feff on Slurm: \\d+/25 samples done, \\d+ failed; tasks: \\d+ pending, "
                + "\\d+ running, \\d+ finished")), progress.toString());
        String script = Files.readString(work.resolve("slurm").resolve(JobScript.FILE));
        assertTrue(script.contains("#SBATCH --comment=xasdaml-test\n") && script.contains("#SBATCH --time=10:00\n"), script);

        // figures for the README: fixed cost of a task (JVM, plan, inputs of the batch) and per-sample FEFF time
        // figures for the README (printed, not asserted): a task's fixed cost is its wall time from the JVM's start
        // to its report, minus the FEFF time of its samples (one worker per task here); the queue latency is the
        // time from submission to the first task's JVM start
        double[] localSec = local.get(SimulateSpectraStep.RUNS).column("seconds");
        double[] slurmSec = out.get(SimulateSpectraStep.RUNS).column("seconds");
        List<SampleId> ids = out.get(SimulateSpectraStep.RUNS).ids();
        double fixed = 0;
        java.time.Instant firstStart = null;
        for (int k = 0; k < 7; k++) {
            Map<String, Object> r = SlurmFeffRun.readReport(work.resolve("slurm"), k);
            java.time.Instant started = java.time.Instant.parse((String) r.get("started"));
            java.time.Instant ended = java.time.Instant.parse((String) r.get("finished"));
            firstStart = firstStart == null || started.isBefore(firstStart) ? started : firstStart;
            double feff = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).frame() / 4 == k) {
                    feff += slurmSec[i];
                }
            }
            fixed += (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0 - feff;
        }
        double latency = (firstStart.toEpochMilli() - java.time.Instant.parse((String) jobs.get(0).get("submitted")).toEpochMilli())
                / 1000.0;
        System.out.printf(Locale.ROOT, "SLURM-OVERHEAD 25 samples, load %s: local wall %.1f s (2 workers), slurm wall %.1f s "
                        + "(7 tasks x 1 CPU, 2 at a time); FEFF s/sample local %.2f, slurm %.2f; task fixed cost %.2f s mean; "
                        + "submit-to-first-start %.2f s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
                localSeconds, slurmSeconds, java.util.Arrays.stream(localSec).average().orElse(0),
                java.util.Arrays.stream(slurmSec).average().orElse(0), fixed / 7, latency);
    }

    @Test
    void aTaskKilledWithScancelAndARerunCompleteTheSetWithoutRecomputing() throws Exception {
        SimulateSpectraStep step = new SimulateSpectraStep();
        Path work = tmp.resolve("cancel").resolve("work");
        Path slurmDir = work.resolve("slurm");
        BasicContext first = new BasicContext(2, work, null, null);
        SlurmJobsPending pending = assertThrows(SlurmJobsPending.class, () -> step.run(
                StepData.empty().with(SimulateSpectraStep.STRUCTURES, frames), options(step, "slurm", true), first));
        assertTrue(pending.getMessage().contains("Rerun the same command"), pending.getMessage());
        String job = (String) journal(work).get(0).get("job");
        String name = SlurmFeffRun.jobName(work.toAbsolutePath().normalize());
        SlurmClient client = new SlurmClient(cluster.conf().toString());

        // cancel the first task seen running whose shard has no report yet
        String victim = null;
        long end = System.nanoTime() + 120_000_000_000L;
        while (victim == null && System.nanoTime() < end) {
            for (Map.Entry<String, String> e : client.queue(name).entrySet()) {
                int k = Integer.parseInt(e.getKey().substring(e.getKey().indexOf('_') + 1));
                if (e.getValue().equals("RUNNING") && SlurmFeffRun.readReport(slurmDir, k) == null && k != 6) {
                    victim = e.getKey();
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(victim != null, "no running task to cancel");
        client.cancel(List.of(victim));
        int cancelledShard = Integer.parseInt(victim.substring(victim.indexOf('_') + 1));
        while (!client.queue(name).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        assertEquals(Map.of(), client.queue(name));

        // what is finished now must not be computed again
        Map<Path, FileTime> finished = new HashMap<>();
        for (SampleId id : frames.samples()) {
            Path r = FeffBatch.sampleFolder(work, id).resolve(FeffResult.FILE);
            if (Files.isRegularFile(r)) {
                finished.put(r, Files.getLastModifiedTime(r));
            }
        }
        assertTrue(finished.size() < 24, "the cancelled shard left samples unfinished: " + finished.size());

        BasicContext rerun = new BasicContext(2, work, null, null);
        StepData out = step.run(StepData.empty().with(SimulateSpectraStep.STRUCTURES, frames), options(step, "slurm", false), rerun);
        assertSameTables(local, out, 24);
        for (Map.Entry<Path, FileTime> e : finished.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was computed again");
        }
        String warned = String.join("\n", rerun.warnings());
        assertTrue(warned.contains("shard " + cancelledShard + ": Slurm job " + victim + " was cancelled (CANCELLED"), warned);
        List<Map<String, Object>> jobs = journal(work);
        assertEquals(2, jobs.size(), jobs.toString());
        List<Integer> resubmitted = ((List<?>) jobs.get(1).get("shards")).stream().map(x -> ((Number) x).intValue()).sorted().toList();
        assertEquals(List.of(cancelledShard, 6), resubmitted, "only the cancelled shard and the one with the failed sample");
        Map<String, Object> report = SlurmFeffRun.readReport(slurmDir, cancelledShard);
        assertEquals(jobs.get(1).get("job") + "_" + cancelledShard, report.get("job"));
        assertEquals(4, ((Number) report.get("computed")).intValue() + ((Number) report.get("reused")).intValue());
        assertEquals(1, rerun.failures().size(), rerun.failures().toString());
        assertEquals(LONE, rerun.failures().get(0).sample());
        assertTrue(job.matches("\\d+"));
    }

    @Test
    void sharedPotentialsAreMadeOnceByAJobTheArrayWaitsFor() throws Exception {
        // small clusters (5 Å, SCF radius 3 Å, as SharedPotentialTest) so that each potential takes seconds
        SimulateSpectraStep step = new SimulateSpectraStep();
        StructureSet eight = frames.select(frames.samples().subList(0, 8));
        StepData in = StepData.empty().with(SimulateSpectraStep.STRUCTURES, eight);
        BasicContext localCtx = new BasicContext(2, tmp.resolve("shared-local").resolve("work"), null, null);
        StepData expected = step.run(in, shared(step, "local"), localCtx);
        Path work = tmp.resolve("shared-slurm").resolve("work");
        BasicContext ctx = new BasicContext(2, work, null, null);
        StepData out = step.run(in, shared(step, "slurm"), ctx);

        assertSameTables(expected, out, 8);
        assertEquals(List.of(), ctx.failures());
        List<Map<String, Object>> jobs = journal(work);
        assertEquals(2, jobs.size(), jobs.toString());
        assertEquals("potentials", jobs.get(0).get("kind"));
        assertEquals("array", jobs.get(1).get("kind"));
        assertEquals(jobs.get(0).get("job"), jobs.get(1).get("dependency"));
        // two groups of 4: two potentials, each made once (by the potentials job), then reused by both tasks
        try (Stream<Path> d = Files.list(work.resolve("shared"))) {
            assertEquals(2, d.count());
        }
        Path potLog = work.resolve("slurm").resolve("logs").resolve("potentials-" + jobs.get(0).get("job") + ".log");
        assertTrue(Files.isRegularFile(potLog), potLog.toString());
        for (int k = 0; k < 2; k++) {
            Map<String, Object> r = SlurmFeffRun.readReport(work.resolve("slurm"), k);
            assertEquals(4, ((Number) r.get("computed")).intValue(), r.toString());
        }
    }

    /**
     * Environment mode on Slurm: a potentials job plans over the whole batch (representatives into the
     * library, the plan file), the array waits for it and each task computes its shard on the planned
     * potentials; the tables equal a local run's (same representatives, same FEFF).
     */
    @Test
    void environmentPotentialsArePlannedByAJobTheArrayWaitsFor() throws Exception {
        SimulateSpectraStep step = new SimulateSpectraStep();
        StructureSet eight = frames.select(frames.samples().subList(0, 8));
        StepData in = StepData.empty().with(SimulateSpectraStep.STRUCTURES, eight);
        BasicContext localCtx = new BasicContext(2, tmp.resolve("env-local").resolve("work"), null, null);
        StepData expected = step.run(in, environment(step, "local"), localCtx);
        Path work = tmp.resolve("env-slurm").resolve("work");
        BasicContext ctx = new BasicContext(2, work, null, null);
        StepData out = step.run(in, environment(step, "slurm"), ctx);

        assertSameTables(expected, out, 8);
        assertEquals(List.of(), ctx.failures());
        assertArrayEquals(expected.get(SimulateSpectraStep.RUNS).text("representative"),
                out.get(SimulateSpectraStep.RUNS).text("representative"));
        List<Map<String, Object>> jobs = journal(work);
        assertEquals(2, jobs.size(), jobs.toString());
        assertEquals("potentials", jobs.get(0).get("kind"));
        assertEquals(jobs.get(0).get("job"), jobs.get(1).get("dependency"));
        assertTrue(Files.isRegularFile(work.resolve("environment-plan.tsv")));
        // two groups: two sets of potentials in the library, made by the potentials job only
        try (Stream<Path> keys = Files.list(work.resolve("potentials"))) {
            List<Path> k = keys.filter(Files::isDirectory).toList();
            assertEquals(1, k.size(), k.toString());
            try (Stream<Path> entries = Files.list(k.get(0))) {
                assertEquals(2, entries.filter(Files::isDirectory).count());
            }
        }
        for (int shard = 0; shard < 2; shard++) {
            Map<String, Object> r = SlurmFeffRun.readReport(work.resolve("slurm"), shard);
            assertEquals(4, ((Number) r.get("computed")).intValue(), r.toString());
        }
        // a rerun finds everything finished and submits nothing
        StepData again = step.run(in, environment(step, "slurm"), new BasicContext(2, work, null, null));
        assertSameTables(expected, again, 8);
        assertEquals(2, journal(work).size());
    }

    /**
     * Periodic frames by environment on Slurm: four cluster frames (no-SCF) and two sites of a periodic bulk frame in
     * one merged set. The periodic part runs as an environment-mode batch of its own in {@code <work>/periodic}
     * (its potentials job, then its array), the clusters as the step's own array; the tables equal a local run's,
     * and the bulk sites share one representative.
     */
    @Test
    void periodicFramesByEnvironmentRunAsABatchOfTheirOwn() throws Exception {
        SimulateSpectraStep step = new SimulateSpectraStep();
        Path bulkDump = Path.of(SimulateSpectraStep.class.getResource("cu-bulk-md-public-first1.dump").toURI());
        StructureSet bulk = ReadStructuresStep.read(bulkDump, new ReadStructuresStep.Options(bulkDump.toString(), "auto", "0,1", 1,
                "", List.of(), false));
        StructureSet set = org.xasdaml.structure.MergeStructuresStep.merge(List.of(frames.select(frames.samples().subList(0, 4)),
                bulk), 100000);
        StepData in = StepData.empty().with(SimulateSpectraStep.STRUCTURES, set);
        StepData expected = step.run(in, periodic(step, "local"), new BasicContext(2, tmp.resolve("periodic-local").resolve("work"),
                null, null));
        Path work = tmp.resolve("periodic-slurm").resolve("work");
        BasicContext ctx = new BasicContext(2, work, null, null);
        StepData out = step.run(in, periodic(step, "slurm"), ctx);

        assertSameTables(expected, out, 6);
        assertEquals(List.of(), ctx.failures());
        String[] rep = out.get(SimulateSpectraStep.RUNS).text("representative");
        assertEquals("", rep[0]);
        assertTrue(rep[4].startsWith("sample 100000:") && rep[5].equals(rep[4]), String.join(" | ", rep));
        assertEquals(1, journal(work).size(), "the clusters' array");
        List<Map<String, Object>> periodicJobs = journal(work.resolve("periodic"));
        assertEquals(2, periodicJobs.size(), periodicJobs.toString());
        assertEquals("potentials", periodicJobs.get(0).get("kind"));
    }

    private static SimulateSpectraStep.Options periodic(SimulateSpectraStep step, String executor) {
        return changed(step, options(step, executor, false), Map.of("periodicMode", "environment", "groups", "1",
                "representativesPerGroup", "1", "targetError", "0", "scfRadius", "3.0", "rpath", "4.0", "clusterRadius", "5.0"));
    }

    private static SimulateSpectraStep.Options environment(SimulateSpectraStep step, String executor) {
        return changed(step, shared(step, executor), Map.of("mode", "environment", "groups", "2", "representativesPerGroup", "1",
                "targetError", "0"));
    }

    private static SimulateSpectraStep.Options shared(SimulateSpectraStep step, String executor) {
        return changed(step, options(step, executor, false), Map.of("mode", "shared-potential", "groupSize", "4", "scfRadius", "3.0",
                "rpath", "4.0", "clusterRadius", "5.0"));
    }

    /** Options with some values changed, as a user's workflow file changes them. */
    private static SimulateSpectraStep.Options changed(SimulateSpectraStep step, SimulateSpectraStep.Options o,
                                                       Map<String, String> values) {
        Map<String, String> text = new HashMap<>(step.parameters().toText(o));
        text.putAll(values);
        return step.parameters().fromText(o, text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> journal(Path work) throws Exception {
        return (List<Map<String, Object>>) Json.parse(Files.readString(work.resolve("slurm").resolve("jobs.json")));
    }
}
