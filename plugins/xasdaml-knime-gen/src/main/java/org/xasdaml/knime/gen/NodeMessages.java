package org.xasdaml.knime.gen;

import java.util.List;
import org.xasdaml.workflow.SampleFailure;

/**
 * The warning a node shows after a run in which some samples failed while the others went on: it
 * names the samples (frame:site), the stage and the cause, so the user can find them without
 * opening a log.
 */
public final class NodeMessages {
    /** How many failed samples are named before the rest are only counted. */
    public static final int NAMED_FAILURES = 10;

    private NodeMessages() {
    }

    /** "3 samples failed: 0:0 (feff pot: ...); ..." then the step's warnings, one a line; null when there is nothing to say. */
    public static String warning(List<SampleFailure> failures, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        if (!failures.isEmpty()) {
            sb.append(failures.size()).append(failures.size() == 1 ? " sample failed: " : " samples failed: ");
            for (int i = 0; i < Math.min(NAMED_FAILURES, failures.size()); i++) {
                SampleFailure f = failures.get(i);
                sb.append(i > 0 ? "; " : "").append(f.sample()).append(" (").append(f.stage()).append(": ").append(f.message()).append(')');
            }
            if (failures.size() > NAMED_FAILURES) {
                sb.append("; and ").append(failures.size() - NAMED_FAILURES).append(" more");
            }
        }
        for (String w : warnings) {
            sb.append(sb.length() > 0 ? "\n" : "").append(w);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
