package org.xasdaml.workflow;

import java.util.List;

/**
 * One parameter as data: what generated faces (command line, KNIME dialog, node description,
 * provenance) need to know about it.
 *
 * @param name         the record component's name, also the KNIME settings key
 * @param kind         value type
 * @param defaultValue the default, formatted as text
 * @param choices      allowed values (enums, or text/list parameters with choices)
 */
public record ParameterSpec(String name, Kind kind, String defaultValue, String unit, double min, double max,
                            List<String> choices, String description, boolean advanced) {

    /** The value types a parameter can have. */
    public enum Kind { INT, LONG, DOUBLE, BOOLEAN, TEXT, CHOICE, FILE, TEXT_LIST, DOUBLE_LIST }

    public ParameterSpec {
        choices = List.copyOf(choices);
    }

    /** The command-line option: "skipBadFrames" becomes "--skip-bad-frames". */
    public String option() {
        return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A label for dialogs: "skipBadFrames" becomes "Skip bad frames". */
    public String label() {
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
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
