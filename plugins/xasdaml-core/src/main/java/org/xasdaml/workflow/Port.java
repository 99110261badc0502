package org.xasdaml.workflow;

/**
 * A named input or output of a step.
 *
 * @param name        identifier (command-line option and file name)
 * @param type        data type
 * @param description what this port carries for this step
 * @param optional    an input that may be left unconnected
 */
public record Port<T>(String name, PortType<T> type, String description, boolean optional) {
    public static <T> Port<T> of(String name, PortType<T> type, String description) {
        return new Port<>(name, type, description, false);
    }

    public static <T> Port<T> optional(String name, PortType<T> type, String description) {
        return new Port<>(name, type, description, true);
    }
}
