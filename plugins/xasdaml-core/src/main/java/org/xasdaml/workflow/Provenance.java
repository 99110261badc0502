package org.xasdaml.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;

/**
 * How an output came to be: step, every parameter (resolved), input checksums (ports and files
 * named in options), output checksums, software versions, times and failed samples. Written next
 * to every output, embedded in model archives, so any number in a report can be traced and
 * reproduced, and a rerun can tell whether the stored outputs are still the ones this record
 * describes.
 *
 * @param inputs  input name (port, or "option NAME" for a file option) to "path sha256:hex"
 * @param outputs output port name to the SHA-256 of what is stored under it
 * @param records entries the step recorded itself ({@link StepContext#recordProvenance}), by name: JSON
 *                trees such as the feature recipe a stage built or applied
 */
public record Provenance(String step, Map<String, String> parameters, Map<String, String> inputs,
                         Map<String, String> outputs, Map<String, String> software, Instant started, Instant finished,
                         List<SampleFailure> failures, List<String> warnings, Map<String, Object> records) {

    public Provenance {
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
        parameters = Map.copyOf(parameters);
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        software = Map.copyOf(software);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("parameters", new java.util.TreeMap<>(parameters));
        m.put("inputs", new java.util.TreeMap<>(inputs));
        m.put("outputs", new java.util.TreeMap<>(outputs));
        m.put("software", new java.util.TreeMap<>(software));
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        List<Object> f = new ArrayList<>();
        for (SampleFailure sf : failures) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sample", sf.sample().toString());
            e.put("stage", sf.stage());
            e.put("message", sf.message());
            f.add(e);
        }
        m.put("failures", f);
        m.put("warnings", warnings);
        m.put("records", records);
        return m;
    }

    public void write(Path file) throws IOException {
        org.xasdaml.io.AtomicFiles.writeString(file, Json.write(toJson()));
    }

    @SuppressWarnings("unchecked")
    public static Provenance read(Path file) throws IOException {
        Map<String, Object> m = Json.parseObject(Files.readString(file));
        List<SampleFailure> f = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("failures", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            f.add(new SampleFailure(org.xasdaml.structure.SampleId.parse((String) e.get("sample")), (String) e.get("stage"),
                    (String) e.get("message")));
        }
        return new Provenance((String) m.get("step"), strings(m.get("parameters")), strings(m.get("inputs")),
                strings(m.get("outputs")), strings(m.get("software")), Instant.parse((String) m.get("started")), Instant.parse((String) m.get("finished")), f,
                ((List<Object>) m.getOrDefault("warnings", List.of())).stream().map(String::valueOf).toList(),
                m.get("records") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of());
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
