package org.xasdaml.knime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.widget.choices.StringChoicesProvider;
import org.xasdaml.knime.gen.DialogLayout;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.workflow.ParameterSpec;

/**
 * The values a column picker of KNIME's modern dialog offers: the columns of the input the
 * parameter names ({@code columnsOf}), through the same {@link DialogLayout#columnChoices} as the
 * classic dialog (e.g. label methods from the CN_ columns, without the prefix). When that input is
 * optional and open (Split's groups), the columns of the connected tables are offered.
 */
public abstract class StepColumnChoices implements StringChoicesProvider {
    private final String stepId;
    private final String parameter;

    protected StepColumnChoices(String stepId, String parameter) {
        this.stepId = stepId;
        this.parameter = parameter;
    }

    @Override
    public List<String> choices(NodeParametersInput context) {
        KnimeNode node = Nodes.byStep(stepId);
        ParameterSpec spec = node.step().parameters().spec(parameter);
        int port = DialogLayout.columnsPort(node, spec);
        List<String> columns = new ArrayList<>();
        Optional<DataTableSpec> named = context.getInTableSpec(port);
        if (named.isPresent()) {
            named.get().forEach(c -> columns.add(c.getName()));
        } else {
            DataTableSpec[] all = context.getInTableSpecs();
            for (DataTableSpec t : all == null ? new DataTableSpec[0] : all) {
                if (t != null) {
                    for (DataColumnSpec c : t) {
                        if (!columns.contains(c.getName())) {
                            columns.add(c.getName());
                        }
                    }
                }
            }
        }
        return DialogLayout.columnChoices(spec, columns);
    }
}
