package org.xasdaml.workflow;

import java.util.Locale;

/**
 * A parameter value a step cannot use, with the parameter's name and the offending value in the
 * message, so that the command line and KNIME can show it as it is.
 */
public class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** Formats a message with {@link Locale#ROOT}, so numbers read the same everywhere. */
    public static InvalidParameterException of(String parameter, String template, Object... args) {
        return new InvalidParameterException(parameter, String.format(Locale.ROOT, template, args));
    }

    /** The parameter's name, or null when the problem involves several. */
    public String parameter() {
        return parameter;
    }
}
