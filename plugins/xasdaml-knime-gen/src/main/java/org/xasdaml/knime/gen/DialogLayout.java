package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xasdaml.workflow.ParameterSpec;
import org.xasdaml.workflow.Port;

/**
 * How a step's parameters are laid out in its KNIME dialog and node description, from the
 * {@code @Param} declarations alone: a main tab and an "Advanced" tab, each with the parameters'
 * groups in declaration order (the ungrouped ones first), a label in words with the unit, the
 * editor each parameter gets, and when it applies. The KNIME plugin builds its dialogs from this,
 * so what is tested here is what the dialog shows.
 *
 * @param tabs the dialog's tabs, the main one first; a tab without parameters is left out
 */
public record DialogLayout(List<Tab> tabs) {

    /** Title of the main tab. */
    public static final String MAIN_TAB = "Options";
    /** Title of the tab of advanced parameters. */
    public static final String ADVANCED_TAB = "Advanced";

    /**
     * A dialog tab.
     *
     * @param name   its title
     * @param groups its groups, in declaration order of their first parameter
     */
    public record Tab(String name, List<Group> groups) {
    }

    /**
     * A titled group of parameters.
     *
     * @param title      the group's title, empty for the ungrouped parameters (shown without a border)
     * @param parameters the group's parameters, in declaration order
     */
    public record Group(String title, List<ParameterSpec> parameters) {
    }

    /** What a parameter is edited with. */
    public enum Editor {
        /** A spinner (bounded by the parameter's range). */
        NUMBER,
        /** A check box. */
        CHECK_BOX,
        /** A drop-down of the choices. */
        CHOICE,
        /** A file chooser (KNIME URLs and workflow-relative paths allowed). */
        FILE,
        /** A folder chooser. */
        FOLDER,
        /** A list of files, added with a multi-selection file chooser. */
        FILES,
        /** One column of the input named by {@code columnsOf}. */
        COLUMN,
        /** Several columns of the input named by {@code columnsOf}. */
        COLUMNS,
        /** Several of the fixed choices. */
        CHOICES,
        /** Free text (lists comma-separated). */
        TEXT
    }

    /** The layout of these parameters. */
    public static DialogLayout of(List<ParameterSpec> specs) {
        List<Tab> tabs = new ArrayList<>();
        for (boolean advanced : new boolean[] {false, true}) {
            Map<String, List<ParameterSpec>> groups = new LinkedHashMap<>();
            groups.put("", new ArrayList<>());
            for (ParameterSpec s : specs) {
                if (s.advanced() == advanced) {
                    groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
                }
            }
            List<Group> gs = new ArrayList<>();
            groups.forEach((title, ps) -> {
                if (!ps.isEmpty()) {
                    gs.add(new Group(title, List.copyOf(ps)));
                }
            });
            if (!gs.isEmpty()) {
                tabs.add(new Tab(advanced ? ADVANCED_TAB : MAIN_TAB, List.copyOf(gs)));
            }
        }
        return new DialogLayout(List.copyOf(tabs));
    }

    /** The dialog label: the parameter's label with its unit, "Longest half path length (Å)". */
    public static String label(ParameterSpec s) {
        return s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")");
    }

    /** The editor of a parameter. */
    public static Editor editor(ParameterSpec s) {
        if (!s.columnsOf().isEmpty()) {
            return s.kind() == ParameterSpec.Kind.TEXT_LIST ? Editor.COLUMNS : Editor.COLUMN;
        }
        return switch (s.path()) {
            case FILE -> Editor.FILE;
            case FOLDER -> Editor.FOLDER;
            case FILES -> Editor.FILES;
            case NONE -> switch (s.kind()) {
                case INT, LONG, DOUBLE -> Editor.NUMBER;
                case BOOLEAN -> Editor.CHECK_BOX;
                case CHOICE -> Editor.CHOICE;
                case TEXT_LIST -> s.choices().isEmpty() ? Editor.TEXT : Editor.CHOICES;
                case TEXT, FILE, DOUBLE_LIST -> Editor.TEXT;
            };
        };
    }

    /**
     * The names of the parameters that apply for these values (every parameter's value as text):
     * the dialog enables exactly these.
     */
    public static Set<String> applying(List<ParameterSpec> specs, Map<String, String> values) {
        Set<String> out = new TreeSet<>();
        for (ParameterSpec s : specs) {
            if (s.applies(values)) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** The parameters whose values decide whether others apply: the dialog re-checks on their change. */
    public static Set<String> deciders(List<ParameterSpec> specs) {
        Set<String> out = new TreeSet<>();
        for (ParameterSpec s : specs) {
            s.appliesWhen().forEach(c -> out.add(c.name()));
        }
        return out;
    }

    /**
     * When a parameter applies, in words for the node description: "Used only when Model kind is
     * rf and Tune the forest by cross-validation is on." Empty when it always applies.
     */
    public static String whenText(ParameterSpec s, List<ParameterSpec> all) {
        if (s.appliesWhen().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (ParameterSpec.Condition c : s.appliesWhen()) {
            ParameterSpec other = all.stream().filter(o -> o.name().equals(c.name())).findFirst().orElseThrow();
            if (other.kind() == ParameterSpec.Kind.BOOLEAN && c.values().size() == 1) {
                parts.add(other.label() + " is " + ("true".equals(c.values().get(0)) ? "on" : "off"));
            } else {
                parts.add(other.label() + " is " + String.join(" or ", c.values()));
            }
        }
        return "Used only when " + String.join(" and ", parts) + ".";
    }

    /**
     * The input port a column picker offers the columns of.
     *
     * @throws IllegalArgumentException naming the parameter when the step has no table input of that name
     */
    public static int columnsPort(KnimeNode node, ParameterSpec s) {
        List<KnimePort> in = node.inPorts();
        for (KnimePort p : in) {
            if (p.port().name().equals(s.columnsOf()) && p.kind() == KnimePort.Kind.TABLE) {
                return p.index();
            }
        }
        throw new IllegalArgumentException("step " + node.declaration().stepId() + ", parameter " + s.name() + ": columnsOf = '"
                + s.columnsOf() + "' names no table input; inputs: " + in.stream().map(KnimePort::port).map(Port::name).toList());
    }

    /**
     * The values a column picker offers, from the input's column names: all of them, or with a
     * prefix only those starting with it, without it.
     */
    public static List<String> columnChoices(ParameterSpec s, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (c.startsWith(s.columnPrefix()) && c.length() > s.columnPrefix().length()) {
                out.add(c.substring(s.columnPrefix().length()));
            }
        }
        return out;
    }
}
