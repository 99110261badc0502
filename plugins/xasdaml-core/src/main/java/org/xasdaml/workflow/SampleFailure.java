package org.xasdaml.workflow;

import org.xasdaml.structure.SampleId;

/**
 * One sample that failed while the others went on.
 *
 * @param sample  which sample
 * @param stage   what was being done (e.g. "feff pot", "descriptors JmolNN")
 * @param message the cause in words, with the underlying tool's own message where there is one
 */
public record SampleFailure(SampleId sample, String stage, String message) {
    @Override
    public String toString() {
        return "sample " + sample + " failed in " + stage + ": " + message;
    }
}
