package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.TableColumns;

/**
 * The output table specs of a node at configure time, from its settings and the columns of its
 * inputs, as far as the step can tell ({@link Step#outputColumns}); the KNIME node model turns
 * each into a {@code DataTableSpec}. Plain Java so the derivation is tested without KNIME.
 */
public final class OutputSpecs {
    private OutputSpecs() {
    }

    /**
     * One entry per output port, in port order: the KNIME columns of a table output whose columns
     * the step can tell, else null (a table known only after running, or an image or custom port).
     *
     * @param settings the node's settings as text (parameter name to value), as the dialog saves them
     * @param inputs   the columns of connected table inputs by port name
     * @throws IllegalArgumentException when the settings are invalid (the message names the parameter)
     */
    public static List<List<KnimeColumn>> of(KnimeNode node, Map<String, String> settings, Map<String, TableColumns> inputs) {
        return derive(node.step(), node.outPorts(), settings, inputs);
    }

    private static <P extends Record> List<List<KnimeColumn>> derive(Step<P> step, List<KnimePort> outs, Map<String, String> settings,
                                                                      Map<String, TableColumns> inputs) {
        P options = step.parameters().fromText(settings);
        List<List<KnimeColumn>> out = new ArrayList<>();
        for (KnimePort p : outs) {
            TableColumns c = p.kind() == KnimePort.Kind.TABLE ? step.outputColumns(p.port().name(), options, inputs) : null;
            out.add(c == null ? null : TableLayout.knimeColumns(c));
        }
        return out;
    }
}
