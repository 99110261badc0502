package org.xasdaml.knime;

import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.knime.gen.NodeSet;

/** The node set, read once from the steps embedded in this plugin. */
final class Nodes {
    private Nodes() {
    }

    private static NodeSet set;

    static synchronized KnimeNode byStep(String stepId) {
        if (set == null) {
            set = NodeSet.load();
        }
        return set.byStep(stepId);
    }
}
