package org.xasdaml.knime.gen;

import java.util.List;
import java.util.Map;

/**
 * The example workflows, described in code: each becomes a .knwf for KNIME and a command list for
 * the command line under {@code example-workflows/}.
 */
public final class ExampleWorkflows {
    private ExampleWorkflows() {
    }

    /** Where the command-line form writes its run folders (relative to the repository root). */
    public static final String CLI_OUT = "runs/";
    /** The workflow variable holding the structure file, so batch runs can point at their own copy. */
    public static final String STRUCTURE_FILE = "structure_file";

    public static List<WorkflowDescription> all() {
        return List.of(cu());
    }

    /** The Cu workflow on the public Cu MD set. */
    public static WorkflowDescription cu() {
        WorkflowDescription.Builder b = new WorkflowDescription.Builder("cu-workflow",
                "XASDAML on the public Cu cluster set: structures to spectra, descriptors, dataset, model, predictions")
                .variable(STRUCTURE_FILE, "data/cu-md-public.dump");
        int structures = b.node("read-structures", "structures", 40, 120, Map.of("maxFrames", "20"), Map.of("file", STRUCTURE_FILE));
        int feff = b.node("feff", "feff", 220, 120, Map.of("mode", "shared-potential"));
        b.connect(structures, "structures", feff, "structures");
        return b.build();
    }
}
