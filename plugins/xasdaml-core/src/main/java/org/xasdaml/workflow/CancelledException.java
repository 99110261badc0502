package org.xasdaml.workflow;

/** The user cancelled; finished work stays where it was written. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
