package org.xasdaml.feff.slurm;

import org.xasdaml.feff.FeffException;

/**
 * The batch's Slurm jobs have not all ended (the command was asked not to wait): nothing is
 * written yet, and rerunning the same command waits for them (or collects what finished).
 */
public final class SlurmJobsPending extends FeffException {
    private static final long serialVersionUID = 1L;

    public SlurmJobsPending(String message) {
        super(message);
    }
}
