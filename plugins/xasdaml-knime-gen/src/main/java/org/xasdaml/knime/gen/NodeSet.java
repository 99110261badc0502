package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xasdaml.workflow.PortType;
import org.xasdaml.workflow.StepRegistry;

/** Every declared node with its step, checked complete: the input of every generator. */
public final class NodeSet {
    private final List<KnimeNode> nodes;

    private NodeSet(List<KnimeNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Pairs declarations with steps.
     *
     * @throws IllegalStateException listing every problem {@link XasdamlNodes#problems} finds
     */
    public static NodeSet of(List<NodeDeclaration> declarations, StepRegistry registry) {
        List<String> problems = XasdamlNodes.problems(declarations, registry);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("node declarations do not match the steps:\n  " + String.join("\n  ", problems));
        }
        List<KnimeNode> out = new ArrayList<>();
        for (NodeDeclaration d : declarations) {
            out.add(new KnimeNode(d, registry.byId(d.stepId())));
        }
        out.sort(Comparator.comparing((KnimeNode n) -> n.step().info().category()).thenComparing(n -> n.step().info().title()));
        return new NodeSet(out);
    }

    /** The project's node set: {@link XasdamlNodes#ALL} against the steps on the class path. */
    public static NodeSet load() {
        return of(XasdamlNodes.ALL, StepRegistry.load(NodeSet.class.getClassLoader()));
    }

    /** Nodes by category, then title. */
    public List<KnimeNode> nodes() {
        return nodes;
    }

    public KnimeNode byStep(String stepId) {
        return nodes.stream().filter(n -> n.declaration().stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node for step '" + stepId + "'"));
    }

    /** The non-table, non-image port types any node uses, by id: each becomes a custom KNIME port type. */
    public List<PortType<?>> customPortTypes() {
        Map<String, PortType<?>> m = new TreeMap<>();
        for (KnimeNode n : nodes) {
            for (var ports : List.of(n.inPorts(), n.outPorts())) {
                for (KnimePort p : ports) {
                    if (p.kind() == KnimePort.Kind.CUSTOM) {
                        m.putIfAbsent(p.port().type().id(), p.port().type());
                    }
                }
            }
        }
        return List.copyOf(m.values());
    }
}
