package org.xasdaml.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xasdaml.io.FileDigest;

/**
 * Runs a step for the command line: loads inputs from run folders, runs, writes every output
 * with its codec into the output folder and a {@code provenance.json} beside them.
 *
 * <p>Nothing is written outside the output folder: output names come from port declarations,
 * never from user text.
 */
public final class StepRunner {
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

    /** Runs a step and stores its outputs and provenance in {@code outDir}. */
    public static <P extends Record> StepData run(Step<P> step, StepData inputs, Map<String, Path> inputSources, P options,
                                                  BasicContext context, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        // Checksums first: the inputs are what they are now, before anything runs.
        Map<String, String> in = new LinkedHashMap<>();
        inputSources.forEach((k, v) -> in.put(k, v.toString() + " sha256:" + FileDigest.sha256OfStored(v)));
        Instant start = Instant.now();
        StepData out = step.run(inputs, step.parameters().validate(options), context);
        for (Port<?> p : step.info().outputs()) {
            Object v = out.raw(p.name());
            if (v != null) {
                write(p, v, outDir.resolve(p.name()));
            }
        }
        Map<String, String> software = new LinkedHashMap<>(SoftwareVersions.runtime());
        software.putAll(context.software());
        new Provenance(step.info().id(), step.parameters().toText(options), in, software, start, Instant.now(),
                context.failures(), context.warnings()).write(outDir.resolve("provenance.json"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> void write(Port<T> port, Object value, Path base) throws IOException {
        port.type().codec().write((T) value, base);
    }
}
