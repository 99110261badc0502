package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;

/**
 * A workflow as data: named stages, each one step with options and inputs taken from earlier
 * stages' outputs. The same description drives the command line's {@code workflow run} and the
 * demo; nothing in it is executed by a shell.
 *
 * @param name        workflow name
 * @param description what it does
 * @param stages      stages in execution order
 */
record Workflow(String name, String description, List<Stage> stages) {

    /**
     * One stage.
     *
     * @param name    stage name, also its output folder's name
     * @param step    step id
     * @param inputs  input port name to "stage" or "stage/port" of an earlier stage
     * @param options parameter name to text value; "${home}" stands for the program's folder
     */
    record Stage(String name, String step, Map<String, String> inputs, Map<String, String> options) {
        Stage {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("stage name must be a plain folder name: " + name);
            }
            inputs = Map.copyOf(inputs);
            options = new LinkedHashMap<>(options);
        }
    }

    Workflow {
        stages = List.copyOf(stages);
        List<String> seen = new ArrayList<>();
        for (Stage s : stages) {
            for (String src : s.inputs().values()) {
                String stage = src.contains("/") ? src.substring(0, src.indexOf('/')) : src;
                if (!seen.contains(stage)) {
                    throw new IllegalArgumentException("stage " + s.name() + " reads from '" + src + "', which is not an earlier stage");
                }
            }
            if (seen.contains(s.name())) {
                throw new IllegalArgumentException("two stages are named " + s.name());
            }
            seen.add(s.name());
        }
    }

    static Workflow parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new Workflow((String) m.get("name"), (String) m.getOrDefault("description", ""), stages(m));
    }

    @SuppressWarnings("unchecked")
    private static List<Stage> stages(Map<String, Object> m) {
        List<Stage> stages = new ArrayList<>();
        for (Object o : (List<Object>) m.get("stages")) {
            Map<String, Object> s = (Map<String, Object>) o;
            stages.add(new Stage((String) s.get("name"), (String) s.get("step"), text(s.get("inputs")), text(s.get("options"))));
        }
        return stages;
    }

    /**
     * This workflow followed by the stages of another description (JSON), whose inputs may name this
     * one's stages: the checks that read the main job's models run in the main job's folder, reusing
     * what it computed.
     */
    Workflow then(String json) {
        Map<String, Object> m = Json.parseObject(json);
        List<Stage> all = new ArrayList<>(stages);
        all.addAll(stages(m));
        return new Workflow(name, description + " " + m.getOrDefault("description", ""), all);
    }

    static Workflow read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static Map<String, String> text(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** A copy with option overrides "stage.option=value". */
    Workflow with(List<String> overrides) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, String> o = new LinkedHashMap<>(s.options());
            for (String ov : overrides) {
                int dot = ov.indexOf('.');
                int eq = ov.indexOf('=');
                if (dot < 0 || eq < dot) {
                    throw new UsageException("--set takes stage.option=value, got '" + ov + "'");
                }
                if (ov.substring(0, dot).equals(s.name())) {
                    o.put(ov.substring(dot + 1, eq), ov.substring(eq + 1));
                }
            }
            out.add(new Stage(s.name(), s.step(), s.inputs(), o));
        }
        for (String ov : overrides) {
            String stage = ov.substring(0, ov.indexOf('.'));
            if (stages.stream().noneMatch(s -> s.name().equals(stage))) {
                throw new UsageException("--set names no stage '" + stage + "'");
            }
        }
        return new Workflow(name, description, out);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        List<Object> s = new ArrayList<>();
        for (Stage st : stages) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", st.name());
            e.put("step", st.step());
            e.put("inputs", st.inputs());
            e.put("options", st.options());
            s.add(e);
        }
        m.put("stages", s);
        return m;
    }
}
