package org.xasdaml.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.AtomicFiles;
import org.xasdaml.io.FileDigest;

/**
 * Runs a step for the command line: loads inputs from run folders, runs, writes every output
 * with its codec into the output folder and a {@code provenance.json} beside them.
 *
 * <p>Nothing is written outside the output folder: output names come from port declarations,
 * never from user text, every file is written atomically and a symbolic link under an output
 * name is refused ({@link AtomicFiles}).
 *
 * <p>The provenance is the stage's seal: it is deleted before the step runs and written last,
 * with the checksums of the inputs (ports and files named in options) and of every output, so a
 * folder whose run failed half-way (a full disk, a kill) holds no provenance, and a rerun can
 * check that the outputs are still those it describes ({@link #reusable}).
 */
public final class StepRunner {
    /** The provenance file's name in every output folder. */
    public static final String PROVENANCE = "provenance.json";

    private StepRunner() {
    }

    /** Loads a port's data from a path: the stored value itself, or a run folder that holds it under the port's name. */
    public static <T> T load(Port<T> port, Path path) throws IOException {
        Codec<T> codec = port.type().codec();
        if (codec.exists(path)) {
            return codec.read(path);
        }
        if (Files.isDirectory(path)) {
            for (String candidate : new String[] {port.name(), port.type().id()}) {
                Path inner = path.resolve(candidate);
                if (codec.exists(inner)) {
                    return codec.read(inner);
                }
            }
            // a run folder with exactly one output of this type
            try (var s = Files.list(path)) {
                var found = s.map(p -> {
                    String n = p.getFileName().toString();
                    int dot = n.lastIndexOf('.');
                    return path.resolve(dot > 0 ? n.substring(0, dot) : n);
                }).distinct().filter(codec::exists).toList();
                if (found.size() == 1) {
                    return codec.read(found.get(0));
                }
            }
        }
        throw new IOException("no " + port.type().id() + " data for input '" + port.name() + "' at " + path);
    }

    /**
     * Checksums of everything a run reads: the stored data behind each input port, and every file
     * or folder named by a {@code @Param(file = true)} option (a structure file, measured spectra),
     * so that editing such a file makes a rerun recompute instead of reusing stale results.
     *
     * @return input name ("structures", or "option file" / "option files[2]") to "path sha256:hex"
     */
    public static <P extends Record> Map<String, String> inputChecksums(Step<P> step, P options, Map<String, Path> inputSources) {
        Map<String, String> in = new LinkedHashMap<>();
        inputSources.forEach((k, v) -> in.put(k, v.toString() + " sha256:" + FileDigest.sha256OfStored(v)));
        for (Map.Entry<String, List<String>> e : step.parameters().files(options).entrySet()) {
            List<String> paths = e.getValue();
            for (int i = 0; i < paths.size(); i++) {
                String key = "option " + e.getKey() + (paths.size() > 1 ? "[" + i + "]" : "");
                Path p = Path.of(paths.get(i));
                in.put(key, paths.get(i) + (Files.exists(p) ? " sha256:" + FileDigest.sha256(p) : " (missing)"));
            }
        }
        return in;
    }

    /** Checksums of the outputs stored in {@code outDir}, by port name; a port with nothing stored is left out. */
    public static Map<String, String> outputChecksums(Step<?> step, Path outDir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Port<?> p : step.info().outputs()) {
            try {
                out.put(p.name(), FileDigest.sha256OfStored(outDir.resolve(p.name())));
            } catch (UncheckedIOException e) {
                // nothing stored under this name
            }
        }
        return out;
    }

    /**
     * Why a finished run in {@code outDir} cannot be reused for these options and inputs, or null
     * when it can: same step, same parameters, same input checksums, and every output it recorded
     * still stored with the checksum it had (a deleted or truncated output is recomputed).
     */
    /**
     * The parameters a provenance recorded, under today's names: a stage run before a parameter was
     * renamed ({@link FormerName}) is still reused when its values are today's.
     */
    private static Map<String, String> recordedParameters(Step<?> step, Provenance p) {
        try {
            return step.parameters().withCurrentNames(p.parameters(), w -> { });
        } catch (IllegalArgumentException e) {
            return p.parameters();
        }
    }

    public static <P extends Record> String whyNotReusable(Step<P> step, P options, Map<String, Path> inputSources, Path outDir) {
        Path prov = outDir.resolve(PROVENANCE);
        if (!Files.isRegularFile(prov)) {
            return "not run yet";
        }
        Provenance p;
        try {
            p = Provenance.read(prov);
        } catch (IOException | RuntimeException e) {
            return "its provenance.json cannot be read";
        }
        if (!p.step().equals(step.info().id()) || !recordedParameters(step, p).equals(step.parameters().toText(options))) {
            return "parameters changed";
        }
        Map<String, String> now;
        try {
            now = inputChecksums(step, options, inputSources);
        } catch (UncheckedIOException e) {
            return "an input cannot be read";
        }
        if (!digests(p.inputs()).equals(digests(now))) {
            return "inputs changed";
        }
        if (p.outputs().isEmpty() && !step.info().outputs().isEmpty()) {
            return "no output checksums recorded";
        }
        Map<String, String> stored = outputChecksums(step, outDir);
        for (Map.Entry<String, String> e : p.outputs().entrySet()) {
            String s = stored.get(e.getKey());
            if (s == null) {
                return "output '" + e.getKey() + "' is missing";
            }
            if (!s.equals(e.getValue())) {
                return "output '" + e.getKey() + "' changed since it was written";
            }
        }
        return null;
    }

    /** The digests alone ("sha256:..." or "(missing)"), by input name: paths may be spelled differently between runs. */
    private static Map<String, String> digests(Map<String, String> inputs) {
        Map<String, String> d = new LinkedHashMap<>();
        inputs.forEach((k, v) -> {
            int at = v.lastIndexOf(" sha256:");
            d.put(k, at >= 0 ? v.substring(at + 1) : v.endsWith(" (missing)") ? "(missing)" : v);
        });
        return d;
    }

    /** Runs a step and stores its outputs and provenance in {@code outDir}. */
    public static <P extends Record> StepData run(Step<P> step, StepData inputs, Map<String, Path> inputSources, P options,
                                                  BasicContext context, Path outDir) throws Exception {
        // the output folder itself may be a link the user made (runs -> /scratch/runs); links inside it are refused
        Files.createDirectories(outDir);
        Path prov = outDir.resolve(PROVENANCE);
        AtomicFiles.refuseLink(prov);
        // The old seal goes first: if this run dies half-way, no provenance vouches for mixed outputs.
        Files.deleteIfExists(prov);
        // Checksums first: the inputs are what they are now, before anything runs.
        Map<String, String> in = inputChecksums(step, options, inputSources);
        Instant start = Instant.now();
        StepData out = step.run(inputs, step.parameters().validate(options), context);
        everySampleFailed(step, out, context.failures());
        for (Port<?> p : step.info().outputs()) {
            Object v = out.raw(p.name());
            if (v != null) {
                write(p, v, outDir.resolve(p.name()));
            }
        }
        Map<String, String> software = new LinkedHashMap<>(SoftwareVersions.runtime());
        software.putAll(context.software());
        new Provenance(step.info().id(), step.parameters().toText(options), in, outputChecksums(step, outDir), software, start,
                Instant.now(), context.failures(), context.warnings(), context.records()).write(prov);
        return out;
    }

    /**
     * A run in which samples failed and no table output holds a single row produced nothing
     * usable: it ends as a failure (exit code 1, no provenance), not as a success with empty
     * tables that the next stage then trips over.
     */
    static void everySampleFailed(Step<?> step, StepData out, List<SampleFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        boolean anyTable = false;
        for (Port<?> p : step.info().outputs()) {
            if (out.raw(p.name()) instanceof org.xasdaml.table.SampleTable t) {
                anyTable = true;
                if (t.rows() > 0) {
                    return;
                }
            }
        }
        if (anyTable) {
            throw new IllegalStateException("every sample failed in " + step.info().id() + " (" + failures.size() + "), so nothing was "
                    + "written; the first: " + String.join("; ", failures.stream().limit(3).map(String::valueOf).toList()));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void write(Port<T> port, Object value, Path base) throws IOException {
        port.type().codec().write((T) value, base);
    }
}
