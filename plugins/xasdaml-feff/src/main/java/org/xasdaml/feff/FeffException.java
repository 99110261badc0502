package org.xasdaml.feff;

/**
 * A Feff8L stage that failed, timed out or is missing, with FEFF's own message where it gave one.
 */
public class FeffException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeffException(String message) {
        super(message);
    }

    public FeffException(String message, Throwable cause) {
        super(message, cause);
    }
}
