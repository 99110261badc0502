package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.List;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.Step;

/**
 * A declared node together with its step: what the generators and the KNIME adapter need.
 *
 * @param declaration the node's declaration
 * @param step        the step it runs
 */
public record KnimeNode(NodeDeclaration declaration, Step<?> step) {

    /** The package of the generated factory classes and their descriptions inside the KNIME plugin. */
    public static final String FACTORY_PACKAGE = "org.xasdaml.knime.nodes";
    /** Root of the node repository's XASDAML categories. */
    public static final String ROOT_CATEGORY = "xasdaml";

    public KnimeNode {
        if (!declaration.stepId().equals(step.info().id())) {
            throw new IllegalArgumentException("declaration for " + declaration.stepId() + " paired with step " + step.info().id());
        }
    }

    public String factoryClass() {
        return FACTORY_PACKAGE + "." + declaration.factory();
    }

    /** The node repository path, e.g. "/xasdaml/dataset-calculation". */
    public String categoryPath() {
        return "/" + ROOT_CATEGORY + "/" + step.info().category().id();
    }

    public List<KnimePort> inPorts() {
        return ports(step.info().inputs());
    }

    public List<KnimePort> outPorts() {
        return ports(step.info().outputs());
    }

    private static List<KnimePort> ports(List<Port<?>> ports) {
        List<KnimePort> out = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            out.add(new KnimePort(ports.get(i), KnimePort.kindOf(ports.get(i).type()), i));
        }
        return out;
    }
}
