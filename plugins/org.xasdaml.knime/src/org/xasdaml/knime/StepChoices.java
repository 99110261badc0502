package org.xasdaml.knime;

import java.util.List;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.widget.choices.StringChoicesProvider;
import org.xasdaml.workflow.ParameterSpec;

/**
 * The fixed choices of a step parameter, for KNIME's modern dialog: read from the step's own
 * declaration, so the drop-down offers exactly what the step's parser accepts. Each generated
 * parameters class has one subclass per choice parameter (KNIME instantiates providers by class).
 */
public abstract class StepChoices implements StringChoicesProvider {
    private final String stepId;
    private final String parameter;

    protected StepChoices(String stepId, String parameter) {
        this.stepId = stepId;
        this.parameter = parameter;
    }

    /** The declaration of the parameter these choices belong to. */
    final ParameterSpec spec() {
        return Nodes.byStep(stepId).step().parameters().spec(parameter);
    }

    @Override
    public List<String> choices(NodeParametersInput context) {
        return spec().choices();
    }
}
