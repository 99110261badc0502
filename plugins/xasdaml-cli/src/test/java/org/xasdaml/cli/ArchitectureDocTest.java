package org.xasdaml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.StepRegistry;

/**
 * docs/architecture.md's table of steps says what the registered steps are: every step, its
 * command and its ports, and no step that is gone. (The command line module sees every step.)
 */
class ArchitectureDocTest {
    static final Path DOC = Path.of("../../docs/architecture.md");

    /** Ports as the table writes them: name, "?" when optional, the port type in parentheses unless a table. */
    static String ports(List<Port<?>> ports) {
        List<String> out = new ArrayList<>();
        for (Port<?> p : ports) {
            out.add(p.name() + (p.optional() ? "?" : "") + (p.type().id().equals("table") ? "" : " (" + p.type().id() + ")"));
        }
        return String.join(", ", out);
    }

    @Test
    void theStepTableListsEveryStepWithItsPorts() throws Exception {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                in = line.equals("## Steps and their ports");
            } else if (in && line.startsWith("| `")) {
                List<String> cells = new ArrayList<>();
                for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(c.strip());
                }
                documented.put(cells.get(0).replace("`", ""), cells);
            }
        }
        Map<String, List<String>> registered = new LinkedHashMap<>();
        for (Step<?> s : StepRegistry.load(ArchitectureDocTest.class.getClassLoader()).steps()) {
            StepInfo i = s.info();
            registered.put(i.id(), List.of("`" + i.id() + "`", "`" + String.join(" ", i.command()) + "`", ports(i.inputs()),
                    ports(i.outputs())));
        }
        assertEquals(registered.keySet().stream().sorted().toList(), documented.keySet().stream().sorted().toList(),
                "the steps of docs/architecture.md's table");
        for (Map.Entry<String, List<String>> e : registered.entrySet()) {
            List<String> d = documented.get(e.getKey());
            assertEquals(e.getValue(), List.of(d.get(0), d.get(1), d.get(3), d.get(4)), "the row of " + e.getKey());
        }
    }
}
