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
import org.xasdaml.io.FolderLock;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureFileException;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.ParameterSpec;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.SoftwareVersions;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.StepRegistry;
import org.xasdaml.workflow.StepRunner;

/**
 * The {@code xasdaml} command line: every registered step is a subcommand whose options and help
 * come from its parameter declaration, plus a few commands of its own (inspect, workflow, bench).
 */
public final class Main {
    /** Options every step command takes besides its parameters. */
    static final List<String> COMMON = List.of("out", "workers", "help", "quiet");

    private final StepRegistry registry;
    private final PrintStream out;
    private final PrintStream err;

    Main(StepRegistry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        org.xasdaml.feff.FeffProgram.preferVforkLaunch(); // before any process is started: see there
        Main m = new Main(StepRegistry.load(Main.class.getClassLoader()), System.out, System.err);
        System.exit(m.run(args));
    }

    /** Exit code when Slurm jobs were submitted with --no-wait and have not all ended. */
    static final int PENDING = 3;

    /** Runs a command line; returns the exit code (0 ok, 1 failed, 2 usage, 3 Slurm jobs pending). */
    int run(String[] args) {
        try {
            CommandLine cl = CommandLine.parse(args);
            List<String> w = cl.words();
            if (w.isEmpty() || w.get(0).equals("help")) {
                if (w.size() > 1) {
                    return run(withHelp(w.subList(1, w.size())));
                }
                printOverview();
                return cl.options().containsKey("version") || !w.isEmpty() || cl.flag("help") ? 0 : (args.length == 0 ? 0 : 2);
            }
            if (w.get(0).equals("version")) {
                out.println("xasdaml " + SoftwareVersions.xasdaml());
                return 0;
            }
            if (w.size() >= 2 && w.get(0).equals("structures") && w.get(1).equals("inspect")) {
                return inspect(cl);
            }
            for (Builtin b : builtins()) {
                if (w.size() >= b.words().size() && w.subList(0, b.words().size()).equals(b.words())) {
                    return b.command().run(cl, this);
                }
            }
            Step<?> step = findStep(w);
            if (step == null) {
                throw new UsageException("unknown command '" + String.join(" ", w) + "'; run 'xasdaml help' for the list");
            }
            if (cl.flag("help")) {
                printStepHelp(step);
                return 0;
            }
            return runStep(step, cl, w.subList(step.info().command().size(), w.size()));
        } catch (UsageException | InvalidParameterException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (StructureFileException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (org.xasdaml.feff.slurm.SlurmJobsPending e) {
            // --no-wait: submitted (or still queued); not an error, but no outputs yet
            err.println(e.getMessage());
            return PENDING;
        } catch (Exception e) {
            err.println("error: " + ParallelSamples.messageOf(e));
            if (System.getenv("XASDAML_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static String[] withHelp(List<String> words) {
        List<String> a = new ArrayList<>(words);
        a.add("--help");
        return a.toArray(String[]::new);
    }

    /** A command of the program's own, not a step. */
    record Builtin(List<String> words, String summary, BuiltinCommand command) {
    }

    @FunctionalInterface
    interface BuiltinCommand {
        int run(CommandLine cl, Main main) throws Exception;
    }

    List<Builtin> builtins() {
        return List.of(
                new Builtin(List.of("demo"), "The main job: the whole workflow on the bundled Cu data, with a report",
                        (cl, m) -> WorkflowCommands.demo(cl, m.registry, m.out, m.err)),
                new Builtin(List.of("workflow", "report"), "Write report.html again for a finished run folder",
                        (cl, m) -> WorkflowCommands.report(cl, m.out)),
                new Builtin(List.of("workflow", "run"), "Run a workflow description (JSON) stage by stage, resumable",
                        (cl, m) -> WorkflowCommands.runWorkflow(cl, m.registry, m.out, m.err)),
                new Builtin(List.of("feff", "shard"), "Run one shard of a Slurm FEFF batch (what each array task runs)",
                        (cl, m) -> {
                            if (cl.flag("help") || cl.words().size() != 4) {
                                m.out.println("usage: xasdaml feff shard PLAN SHARD|potentials");
                                m.out.println();
                                m.out.println(wrap("Run by the job script of 'feff run --executor slurm' on a cluster node: "
                                        + "computes shard SHARD of the plan (or the shared potentials) in the batch's work "
                                        + "folder and writes the shard's report.", 0));
                                return cl.flag("help") ? 0 : 2;
                            }
                            return org.xasdaml.feff.slurm.FeffShardTask.run(Path.of(cl.words().get(2)), cl.words().get(3), m.err);
                        }),
                new Builtin(List.of("bench", "structures"), "Time reading a structure file (default: the bundled Cu dump)",
                        (cl, m) -> Benchmarks.structures(cl, m.out)),
                new Builtin(List.of("bench", "compare"), "Time descriptors, Larch kernels, forest and PCA (Java half of bench/compare-python.sh)",
                        (cl, m) -> CompareBench.run(cl, m.out)));
    }

    Step<?> findStep(List<String> words) {
        Step<?> best = null;
        for (Step<?> s : registry.steps()) {
            List<String> c = s.info().command();
            if (words.size() >= c.size() && words.subList(0, c.size()).equals(c)
                    && (best == null || c.size() > best.info().command().size())) {
                best = s;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ inspect

    private int inspect(CommandLine cl) {
        List<String> w = cl.words();
        if (cl.flag("help")) {
            out.println("usage: xasdaml structures inspect FILE [--format F] [--absorber 0|Cu] [--type-map 1=Cu] [--skip-bad-frames]");
            out.println();
            out.println("Prints the frames, atoms per frame, elements, box and periodicity of a structure file,");
            out.println("and the absorbers chosen. Options are those of 'structures read'.");
            return 0;
        }
        if (w.size() != 3) {
            throw new UsageException("usage: xasdaml structures inspect FILE [options]");
        }
        ReadStructuresStep step = new ReadStructuresStep();
        Map<String, String> text = parameterText(step, cl, List.of("help"));
        text.put("file", w.get(2));
        ReadStructuresStep.Options o = step.parameters().fromText(text);
        StructureSet set = ReadStructuresStep.read(Path.of(o.file()), o);
        out.print(set.summary());
        return 0;
    }

    // ------------------------------------------------------------------ steps

    private <P extends Record> Map<String, String> parameterText(Step<P> step, CommandLine cl, List<String> extraAllowed) {
        Map<String, String> byOption = new LinkedHashMap<>();
        for (ParameterSpec s : step.parameters().specs()) {
            byOption.put(s.option().substring(2), s.name());
            for (ParameterSpec.Former f : s.formerNames()) {
                byOption.put(f.option().substring(2), f.name()); // read as the current name, with a warning, below
            }
        }
        List<String> inputs = step.info().inputs().stream().map(Port::name).toList();
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cl.options().entrySet()) {
            String name = byOption.get(e.getKey());
            if (name != null) {
                text.put(name, e.getValue());
            } else if (!COMMON.contains(e.getKey()) && !inputs.contains(e.getKey()) && !extraAllowed.contains(e.getKey())) {
                throw new UsageException("unknown option --" + e.getKey() + " for '" + String.join(" ", step.info().command())
                        + "'; see --help");
            }
        }
        return step.parameters().withCurrentNames(text, w -> err.println("warning: " + w));
    }

    private <P extends Record> int runStep(Step<P> step, CommandLine cl, List<String> positionals) throws Exception {
        StepInfo info = step.info();
        Map<String, String> text = parameterText(step, cl, List.of());
        // A FILE parameter may be given as the one positional argument.
        if (!positionals.isEmpty()) {
            List<ParameterSpec> files = step.parameters().specs().stream().filter(s -> s.kind() == ParameterSpec.Kind.FILE).toList();
            if (positionals.size() > 1 || files.isEmpty() || text.containsKey(files.get(0).name())) {
                throw new UsageException("unexpected argument(s) " + positionals + "; see --help");
            }
            text.put(files.get(0).name(), positionals.get(0));
        }
        P options = step.parameters().fromText(text);
        Path outDir = cl.out(null);
        StepData inputs = StepData.empty();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Port<?> p : info.inputs()) {
            String given = cl.options().get(p.name());
            if (given == null) {
                if (!p.optional()) {
                    throw new UsageException("input --" + p.name() + " PATH is required (" + p.description() + ")");
                }
                continue;
            }
            Path path = Path.of(given);
            if (Files.isDirectory(outDir) && sameOrInside(path, outDir)) {
                throw new UsageException("--out " + outDir + " is the folder of input --" + p.name()
                        + "; writing there would overwrite that step's results and provenance. Choose another --out");
            }
            inputs = put(inputs, p, StepRunner.load(p, path));
            sources.put(p.name(), path);
        }
        int workers = cl.workers();
        ProgressPrinter progress = new ProgressPrinter(err, info.id(), cl.flag("quiet") ? 3600 : 2.0);
        BasicContext ctx = new BasicContext(workers, outDir.resolve("work"), progress, msg -> err.println("warning: " + msg));
        long t0 = System.nanoTime();
        StepData result;
        try (FolderLock lock = FolderLock.acquire(outDir)) {
            result = StepRunner.run(step, inputs, sources, options, ctx, outDir);
        }
        progress.flush();
        double secs = (System.nanoTime() - t0) / 1e9;
        for (Port<?> p : info.outputs()) {
            Object v = result.raw(p.name());
            if (v != null) {
                out.println(p.name() + ": " + v);
            }
        }
        List<SampleFailure> failures = ctx.failures();
        out.println(String.format(Locale.ROOT, "%s finished in %s; %d sample(s) failed; outputs in %s", info.id(),
                ParallelSamples.duration(secs), failures.size(), outDir));
        for (SampleFailure f : failures.subList(0, Math.min(20, failures.size()))) {
            err.println("  " + f);
        }
        if (failures.size() > 20) {
            err.println("  ... and " + (failures.size() - 20) + " more (see provenance.json)");
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static <T> StepData put(StepData d, Port<T> p, Object v) {
        return d.with(p, (T) v);
    }

    // ------------------------------------------------------------------ help

    private void printOverview() {
        out.println("xasdaml " + SoftwareVersions.xasdaml() + " - machine learning for X-ray absorption spectroscopy");
        out.println();
        out.println("usage: xasdaml COMMAND [options]        xasdaml COMMAND --help");
        for (Category c : Category.values()) {
            List<Step<?>> in = registry.steps().stream().filter(s -> s.info().category() == c).toList();
            if (in.isEmpty()) {
                continue;
            }
            out.println();
            out.println(c.title() + ":");
            for (Step<?> s : in) {
                out.println(String.format(Locale.ROOT, "  %-28s %s", String.join(" ", s.info().command()), s.info().summary()));
            }
        }
        out.println();
        out.println("Other commands:");
        out.println(String.format(Locale.ROOT, "  %-28s %s", "structures inspect FILE", "Summarise a structure file and the absorbers chosen"));
        for (Builtin b : builtins()) {
            out.println(String.format(Locale.ROOT, "  %-28s %s", String.join(" ", b.words()), b.summary()));
        }
        out.println(String.format(Locale.ROOT, "  %-28s %s", "version", "Print the version"));
    }

    void printStepHelp(Step<?> step) {
        StepInfo info = step.info();
        StringBuilder usage = new StringBuilder("usage: xasdaml " + String.join(" ", info.command()));
        for (Port<?> p : info.inputs()) {
            usage.append(p.optional() ? " [--" : " --").append(p.name()).append(" PATH").append(p.optional() ? "]" : "");
        }
        usage.append(" --out DIR [options]");
        out.println(usage);
        out.println();
        out.println(info.title() + " (" + info.category().title() + ", paper module " + info.module() + ")");
        out.println();
        for (String para : info.description().split("\n\\s*\n")) {
            out.println(wrap(para.replaceAll("\\s+", " ").strip(), 0));
            out.println();
        }
        if (!info.inputs().isEmpty()) {
            out.println("Inputs (a file written by an earlier step, or its output folder):");
            for (Port<?> p : info.inputs()) {
                out.println("  --" + p.name() + " PATH" + (p.optional() ? " (optional)" : ""));
                out.println(wrap(p.description() + " [" + p.type().id() + "]", 6));
            }
            out.println();
        }
        out.println("Outputs (written into --out DIR, with provenance.json):");
        for (Port<?> p : info.outputs()) {
            out.println("  " + p.name() + " [" + p.type().id() + "]");
            out.println(wrap(p.description(), 6));
        }
        out.println();
        out.println("Options:");
        List<ParameterSpec> specs = new ArrayList<>(step.parameters().specs());
        specs.sort((a, b) -> Boolean.compare(a.advanced(), b.advanced()));
        for (ParameterSpec s : specs) {
            String arg = switch (s.kind()) {
                case BOOLEAN -> "";
                case INT, LONG -> " N";
                case DOUBLE -> " X";
                case CHOICE -> " {" + String.join("|", s.choices()) + "}";
                case FILE -> " FILE";
                case TEXT_LIST, DOUBLE_LIST -> " A,B,...";
                default -> " TEXT";
            };
            out.println("  " + s.option() + arg + (s.advanced() ? "   (advanced)" : ""));
            out.println(wrap(s.fullDescription(), 6));
        }
        if (step.parameters().specs().stream().noneMatch(s -> s.name().equals("workers"))) {
            out.println("  --workers N");
            out.println(wrap("Samples worked on at once. Default: the number of cores.", 6));
        }
        out.println("  --quiet");
        out.println(wrap("Report progress rarely.", 6));
    }

    static String wrap(String text, int indent) {
        StringBuilder sb = new StringBuilder();
        String pad = " ".repeat(indent);
        int width = 100 - indent;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                sb.append(pad).append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            sb.append(pad).append(line);
        } else if (sb.length() > 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** Whether {@code out} is the folder {@code input} names or the folder holding the file it names. */
    static boolean sameOrInside(Path input, Path out) throws IOException {
        Path in = input.toAbsolutePath().normalize();
        Path o = out.toRealPath();
        if (Files.exists(in) && in.toRealPath().equals(o)) {
            return true;
        }
        // an input given by its base name ("run/structures" for structures.extxyz) or as a file in the folder
        Path parent = in.getParent();
        return !Files.isDirectory(in) && parent != null && Files.isDirectory(parent) && parent.toRealPath().equals(o);
    }

    static Path requireFile(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("no such file: " + path);
        }
        return p;
    }
}
