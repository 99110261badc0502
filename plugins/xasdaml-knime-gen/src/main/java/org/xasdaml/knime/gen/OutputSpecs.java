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
        List<TableColumns> cs = columns(node, settings, inputs);
        List<List<KnimeColumn>> out = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            boolean table = node.outPorts().get(i).kind() == KnimePort.Kind.TABLE;
            out.add(table && cs.get(i) != null ? TableLayout.knimeColumns(cs.get(i)) : null);
        }
        return out;
    }

    /**
     * The step's columns of every output port, in port order, null where unknown: for a table its
     * columns, for a custom port what its port type says with them (a model archive: the columns of
     * its predictions), which the KNIME port spec carries to the next node's {@code inputs}.
     */
    public static List<TableColumns> columns(KnimeNode node, Map<String, String> settings, Map<String, TableColumns> inputs) {
        return derive(node.step(), node.outPorts(), settings, inputs);
    }

    private static <P extends Record> List<TableColumns> derive(Step<P> step, List<KnimePort> outs, Map<String, String> settings,
                                                                Map<String, TableColumns> inputs) {
        P options = step.parameters().fromText(settings);
        List<TableColumns> out = new ArrayList<>();
        for (KnimePort p : outs) {
            out.add(p.kind() == KnimePort.Kind.IMAGE ? null : step.outputColumns(p.port().name(), options, inputs));
        }
        return out;
    }
}
