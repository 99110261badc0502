package org.xasdaml.knime;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.xasdaml.knime.gen.KnimeNode;

/**
 * The one node factory: every XASDAML node's factory is a generated subclass that only names its
 * step. Model, dialog and ports all come from the step's declaration.
 */
public abstract class StepNodeFactory extends NodeFactory<StepNodeModel> {
    private final String stepId;

    protected StepNodeFactory(String stepId) {
        super();
        this.stepId = stepId;
    }

    KnimeNode node() {
        return Nodes.byStep(stepId);
    }

    @Override
    public StepNodeModel createNodeModel() {
        return new StepNodeModel(node());
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<StepNodeModel> createNodeView(int viewIndex, StepNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("XASDAML nodes have no views: " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return !node().step().parameters().specs().isEmpty();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new StepNodeDialog(node());
    }
}
