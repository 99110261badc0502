package org.xasdaml.knime.gen;

/**
 * What a KNIME node adds to its step: everything else (name, category, dialog, settings, ports,
 * description) comes from the step's own metadata, so this is the whole per-node cost.
 *
 * @param stepId  the step ({@link org.xasdaml.workflow.StepInfo#id()}) the node runs
 * @param factory simple name of the node factory class generated for it, e.g. "ReadStructuresNodeFactory"
 * @param type    the node's kind in KNIME's node description (its colour in the editor)
 * @param glyph   the picture on the node's icon (drawn in the type's colour), or null for a pattern
 *                derived from the step id, distinct from every other node's
 */
public record NodeDeclaration(String stepId, String factory, NodeType type, NodeIcons.Glyph glyph) {

    /** A node whose icon shows a pattern derived from its step id. */
    public NodeDeclaration(String stepId, String factory, NodeType type) {
        this(stepId, factory, type, null);
    }

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

    /** Icon file of the node, next to its factory class: one per node. */
    public String icon() {
        return "icons/" + stepId + ".png";
    }
}
