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
            if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("stage name must be a plain folder name: " + name);
            }
            inputs = org.xasdaml.io.OrderedCopy.of(inputs);
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

    /**
     * A workflow from its JSON. Every part of the wrong shape (stages not a list, a stage without a
     * step, inputs that are not an object of names) is reported by its place in the file, not as a
     * Java exception.
     *
     * @throws IllegalArgumentException saying what is wrong where
     */
    static Workflow parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a workflow is a JSON object with \"name\" and \"stages\", got " + kind(root));
        }
        if (!(m.get("stages") instanceof List<?> list)) {
            throw new IllegalArgumentException("\"stages\" must be a list of stages, got " + kind(m.get("stages")));
        }
        List<Stage> stages = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            i++;
            if (!(o instanceof Map<?, ?> st)) {
                throw new IllegalArgumentException("stage " + i + " must be an object with name, step, inputs and options, got " + kind(o));
            }
            String where = "stage " + i + (st.get("name") instanceof String n ? " (" + n + ")" : "");
            String name = string(st, "name", where);
            String step = string(st, "step", where);
            stages.add(new Stage(name, step, text(st.get("inputs"), where, "inputs"), text(st.get("options"), where, "options")));
        }
        Object name = m.get("name");
        Object description = m.get("description");
        if (name != null && !(name instanceof String)) {
            throw new IllegalArgumentException("\"name\" must be text, got " + kind(name));
        }
        return new Workflow(name == null ? "workflow" : (String) name, description == null ? "" : String.valueOf(description), stages);
    }

    /**
     * This workflow followed by the stages of another description (JSON), whose inputs may name this
     * one's stages: the checks that read the main job's models run in the main job's folder, reusing
     * what it computed.
     */
    Workflow then(String json) {
        Map<String, Object> more = Json.parseObject(json);
        List<Object> all = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("name", s.name());
            st.put("step", s.step());
            st.put("inputs", new LinkedHashMap<>(s.inputs()));
            st.put("options", new LinkedHashMap<>(s.options()));
            all.add(st);
        }
        if (more.get("stages") instanceof List<?> l) {
            all.addAll(l);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("description", description + " " + more.getOrDefault("description", ""));
        root.put("stages", all);
        return parse(Json.write(root)); // the same shape checks as any workflow file
    }

    static Workflow read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException("workflow " + file + ": " + e.getMessage());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException("workflow " + file + " is not UTF-8 text");
        }
    }

    private static String string(Map<?, ?> st, String key, String where) {
        Object v = st.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be text, got " + kind(v));
        }
        return s;
    }

    private static Map<String, String> text(Object o, String where, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be an object of name: value, got " + kind(o));
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || v == null) {
                throw new IllegalArgumentException(where + ": " + key + "." + e.getKey() + " must be text, a number, true/false or "
                        + "a list, got " + kind(v));
            }
            out.put(String.valueOf(e.getKey()), v instanceof List<?> l
                    ? String.join(",", l.stream().map(x -> x instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                            ? Long.toString(d.longValue()) : String.valueOf(x)).toList())
                    : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.valueOf(v));
        }
        return out;
    }

    private static String kind(Object o) {
        return o == null ? "nothing" : o instanceof Map ? "an object" : o instanceof List ? "a list" : o instanceof String ? "text"
                : o instanceof Boolean ? "true/false" : "a number";
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
