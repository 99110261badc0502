package org.xasdaml.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One parameter as data: what generated faces (command line, KNIME dialog, node description,
 * provenance) need to know about it.
 *
 * @param name         the record component's name, also the KNIME settings key
 * @param kind         value type
 * @param defaultValue the default, formatted as text
 * @param choices      allowed values (enums, or text/list parameters with choices)
 * @param givenLabel   the declared label ({@link Param#label()}), empty when derived from the name
 * @param group        dialog group ({@link Param#group()}), empty for the main group
 * @param appliesWhen  conditions on other parameters ({@link Param#appliesWhen()}), all of which must hold
 * @param columnsOf    input port whose column names the values are ({@link Param#columnsOf()}), or empty
 * @param columnPrefix with columnsOf: prefix of the offered columns, stripped from the value
 * @param path         what kind of path the value is, if any
 * @param formerNames  names the parameter had in earlier versions ({@link FormerName}), still read from saved workflows
 */
public record ParameterSpec(String name, Kind kind, String defaultValue, String unit, double min, double max,
                            List<String> choices, String description, boolean advanced, String givenLabel, String group,
                            List<Condition> appliesWhen, String columnsOf, String columnPrefix, PathKind path,
                            List<Former> formerNames) {

    /** The value types a parameter can have. */
    public enum Kind { INT, LONG, DOUBLE, BOOLEAN, TEXT, CHOICE, FILE, TEXT_LIST, DOUBLE_LIST }

    /** Whether a text value names files: dialogs pick them with the matching chooser. */
    public enum PathKind { NONE, FILE, FOLDER, FILES }

    /**
     * One condition of {@link Param#appliesWhen()}: the parameter {@code name} has one of {@code values}
     * (as text: "true", "rf", ...).
     */
    public record Condition(String name, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }

        /**
         * Parses "a=x|y; b=true".
         *
         * @throws IllegalArgumentException naming the malformed part
         */
        public static List<Condition> parseAll(String text) {
            List<Condition> out = new ArrayList<>();
            for (String part : text.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new IllegalArgumentException("appliesWhen '" + text + "': '" + part.strip()
                            + "' is not of the form parameter=value|value");
                }
                List<String> vs = new ArrayList<>();
                for (String v : part.substring(eq + 1).split("\\|")) {
                    vs.add(v.strip());
                }
                out.add(new Condition(part.substring(0, eq).strip(), vs));
            }
            return out;
        }

        @Override
        public String toString() {
            return name + "=" + String.join("|", values);
        }
    }

    /**
     * A former name of the parameter ({@link FormerName}): saved values under {@code name} are read
     * as this parameter's, multiplied by {@code factor}.
     *
     * @param since when the name changed, or empty
     */
    public record Former(String name, double factor, String since) {
        /** The former command-line option, as {@link #option()} makes it from the name. */
        public String option() {
            return optionOf(name);
        }
    }

    public ParameterSpec {
        choices = List.copyOf(choices);
        appliesWhen = List.copyOf(appliesWhen);
        formerNames = List.copyOf(formerNames);
    }

    /** A parameter with no presentation hints (derived label, main group, always applies, no path). */
    public ParameterSpec(String name, Kind kind, String defaultValue, String unit, double min, double max,
                         List<String> choices, String description, boolean advanced) {
        this(name, kind, defaultValue, unit, min, max, choices, description, advanced, "", "", List.of(), "", "",
                kind == Kind.FILE ? PathKind.FILE : PathKind.NONE, List.of());
    }

    /**
     * Whether the parameter matters for these values (every other parameter's value as text, as
     * {@link ParameterSet#toText} gives them). A parameter not in the map counts as not matching.
     */
    public boolean applies(Map<String, String> values) {
        for (Condition c : appliesWhen) {
            String v = values.get(c.name());
            if (v == null || !c.values().contains(v.strip())) {
                return false;
            }
        }
        return true;
    }

    /** The command-line option: "skipBadFrames" becomes "--skip-bad-frames". */
    public String option() {
        return optionOf(name);
    }

    static String optionOf(String name) {
        return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A label for dialogs: the declared one, else "skipBadFrames" becomes "Skip bad frames". */
    public String label() {
        if (!givenLabel.isEmpty()) {
            return givenLabel;
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean hasMin() {
        return min != Double.NEGATIVE_INFINITY;
    }

    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    /** Description with unit, range and default, as help and node descriptions show it. */
    public String fullDescription() {
        StringBuilder sb = new StringBuilder(description.strip());
        if (!description.isBlank() && ".!?".indexOf(sb.charAt(sb.length() - 1)) < 0) {
            sb.append('.');
        }
        if (!unit.isEmpty()) {
            sb.append(" Unit: ").append(unit).append('.');
        }
        if (hasMin() || hasMax()) {
            sb.append(" Range: ").append(hasMin() ? fmt(min) : "-∞").append(" to ").append(hasMax() ? fmt(max) : "∞").append('.');
        }
        if (!choices.isEmpty()) {
            sb.append(" One of: ").append(String.join(", ", choices)).append('.');
        }
        sb.append(" Default: ").append(defaultValue.isEmpty() ? "(empty)" : defaultValue).append('.');
        for (Former f : formerNames) {
            sb.append(" Formerly ").append(f.name()).append(f.factor() != 1 ? " (old value × " + fmt(f.factor()) + ")" : "").append('.');
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
