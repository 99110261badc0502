package org.xasdaml.knime;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.webui.node.dialog.NodeDialog;
import org.knime.core.webui.node.dialog.NodeDialogFactory;
import org.knime.core.webui.node.dialog.SettingsType;
import org.knime.core.webui.node.dialog.defaultdialog.DefaultNodeDialog;
import org.knime.node.parameters.NodeParameters;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.knime.gen.NodeParametersWriter;

/**
 * The one node factory: every XASDAML node's factory is a generated subclass that only names its
 * step and its generated parameters class. Model, dialogs and ports all come from the step's
 * declaration.
 *
 * <p>Two dialogs over the same settings: KNIME's modern UI renders the generated
 * {@link NodeParameters} class through {@link NodeDialogFactory} and {@link DefaultNodeDialog}
 * (the route KNIME's own classic-factory nodes take; both types are declared alike in KNIME 5.8
 * and 5.11, exported {@code x-internal} by org.knime.core.ui, which OSGi resolves at run time);
 * the classic UI gets the Swing pane built from the same declarations. Both store every parameter
 * under its name with its type, so a workflow saved with either opens in the other. Nodes with a
 * folder option offer only the classic dialog ({@link #hasNodeDialog}).
 */
@SuppressWarnings("restriction")
public abstract class StepNodeFactory extends NodeFactory<StepNodeModel> implements NodeDialogFactory {
    private final String stepId;
    private final Class<? extends NodeParameters> parameters;

    protected StepNodeFactory(String stepId, Class<? extends NodeParameters> parameters) {
        super();
        this.stepId = stepId;
        this.parameters = parameters;
    }

    /** The generated parameters class KNIME's modern dialog renders. */
    public Class<? extends NodeParameters> parametersClass() {
        return parameters;
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

    /**
     * Offered only where the modern dialog can show every option with its editor on every supported
     * KNIME ({@link NodeParametersWriter#modernDialog}: not with a folder option); otherwise KNIME
     * opens the classic dialog, whose folder chooser works everywhere.
     */
    @Override
    public boolean hasNodeDialog() {
        return hasDialog() && NodeParametersWriter.modernDialog(node().step().parameters().specs());
    }

    @Override
    public NodeDialog createNodeDialog() {
        return new DefaultNodeDialog(SettingsType.MODEL, parameters);
    }
}
