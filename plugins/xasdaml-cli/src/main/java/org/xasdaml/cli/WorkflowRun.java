package org.xasdaml.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.Provenance;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepRegistry;
import org.xasdaml.workflow.StepRunner;

/**
 * Runs a workflow stage by stage into one run folder ({@code <out>/<stage>/}), printing progress
 * per stage and a summary (time per stage, samples failed) at the end.
 *
 * <p>A stage whose folder already holds a {@code provenance.json} from the same parameters, the
 * same input checksums (ports and files named in options) and outputs still matching their
 * recorded checksums is skipped ({@link StepRunner#whyNotReusable}), so a rerun after a crash or
 * a kill resumes where it stopped; steps that keep per-sample work (FEFF) resume inside their
 * stage too.
 */
final class WorkflowRun {
    /** What one stage did. */
    record StageResult(String stage, String step, double seconds, int failures, boolean reused) {
    }

    private final StepRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private final int workers;
    private final boolean quiet;

    WorkflowRun(StepRegistry registry, PrintStream out, PrintStream err, int workers, boolean quiet) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.workers = workers;
        this.quiet = quiet;
    }

    /**
     * Checks every stage before the first runs, so that a typo in the last stage is not found
     * after hours of FEFF: the step exists, every option is known and of the right type and range,
     * every required input is connected, every input names a port the step has and an output the
     * source stage's step makes, of the same type.
     *
     * @return every problem found, one per line, or an empty list
     */
    List<String> problems(Workflow wf, Path home) {
        List<String> problems = new ArrayList<>();
        Map<String, Step<?>> steps = new LinkedHashMap<>();
        for (Workflow.Stage stage : wf.stages()) {
            String where = "stage " + stage.name() + ": ";
            Step<?> step = registry.steps().stream().filter(x -> x.info().id().equals(stage.step())).findFirst().orElse(null);
            if (step == null) {
                problems.add(where + "unknown step '" + stage.step() + "'; known steps: "
                        + String.join(", ", registry.steps().stream().map(x -> x.info().id()).sorted().toList()));
                continue;
            }
            steps.put(stage.name(), step);
            try {
                options(step, stage, home);
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
            List<String> ports = step.info().inputs().stream().map(Port::name).toList();
            for (String in : stage.inputs().keySet()) {
                if (!ports.contains(in)) {
                    problems.add(where + "'" + step.info().id() + "' has no input '" + in + "'; its inputs: " + String.join(", ", ports));
                }
            }
            for (Port<?> port : step.info().inputs()) {
                String src = stage.inputs().get(port.name());
                if (src == null) {
                    if (!port.optional()) {
                        problems.add(where + "input '" + port.name() + "' (" + port.type().id() + ") is not connected");
                    }
                    continue;
                }
                int slash = src.indexOf('/');
                Step<?> from = steps.get(slash < 0 ? src : src.substring(0, slash));
                if (from == null) {
                    continue; // an earlier stage that is itself broken (reported there); the workflow checks the order
                }
                List<Port<?>> outs = from.info().outputs().stream()
                        .filter(o -> slash < 0 ? o.type().id().equals(port.type().id()) : o.name().equals(src.substring(slash + 1)))
                        .toList();
                if (outs.isEmpty()) {
                    problems.add(where + "input '" + port.name() + "' reads '" + src + "', but step '" + from.info().id()
                            + "' has " + (slash < 0 ? "no " + port.type().id() + " output" : "no output '" + src.substring(slash + 1) + "'")
                            + "; its outputs: " + String.join(", ", from.info().outputs().stream()
                            .map(o -> o.name() + " (" + o.type().id() + ")").toList()));
                } else if (!outs.get(0).type().id().equals(port.type().id())) {
                    problems.add(where + "input '" + port.name() + "' takes " + port.type().id() + " but '" + src + "' is "
                            + outs.get(0).type().id());
                }
            }
        }
        return problems;
    }

    private static <P extends Record> P options(Step<P> step, Workflow.Stage stage, Path home) {
        return options(step, stage, home, w -> { });
    }

    /** A stage's options; options under a parameter's former name are read as its current one and reported to {@code warn}. */
    private static <P extends Record> P options(Step<P> step, Workflow.Stage stage, Path home, java.util.function.Consumer<String> warn) {
        Map<String, String> text = new LinkedHashMap<>();
        stage.options().forEach((k, v) -> text.put(k, v.replace("${home}", home.toString())));
        return step.parameters().fromText(step.parameters().withCurrentNames(text, warn));
    }

    /**
     * Prints a warning for every option given under a former name (the workflow runs: the values
     * are read under today's names).
     *
     * @throws UsageException listing every problem of the workflow ({@link #problems})
     */
    void check(Workflow wf, Path home) {
        refuseProblems(wf, home);
        for (Workflow.Stage stage : wf.stages()) {
            options(registry.byId(stage.step()), stage, home, w -> err.println("warning: stage " + stage.name() + ": " + w));
        }
    }

    private void refuseProblems(Workflow wf, Path home) {
        List<String> problems = problems(wf, home);
        if (!problems.isEmpty()) {
            throw new UsageException("the workflow " + wf.name() + " cannot run; nothing was started:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Runs the stages in order (the caller has {@link #check}ed the workflow; the problems are checked again). */
    List<StageResult> run(Workflow wf, Path runDir, Path home) throws Exception {
        refuseProblems(wf, home);
        Files.createDirectories(runDir);
        org.xasdaml.io.AtomicFiles.writeString(runDir.resolve("workflow.json"), Json.write(wf.toJson()));
        List<StageResult> results = new ArrayList<>();
        int i = 0;
        for (Workflow.Stage stage : wf.stages()) {
            i++;
            Step<?> step = registry.byId(stage.step());
            out.println(String.format(Locale.ROOT, "== stage %d/%d: %s (%s)", i, wf.stages().size(), stage.name(),
                    String.join(" ", step.info().command())));
            results.add(runStage(step, stage, runDir, home));
        }
        printSummary(results);
        return results;
    }

    private <P extends Record> StageResult runStage(Step<P> step, Workflow.Stage stage, Path runDir, Path home) throws Exception {
        Path outDir = runDir.resolve(stage.name());
        org.xasdaml.io.AtomicFiles.refuseLink(outDir); // a stage folder is the program's, inside the user's folder
        P options = options(step, stage, home);
        Map<String, Path> inputPaths = new LinkedHashMap<>();
        for (Port<?> port : step.info().inputs()) {
            String src = stage.inputs().get(port.name());
            if (src == null) {
                if (!port.optional()) {
                    throw new UsageException("stage " + stage.name() + ": input '" + port.name() + "' is not connected");
                }
                continue;
            }
            inputPaths.put(port.name(), runDir.resolve(src));
        }
        Path prov = outDir.resolve(StepRunner.PROVENANCE);
        String why = StepRunner.whyNotReusable(step, options, inputPaths, outDir);
        if (why == null) {
            Provenance p = Provenance.read(prov);
            double secs = (p.finished().toEpochMilli() - p.started().toEpochMilli()) / 1000.0;
            out.println("   already done (" + ParallelSamples.duration(secs) + "), reusing " + outDir);
            return new StageResult(stage.name(), step.info().id(), secs, p.failures().size(), true);
        }
        if (Files.exists(prov)) {
            out.println("   running again: " + why);
        }
        StepData inputs = StepData.empty();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Port<?> port : step.info().inputs()) {
            Path path = inputPaths.get(port.name());
            if (path != null) {
                inputs = put(inputs, port, StepRunner.load(port, path));
                sources.put(port.name(), path);
            }
        }
        ProgressPrinter progress = new ProgressPrinter(err, stage.name(), quiet ? 60 : 5.0);
        BasicContext ctx = new BasicContext(workers, outDir.resolve("work"), progress, m -> err.println("   warning: " + m));
        long t0 = System.nanoTime();
        StepRunner.run(step, inputs, sources, options, ctx, outDir);
        progress.flush();
        double secs = (System.nanoTime() - t0) / 1e9;
        out.println(String.format(Locale.ROOT, "   done in %s, %d sample(s) failed", ParallelSamples.duration(secs), ctx.failures().size()));
        ctx.failures().stream().limit(5).forEach(f -> err.println("   " + f));
        return new StageResult(stage.name(), step.info().id(), secs, ctx.failures().size(), false);
    }

    @SuppressWarnings("unchecked")
    private static <T> StepData put(StepData d, Port<T> p, Object v) {
        return d.with(p, (T) v);
    }

    void printSummary(List<StageResult> results) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-16s %-22s %10s %8s", "stage", "step", "time", "failed"));
        double total = 0;
        for (StageResult r : results) {
            total += r.reused() ? 0 : r.seconds();
            out.println(String.format(Locale.ROOT, "%-16s %-22s %10s %8d%s", r.stage(), r.step(), ParallelSamples.duration(r.seconds()),
                    r.failures(), r.reused() ? "  (reused)" : ""));
        }
        out.println(String.format(Locale.ROOT, "%-16s %-22s %10s", "total (this run)", "", ParallelSamples.duration(total)));
    }

    static List<StageResult> readSummary(Path file) throws IOException {
        List<StageResult> out = new ArrayList<>();
        for (Object o : (List<?>) Json.parse(Files.readString(file))) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new StageResult((String) m.get("stage"), (String) m.get("step"), ((Number) m.get("seconds")).doubleValue(),
                    ((Number) m.get("failures")).intValue(), Boolean.TRUE.equals(m.get("reused"))));
        }
        return out;
    }

    static void writeSummary(List<StageResult> results, Path file) throws IOException {
        List<Object> l = new ArrayList<>();
        for (StageResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", r.stage());
            m.put("step", r.step());
            m.put("seconds", r.seconds());
            m.put("failures", r.failures());
            m.put("reused", r.reused());
            l.add(m);
        }
        org.xasdaml.io.AtomicFiles.writeString(file, Json.write(l));
    }
}
