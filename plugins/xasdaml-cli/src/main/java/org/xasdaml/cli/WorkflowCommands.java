package org.xasdaml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xasdaml.workflow.StepRegistry;

/** The {@code workflow run} and {@code demo} commands. */
final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** The Cu workflow shipped with the program (the main job). */
    static Workflow cuWorkflow() throws IOException {
        return Workflow.parse(resource("cu-workflow.json"));
    }

    /** The main job followed by its checks on data it has not seen (cu-checks.json, stages reading the main job's). */
    static Workflow cuWorkflowWithChecks() throws IOException {
        return cuWorkflow().then(resource("cu-checks.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkflowCommands.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> overrides(CommandLine cl) {
        String s = cl.options().get("set");
        List<String> out = new ArrayList<>();
        if (s != null) {
            Arrays.stream(s.split(";")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        }
        return out;
    }

    static int runWorkflow(CommandLine cl, StepRegistry registry, PrintStream out, PrintStream err) throws Exception {
        if (cl.flag("help") || cl.words().size() != 3) {
            out.println("usage: xasdaml workflow run FILE --out DIR [--set \"stage.option=value;...\"] [--workers N] [--quiet]");
            out.println();
            out.println(Main.wrap("Runs a workflow description (JSON: name, description, stages with step, inputs and options) "
                    + "stage by stage into DIR/<stage>. Stages already finished with the same parameters are reused, so a rerun "
                    + "resumes. Ends with DIR/report.html.", 0));
            return cl.flag("help") ? 0 : 2;
        }
        Workflow wf = Workflow.read(Main.requireFile(cl.words().get(2))).with(overrides(cl));
        return execute(wf, cl, registry, out, err, null);
    }

    /** Writes report.html again for a finished run folder (after a rerun of some stages by hand, say). */
    static int report(CommandLine cl, PrintStream out) throws Exception {
        if (cl.flag("help") || cl.words().size() != 3) {
            out.println("usage: xasdaml workflow report RUN_DIR");
            return cl.flag("help") ? 0 : 2;
        }
        Path runDir = Path.of(cl.words().get(2));
        if (!java.nio.file.Files.isDirectory(runDir)) {
            throw new UsageException("no run folder " + runDir);
        }
        // stages are found by their provenance; workflow.json and summary.json only add the name and the order
        String name = java.nio.file.Files.exists(runDir.resolve("workflow.json"))
                ? Workflow.read(runDir.resolve("workflow.json")).name() : runDir.getFileName().toString();
        List<WorkflowRun.StageResult> results = java.nio.file.Files.exists(runDir.resolve("summary.json"))
                ? WorkflowRun.readSummary(runDir.resolve("summary.json")) : null;
        Path report = RunReport.write(runDir, "XASDAML workflow " + name, results);
        out.println("report: " + report.toAbsolutePath());
        return 0;
    }

    static int demo(CommandLine cl, StepRegistry registry, PrintStream out, PrintStream err) throws Exception {
        if (cl.flag("help")) {
            out.println("usage: xasdaml demo [--out DIR] [--frames N] [--full-scf] [--checks] [--set \"stage.option=value;...\"] "
                    + "[--workers N]");
            out.println();
            out.println(Main.wrap("The main job: the whole XASDAML workflow on the bundled Cu data, cluster and periodic bulk "
                    + "frames (structures, FEFF, descriptors, reconciliation, plots, statistics, PCA/K-means, filtering, division, "
                    + "features by one recipe: k²χ(k) and |χ(R)| augmented over S0², ΔE0, σ² and noise, standardisation, MLP, "
                    + "CNN and random forest with calibrated intervals, prediction, evaluation), then CN and CR of the measured Cu "
                    + "foil spectrum from every model, and one HTML report. Default output folder: runs/cu. --frames N uses the "
                    + "first 0.2 N frames of the public cluster set, 0.4 N of the 55-200-atom cluster set and 0.6 N bulk frames "
                    + "(N = 500 by default); FEFF gives every cluster frame its own self-consistent potentials over its absorber and "
                    + "first shell (local-scf, within 1.3 % of full SCF) and the periodic bulk frames the potentials of "
                    + "representatives by environment (--set feff.periodicMode=same for local-scf there too); --full-scf runs them over the whole 4 Å SCF radius instead (slower; "
                    + "--set feff.mode=environment shares the potentials of representatives, about a third of local-scf's FEFF "
                    + "time, 3-7 % from full SCF); --checks adds the fresh-run check: 200 Cu frames of "
                    + "another MD run (data/cu-fresh-md.dump), simulated by FEFF in a run of their own and predicted by every "
                    + "model of the main job.", 0));
            return 0;
        }
        List<String> ov = new ArrayList<>(overrides(cl));
        if (cl.options().containsKey("frames")) {
            // the two cluster sets and the bulk set in the main job's proportion (100 : 300 : 200 for N = 500)
            int frames;
            try {
                frames = Integer.parseInt(cl.options().get("frames").strip());
            } catch (NumberFormatException e) {
                throw new UsageException("--frames takes a whole number of frames, got '" + cl.options().get("frames") + "'");
            }
            ov.add("clusters.maxFrames=" + Math.max(1, (int) Math.round(0.2 * frames)));
            ov.add("bulk.maxFrames=" + Math.max(1, (int) Math.round(0.6 * frames)));
            ov.add("fresh-kind.maxFrames=" + Math.max(1, (int) Math.round(0.4 * frames)));
        }
        if (cl.flag("full-scf")) {
            ov.add("feff.mode=full");
        }
        Workflow wf = (cl.flag("checks") ? cuWorkflowWithChecks() : cuWorkflow()).with(ov);
        return execute(wf, cl, registry, out, err, "XASDAML demo: Cu clusters and bulk Cu");
    }

    private static int execute(Workflow wf, CommandLine cl, StepRegistry registry, PrintStream out, PrintStream err, String title)
            throws Exception {
        Path runDir = cl.out("runs/" + wf.name());
        int workers = cl.workers();
        Path home = Path.of(System.getProperty("xasdaml.home", ".")).toAbsolutePath().normalize();
        WorkflowRun run = new WorkflowRun(registry, out, err, workers, cl.flag("quiet"));
        run.check(wf, home); // before the output folder is even created
        Path report;
        try (org.xasdaml.io.FolderLock lock = org.xasdaml.io.FolderLock.acquire(runDir)) {
            List<WorkflowRun.StageResult> results = run.run(wf, runDir, home);
            WorkflowRun.writeSummary(results, runDir.resolve("summary.json"));
            report = RunReport.write(runDir, title != null ? title : "XASDAML workflow " + wf.name(), results);
        }
        out.println();
        out.println("report: " + report.toAbsolutePath());
        return 0;
    }
}
