package org.xasdaml.knime.gen;

/**
 * What a KNIME node adds to its step: everything else (name, category, dialog, settings, ports,
 * description) comes from the step's own metadata, so this is the whole per-node cost.
 *
 * @param stepId  the step ({@link org.xasdaml.workflow.StepInfo#id()}) the node runs
 * @param factory simple name of the node factory class generated for it, e.g. "ReadStructuresNodeFactory"
 * @param type    the node's kind in KNIME's node description (its colour in the editor)
 */
public record NodeDeclaration(String stepId, String factory, NodeType type) {

    /** The values of KNIME's {@code knimeNode/@type} this node set uses. */
    public enum NodeType {
        SOURCE("Source"), MANIPULATOR("Manipulator"), LEARNER("Learner"), PREDICTOR("Predictor"),
        VISUALIZER("Visualizer"), OTHER("Other");

        private final String xml;

        NodeType(String xml) {
            this.xml = xml;
        }

        /** The attribute value in the node description. */
        public String xml() {
            return xml;
        }
    }

    public NodeDeclaration {
        if (!factory.matches("[A-Z][A-Za-z0-9]*NodeFactory")) {
            throw new IllegalArgumentException("factory must be a simple Java class name ending in NodeFactory: " + factory);
        }
    }

    /** Icon file of the node, next to its factory class: one per node type. */
    public String icon() {
        return "icons/" + type.name().toLowerCase(java.util.Locale.ROOT) + ".png";
    }
}
