package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;

class XasdamlNodesTest {

    @Test
    void everyRegisteredStepHasExactlyOneNodeDeclaration() {
        StepRegistry registry = StepRegistry.load(getClass().getClassLoader());
        assertTrue(registry.steps().size() >= 1, "the registry sees the steps on the class path");
        assertEquals(List.of(), XasdamlNodes.problems(XasdamlNodes.ALL, registry));
        NodeSet set = NodeSet.load();
        assertEquals(registry.steps().size(), set.nodes().size());
        for (Step<?> s : registry.steps()) {
            assertEquals(s.info().id(), set.byStep(s.info().id()).declaration().stepId());
        }
    }

    @Test
    void missingDuplicateAndStaleDeclarationsAreNamed() {
        List<NodeDeclaration> decl = new ArrayList<>(FakeSteps.DECLARATIONS);
        decl.remove(1);
        decl.add(new NodeDeclaration("read-structures", "ReadStructures2NodeFactory", NodeDeclaration.NodeType.SOURCE));
        decl.add(new NodeDeclaration("gone", "ReadStructuresNodeFactory", NodeDeclaration.NodeType.OTHER));
        List<String> p = XasdamlNodes.problems(decl, FakeSteps.registry());
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("factory name ReadStructuresNodeFactory is declared for more than one")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'read-structures' has 2 node declarations")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("step 'fake-fit'") && s.contains("node(\"fake-fit\", \"FakeFitNodeFactory\"")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'gone' names no registered step")), p.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeSet.of(decl, FakeSteps.registry()));
        assertTrue(e.getMessage().contains("fake-fit"));
    }

    @Test
    void factoryNamesAreJavaClassNames() {
        assertEquals("ReadStructuresNodeFactory", XasdamlNodes.suggestedFactory("read-structures"));
        assertEquals("FeffNodeFactory", XasdamlNodes.suggestedFactory("feff"));
        assertThrows(IllegalArgumentException.class, () -> new NodeDeclaration("x", "read-structures", NodeDeclaration.NodeType.OTHER));
        assertThrows(IllegalArgumentException.class, () -> new NodeDeclaration("x", "ReadStructures", NodeDeclaration.NodeType.OTHER));
    }

    @Test
    void portsMapToTablesImagesOrCustomPortObjects() {
        NodeSet set = FakeSteps.nodeSet();
        KnimeNode fit = set.byStep("fake-fit");
        assertEquals(List.of(KnimePort.Kind.CUSTOM, KnimePort.Kind.TABLE), fit.inPorts().stream().map(KnimePort::kind).toList());
        assertEquals(List.of(KnimePort.Kind.TABLE, KnimePort.Kind.IMAGE, KnimePort.Kind.CUSTOM),
                fit.outPorts().stream().map(KnimePort::kind).toList());
        assertEquals(List.of("model-archive", "structures"), set.customPortTypes().stream().map(t -> t.id()).toList());
        assertEquals("ModelArchivePortObject", KnimePort.portObjectClass(FakeSteps.MODEL));
        assertEquals("Training labels", fit.inPorts().get(1).title());
        assertTrue(fit.inPorts().get(1).description().endsWith("Optional."));
        assertEquals("/xasdaml/machine-learning", fit.categoryPath());
        assertEquals("org.xasdaml.knime.nodes.FakeFitNodeFactory", fit.factoryClass());
    }
}
