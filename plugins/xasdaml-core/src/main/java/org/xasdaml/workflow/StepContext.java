package org.xasdaml.workflow;

import java.nio.file.Path;
import java.util.List;

/**
 * What a running step may ask of whoever runs it (the command line, KNIME, a test): report
 * progress, learn of cancellation, know how many workers to use, keep intermediate files, and
 * record samples that failed while the others go on.
 */
public interface StepContext {

    /** Reports progress: fraction done in [0, 1] and what is happening. */
    void progress(double fraction, String message);

    boolean isCancelled();

    /** @throws CancelledException when the user cancelled */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** How many samples to work on at once (at least 1). */
    int workers();

    /**
     * A folder kept between runs for this step's intermediate files (FEFF work folders, finished
     * samples), inside the output folder the user chose: a rerun resumes from what is there.
     */
    Path workDir();

    /** A message the user should see but that does not stop the step. */
    void warn(String message);

    /** Records a sample that failed; the step goes on with the others. */
    void recordFailure(SampleFailure failure);

    /** Failures recorded so far. */
    List<SampleFailure> failures();

    /** Records the version of an external program or library used, for provenance (e.g. "feff", "8.5L"). */
    void recordSoftware(String name, String version);

    /**
     * Records a named entry of this run's provenance beside parameters and software, for what a
     * step builds or applies that its parameters alone do not show (e.g. the feature recipe a
     * prediction took from its model archive). The value is a JSON tree: a map with text keys, a
     * list, text, a number, a boolean or null; a second entry under the same name replaces the first.
     */
    void recordProvenance(String name, Object value);
}
