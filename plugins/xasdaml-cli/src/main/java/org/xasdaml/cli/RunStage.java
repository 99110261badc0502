package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.xasdaml.workflow.Provenance;

/**
 * A stage folder of a run with its provenance. Stages are linked to each other by the input paths
 * their provenance records, never by stage names, so any workflow's run folder can be reported.
 *
 * @param name    the stage folder's name
 * @param seconds how long the stage ran
 * @param reused  whether an earlier run made it (the summary says so)
 */
record RunStage(String name, Path dir, Provenance prov, double seconds, boolean reused) {
    String step() {
        return prov.step();
    }

    /** The stage folder name an input port came from, or null. */
    String inputStage(String port) {
        Path p = inputPath(port);
        Path parent = p == null ? null : p.getParent();
        return parent == null ? null : parent.getFileName().toString();
    }

    /** The file base of the output port an input came from (e.g. "data-kept"), or null. */
    String inputPort(String port) {
        Path p = inputPath(port);
        return p == null ? null : p.getFileName().toString();
    }

    /** The path recorded for an input port (without its checksum), or null. */
    private Path inputPath(String port) {
        String v = prov.inputs().get(port);
        if (v == null) {
            return null;
        }
        int i = v.indexOf(" sha256:");
        return Path.of(i >= 0 ? v.substring(0, i) : v);
    }

    /** Stage folders in run order (the summary's, else by start time), each with its provenance. */
    static List<RunStage> all(Path runDir, List<WorkflowRun.StageResult> results) throws IOException {
        Map<String, WorkflowRun.StageResult> res = new LinkedHashMap<>();
        if (results != null) {
            results.forEach(r -> res.put(r.stage(), r));
        }
        List<RunStage> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String n : res.keySet()) {
            Path prov = runDir.resolve(n).resolve("provenance.json");
            if (Files.exists(prov)) {
                Provenance p = Provenance.read(prov);
                WorkflowRun.StageResult r = res.get(n);
                out.add(new RunStage(n, runDir.resolve(n), p, r.seconds(), r.reused()));
                seen.add(n);
            }
        }
        List<RunStage> rest = new ArrayList<>();
        try (Stream<Path> s = Files.list(runDir)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                Path prov = d.resolve("provenance.json");
                String n = d.getFileName().toString();
                if (!seen.contains(n) && Files.exists(prov)) {
                    Provenance p = Provenance.read(prov);
                    rest.add(new RunStage(n, d, p, seconds(p), false));
                }
            }
        }
        rest.sort((a, b) -> a.prov().started().compareTo(b.prov().started()));
        out.addAll(rest);
        return out;
    }

    private static double seconds(Provenance p) {
        return (p.finished().toEpochMilli() - p.started().toEpochMilli()) / 1000.0;
    }
}
