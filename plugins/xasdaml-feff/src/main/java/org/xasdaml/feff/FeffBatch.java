package org.xasdaml.feff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.xasdaml.io.FileDigest;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepContext;

/**
 * Runs Feff8L for many samples, each in its own folder under a work folder, so that a batch of
 * thousands can be stopped (or killed) and rerun: a sample whose {@link FeffResult#FILE} exists with
 * the digest of the same input is not computed again.
 *
 * <p>Layout of the work folder:
 * <pre>
 *   samples/f&lt;frame&gt;_s&lt;site&gt;/   feff.inp, feff.log, result.txt (other FEFF files deleted unless kept)
 *   shared/&lt;digest&gt;/               shared-potential mode: the representative's rdinp + pot + xsph
 *   potentials/                      environment mode: the default {@link PotentialLibrary}
 * </pre>
 *
 * <p>A sample that fails (broken structure, FEFF crash, time limit) is recorded in the context with
 * FEFF's own message and its folder is kept for inspection; the others go on.
 */
public final class FeffBatch {
    /** Files of a finished sample kept when FEFF's intermediate files are not. */
    private static final Set<String> KEEP = Set.of("feff.inp", FeffProgram.LOG, FeffResult.FILE);
    /** Marker of a finished shared-potential folder (written last, atomically). */
    static final String SHARED_DONE = "shared.done";
    /** Files of a shared-potential folder that each sample's pathfinder, genfmt and ff2x read. */
    static final List<String> SHARED_FILES = List.of("phase.pad", "xsect.json");

    private FeffBatch() {
    }

    /**
     * What to run.
     *
     * @param cards         control cards (the SCF card is dropped in {@link FeffMode#NO_SCF})
     * @param clusterRadius atoms within this distance of the absorber are written (Å)
     * @param mode          full, shared-potential or no-scf
     * @param groupSize     shared-potential mode: consecutive samples sharing one set of potentials (0 = all)
     * @param timeLimit     largest wall time of one sample's FEFF stages (s); also applies to a shared potential
     * @param keepFiles     keep every FEFF file of finished samples (about 1 MB each) instead of only feff.inp,
     *                      feff.log and the result
     */
    public record Settings(FeffCards cards, double clusterRadius, FeffMode mode, int groupSize, double timeLimit,
                           boolean keepFiles, EnvironmentPotentials.Settings environment) {
        /** Settings with the environment mode's defaults. */
        public Settings(FeffCards cards, double clusterRadius, FeffMode mode, int groupSize, double timeLimit, boolean keepFiles) {
            this(cards, clusterRadius, mode, groupSize, timeLimit, keepFiles, EnvironmentPotentials.Settings.defaults());
        }

        public Settings {
            if (environment == null) {
                environment = EnvironmentPotentials.Settings.defaults();
            }
            if (!(timeLimit > 0)) {
                throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
            }
            if (groupSize < 0) {
                throw new IllegalArgumentException("group size must be >= 0, got " + groupSize);
            }
            if (mode == FeffMode.LOCAL_SCF && cards.scf() == null) {
                throw new IllegalArgumentException("local-scf mode needs an SCF card (its radius is the local one)");
            }
        }

        /** The cards actually written: without SCF in no-scf mode. */
        public FeffCards effectiveCards() {
            return mode == FeffMode.NO_SCF ? cards.withoutScf() : cards;
        }
    }

    /**
     * One set of shared potentials.
     *
     * @param representative the sample whose structure made them
     * @param members        samples using them
     * @param folder         where they are
     * @param seconds        wall time of rdinp + pot + xsph (s), or NaN when reused from an earlier run
     * @param error          why they could not be made, or null
     */
    public record SharedPotential(SampleId representative, List<SampleId> members, Path folder, double seconds, String error) {
    }

    /**
     * What a batch produced.
     *
     * @param results  finished samples in input order (failed ones left out)
     * @param reused   how many were found finished from an earlier run
     * @param computed how many were computed now
     * @param shared   shared potentials (empty unless shared-potential mode)
     * @param choices  environment mode: the potentials each sample took (empty in other modes)
     */
    public record Outcome(List<FeffResult> results, int reused, int computed, List<SharedPotential> shared,
                          Map<SampleId, EnvironmentPotentials.Choice> choices) {
        public Outcome(List<FeffResult> results, int reused, int computed, List<SharedPotential> shared) {
            this(results, reused, computed, shared, Map.of());
        }
    }

    /** A sample's folder in the work folder. */
    public static Path sampleFolder(Path workDir, SampleId id) {
        return workDir.resolve("samples").resolve("f" + id.frame() + "_s" + id.site());
    }

    /**
     * Which part of a batch one process does. Locally everything ({@link #ALL}); the Slurm executor
     * splits a batch into a potentials job ({@link #potentialsOnly()}), array tasks that each compute
     * a shard of samples ({@link #shard}) and a collecting pass that computes nothing ({@link #COLLECT}).
     * Every part sees the whole sample list, so groups of shared potentials and digests are the
     * same whichever process computes a sample.
     *
     * @param potentials   compute the shared potentials that unfinished samples need; when false they
     *                     must exist already (a sample whose potentials are missing fails)
     * @param samples      samples to compute when unfinished (null = all)
     * @param reportInputs record samples whose feff.inp cannot be written as failures
     */
    public record Scope(boolean potentials, Set<SampleId> samples, boolean reportInputs) {
        /** Everything, as a local run. */
        public static final Scope ALL = new Scope(true, null, true);
        /** Only read what is finished (no FEFF runs). */
        public static final Scope COLLECT = new Scope(false, Set.of(), true);

        public Scope {
            samples = samples == null ? null : Set.copyOf(samples);
        }

        /** Only the shared potentials that unfinished samples need. */
        public static Scope potentialsOnly() {
            return new Scope(true, Set.of(), false);
        }

        /** Only these samples, with shared potentials made by an earlier job. */
        public static Scope shard(Set<SampleId> ids) {
            return new Scope(false, ids, false);
        }

        boolean computes(SampleId id) {
            return samples == null || samples.contains(id);
        }
    }

    /**
     * Runs (or resumes) a batch.
     *
     * @param samples samples in order
     * @param s       settings
     * @param feff    the installed Feff8L
     * @param workDir the batch's work folder
     * @param ctx     progress, cancellation, workers, failures
     */
    public static Outcome run(List<Sample> samples, Settings s, FeffProgram feff, Path workDir, StepContext ctx) {
        return run(samples, s, feff, workDir, ctx, Scope.ALL);
    }

    /**
     * What is finished in a work folder, judged by each record's digest only (cheap enough to call
     * between polls of a cluster).
     *
     * @param finished          samples with a result of the same input
     * @param unfinished        samples still to compute, in input order
     * @param inputErrors       samples whose feff.inp cannot be written, with the reason
     * @param potentialsMissing shared potentials that unfinished samples need are not made yet
     */
    public record Status(List<SampleId> finished, List<SampleId> unfinished, Map<SampleId, String> inputErrors,
                         boolean potentialsMissing) {
    }

    /** The status of a batch in a work folder (no FEFF runs, nothing written). */
    public static Status status(List<Sample> samples, Settings s, Path workDir) {
        Map<SampleId, String> errors = new LinkedHashMap<>();
        Plan plan = prepare(samples, s, workDir, f -> errors.put(f.sample(), f.message()));
        List<SampleId> finished = new ArrayList<>();
        List<SampleId> unfinished = new ArrayList<>();
        boolean missing = false;
        Map<SampleId, EnvironmentPotentials.Choice> choices = s.mode() == FeffMode.ENVIRONMENT
                ? EnvironmentPotentials.readPlan(workDir, s.environment(), inputDigests(plan.jobs)) : Map.of();
        for (Job j : plan.jobs) {
            if (s.mode() == FeffMode.ENVIRONMENT) {
                EnvironmentPotentials.Choice c = choices.get(j.sample.id());
                if (c == null) {
                    unfinished.add(j.sample.id());
                    missing = true; // not planned yet: the potentials job must run
                    continue;
                }
                environmentDigest(j, s, c);
            }
            Map<String, String> h;
            try {
                h = FeffResult.header(j.folder);
            } catch (IOException e) {
                h = null;
            }
            if (h != null && j.digest.equals(h.get("digest"))) {
                finished.add(j.sample.id());
            } else {
                unfinished.add(j.sample.id());
                missing |= j.shared != null && !sharedDone(j.shared);
            }
        }
        return new Status(finished, unfinished, errors, missing);
    }

    /**
     * Runs (or resumes) the part of a batch given by a scope.
     *
     * @param samples samples in order (always the whole batch, whatever the scope)
     * @param s       settings
     * @param feff    the installed Feff8L (unused by {@link Scope#COLLECT})
     * @param workDir the batch's work folder
     * @param ctx     progress, cancellation, workers, failures
     * @param scope   what this process computes
     */
    public static Outcome run(List<Sample> samples, Settings s, FeffProgram feff, Path workDir, StepContext ctx, Scope scope) {
        // 1-3. inputs, shared-potential groups, digests; a broken structure fails here, alone. A shard outside
        // shared-potential mode prepares only its own samples (a sample's digest is its own input then), so that
        // a task of a batch of 10^5 samples does not build 10^5 inputs; groups of shared potentials need them all.
        List<Sample> prepared = samples;
        if (scope.samples() != null && !scope.potentials() && !scope.reportInputs() && s.mode() != FeffMode.SHARED_POTENTIAL) {
            prepared = samples.stream().filter(x -> scope.computes(x.id())).toList();
        }
        Plan plan = prepare(prepared, s, workDir, f -> {
            if (scope.reportInputs() || scope.computes(f.sample())) {
                ctx.recordFailure(f);
            }
        });
        List<Job> jobs = plan.jobs;
        Map<String, Shared> shared = plan.shared;
        // 2b. environment mode: representatives by environment, from or into the potential library; a sample's
        // digest then names the potentials it uses. A process that makes potentials (local, or the Slurm
        // potentials job) plans over the whole batch and writes the plan file; an array task or the collecting
        // pass reads its samples' choices from that file.
        Map<SampleId, EnvironmentPotentials.Choice> choices = Map.of();
        if (s.mode() == FeffMode.ENVIRONMENT) {
            Map<SampleId, String> inputDigests = inputDigests(jobs);
            if (scope.potentials()) {
                choices = EnvironmentPotentials.plan(jobs.stream().map(j -> j.sample.id()).toList(),
                        jobs.stream().map(j -> j.input).toList(), s.clusterRadius(), s.environment(), workDir, feff, s.timeLimit(), ctx);
                try {
                    EnvironmentPotentials.writePlan(workDir, s.environment(), inputDigests, choices);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the environment plan in " + workDir + ": " + e.getMessage(), e);
                }
            } else {
                choices = EnvironmentPotentials.readPlan(workDir, s.environment(), inputDigests);
            }
            List<Job> planned = new ArrayList<>();
            for (Job j : jobs) {
                EnvironmentPotentials.Choice c = choices.get(j.sample.id());
                if (c != null) {
                    environmentDigest(j, s, c);
                    planned.add(j);
                } else if (!scope.potentials() && scope.computes(j.sample.id())) {
                    ctx.recordFailure(new SampleFailure(j.sample.id(), "feff environment", "no potentials planned for it: the "
                            + "potentials job did not finish (" + workDir.resolve(EnvironmentPotentials.PLAN_FILE) + ")"));
                }
            }
            jobs = planned;
        }
        List<Job> unfinished = new ArrayList<>();
        List<Job> todo = new ArrayList<>();
        int reused = 0;
        for (Job j : jobs) {
            j.result = finished(j);
            if (j.result == null) {
                unfinished.add(j);
                if (scope.computes(j.sample.id())) {
                    todo.add(j);
                }
            } else {
                reused++;
            }
        }
        if (reused > 0 && !todo.isEmpty()) {
            ctx.progress(0, String.format(Locale.ROOT, "feff: %d of %d samples already finished in %s; computing %d",
                    reused, jobs.size(), workDir, todo.size()));
        }
        // 4. shared potentials needed by what is left (made here, or checked when an earlier job made them)
        List<Shared> needed = new ArrayList<>();
        for (Shared sh : shared.values()) {
            if ((scope.potentials() ? unfinished : todo).stream().anyMatch(j -> j.shared == sh)) {
                needed.add(sh);
            }
        }
        if (!needed.isEmpty() && scope.potentials()) {
            ParallelSamples.map(needed, sh -> sh.representative.sample.id(), "feff shared potential", sh -> {
                try {
                    computeShared(sh, feff, s, ctx);
                } catch (org.xasdaml.workflow.CancelledException e) {
                    throw e;
                } catch (Exception e) {
                    sh.error = ParallelSamples.messageOf(e);
                    throw e;
                }
                return sh;
            }, ctx);
        } else {
            for (Shared sh : needed) {
                if (sharedDone(sh)) {
                    sh.seconds = sharedSeconds(sh.folder);
                } else {
                    sh.error = "not made: the job computing shared potentials did not finish (" + sh.folder + ")";
                }
            }
        }
        // 5. samples
        List<FeffResult> computed = ParallelSamples.map(todo, j -> j.sample.id(), "feff " + s.mode().label(),
                j -> computeSample(j, feff, s, ctx), ctx);
        for (int i = 0; i < todo.size(); i++) {
            todo.get(i).result = computed.get(i);
        }
        List<FeffResult> results = new ArrayList<>();
        int done = 0;
        for (Job j : jobs) {
            if (j.result != null) {
                results.add(j.result);
            }
        }
        for (FeffResult r : computed) {
            if (r != null) {
                done++;
            }
        }
        List<SharedPotential> sp = new ArrayList<>();
        for (Shared sh : shared.values()) {
            double secs = Double.isNaN(sh.seconds) ? sharedSeconds(sh.folder) : sh.seconds;
            sp.add(new SharedPotential(sh.representative.sample.id(), List.copyOf(sh.members), sh.folder, secs, sh.error));
        }
        return new Outcome(results, reused, done, sp, choices);
    }

    /** SHA-256 of each job's feff.inp (the environment plan file checks a sample's line against it). */
    private static Map<SampleId, String> inputDigests(List<Job> jobs) {
        Map<SampleId, String> m = new LinkedHashMap<>();
        for (Job j : jobs) {
            m.put(j.sample.id(), FileDigest.sha256(j.input.text().getBytes(StandardCharsets.UTF_8)));
        }
        return m;
    }

    /** An environment-mode job's potentials and digest (its input, the mode and the potentials' entry id). */
    private static void environmentDigest(Job j, Settings s, EnvironmentPotentials.Choice c) {
        j.potentials = c.entry().folder();
        j.potentialsId = c.entry().id();
        String what = j.input.text() + "\nmode " + s.mode().label() + "\npotentials " + j.potentialsId;
        j.digest = FileDigest.sha256(what.getBytes(StandardCharsets.UTF_8));
    }

    /** Inputs, shared-potential groups and digests of a batch. */
    private record Plan(List<Job> jobs, Map<String, Shared> shared) {
    }

    private static Plan prepare(List<Sample> samples, Settings s, Path workDir, java.util.function.Consumer<SampleFailure> inputFailure) {
        FeffCards cards = s.effectiveCards();
        // 1. inputs; a broken structure fails here, alone
        List<Job> jobs = new ArrayList<>();
        for (Sample sample : samples) {
            try {
                jobs.add(new Job(sample, FeffInput.of(sample, s.clusterRadius(), cards), sampleFolder(workDir, sample.id())));
            } catch (RuntimeException e) {
                inputFailure.accept(new SampleFailure(sample.id(), "feff input", e.getMessage()));
            }
        }
        // 2. shared potentials: groups of consecutive samples, split further by potentials list
        Map<String, Shared> shared = new LinkedHashMap<>();
        if (s.mode() == FeffMode.SHARED_POTENTIAL) {
            int size = s.groupSize() == 0 ? Math.max(1, jobs.size()) : s.groupSize();
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                String key = (i / size) + "|" + j.input.potentialsKey();
                Shared sh = shared.get(key);
                if (sh == null) {
                    String digest = FileDigest.sha256(j.input.text().getBytes(StandardCharsets.UTF_8));
                    sh = new Shared(j, workDir.resolve("shared").resolve(digest.substring(0, 16)), digest);
                    shared.put(key, sh);
                }
                sh.members.add(j.sample.id());
                j.shared = sh;
            }
        }
        // 3. digests
        for (Job j : jobs) {
            String what = j.input.text() + "\nmode " + s.mode().label() + (j.shared == null ? "" : "\nshared " + j.shared.digest);
            j.digest = FileDigest.sha256(what.getBytes(StandardCharsets.UTF_8));
        }
        return new Plan(jobs, shared);
    }

    private static boolean sharedDone(Shared sh) {
        Path marker = sh.folder.resolve(SHARED_DONE);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker).strip().startsWith(sh.digest);
        } catch (IOException e) {
            return false;
        }
    }

    /** The finished result of a job, or null when it must be (re)computed. */
    private static FeffResult finished(Job j) {
        try {
            Map<String, String> h = FeffResult.header(j.folder);
            if (h == null || !j.digest.equals(h.get("digest"))) {
                return null;
            }
            FeffResult r = FeffResult.read(j.folder);
            return r.id().equals(j.sample.id()) ? r : null;
        } catch (IOException e) {
            return null; // a damaged record is computed again
        }
    }

    private static void computeShared(Shared sh, FeffProgram feff, Settings s, StepContext ctx) throws IOException {
        Path marker = sh.folder.resolve(SHARED_DONE);
        if (sharedDone(sh)) {
            sh.seconds = sharedSeconds(sh.folder);
            return;
        }
        recreate(sh.folder);
        Files.writeString(sh.folder.resolve("feff.inp"), sh.representative.input.text());
        long t0 = System.nanoTime();
        feff.run(sh.folder, List.of(FeffStage.RDINP, FeffStage.POT, FeffStage.XSPH), t0 + seconds(s.timeLimit()),
                s.timeLimit(), ctx::isCancelled);
        sh.seconds = (System.nanoTime() - t0) / 1e9;
        Path tmp = sh.folder.resolve(SHARED_DONE + ".tmp");
        Files.writeString(tmp, sh.digest + String.format(Locale.ROOT, " %.3f%n", sh.seconds));
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FeffResult computeSample(Job j, FeffProgram feff, Settings s, StepContext ctx) throws IOException {
        if (j.shared != null && j.shared.error != null) {
            throw new FeffException("its shared potentials (from sample " + j.shared.representative.sample.id()
                    + ") failed: " + j.shared.error);
        }
        recreate(j.folder);
        Files.writeString(j.folder.resolve("feff.inp"), j.input.text());
        Path from = j.shared != null ? j.shared.folder : j.potentials;
        if (from != null) {
            for (String f : SHARED_FILES) {
                Files.copy(from.resolve(f), j.folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        long t0 = System.nanoTime();
        feff.run(j.folder, s.mode().sampleStages(), t0 + seconds(s.timeLimit()), s.timeLimit(), ctx::isCancelled);
        double secs = (System.nanoTime() - t0) / 1e9;
        FeffOutput out;
        try {
            out = FeffOutput.read(j.folder);
        } catch (IOException | RuntimeException e) {
            throw new FeffException("FEFF's output cannot be read: " + e.getMessage(), e);
        }
        FeffResult r = new FeffResult(j.sample.id(), j.digest, s.mode(), secs, out);
        r.write(j.folder);
        if (!s.keepFiles()) {
            try (Stream<Path> files = Files.list(j.folder)) {
                for (Path f : files.toList()) {
                    if (!KEEP.contains(f.getFileName().toString())) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        return r;
    }

    /** Empties a folder (a killed run may have left half-written FEFF files) and creates it. */
    static void recreate(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    /** One sample's work. */
    private static final class Job {
        final Sample sample;
        final FeffInput input;
        final Path folder;
        Shared shared;
        /** Environment mode: the library entry whose potentials this sample takes, and its id. */
        Path potentials;
        String potentialsId;
        String digest;
        FeffResult result;

        Job(Sample sample, FeffInput input, Path folder) {
            this.sample = sample;
            this.input = input;
            this.folder = folder;
        }
    }

    /** One set of shared potentials while the batch runs. */
    private static final class Shared {
        final Job representative;
        final Path folder;
        final String digest;
        final List<SampleId> members = new ArrayList<>();
        volatile double seconds = Double.NaN;
        volatile String error;

        Shared(Job representative, Path folder, String digest) {
            this.representative = representative;
            this.folder = folder;
            this.digest = digest;
        }
    }

    /** Reads the seconds a finished shared-potential folder took, or NaN. */
    static double sharedSeconds(Path folder) {
        try {
            String[] p = Files.readString(folder.resolve(SHARED_DONE)).strip().split(" ");
            return Double.parseDouble(p[1]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
