package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xasdaml.workflow.ParameterSpec;

class NodeDescriptionWriterTest {

    /** Checks a description against the node: what KNIME's v5.3 schema requires, and that it documents every parameter and port. */
    static void checkDescription(KnimeNode node, String xml) {
        Element root = Dom.parse(xml).getDocumentElement();
        assertEquals("knimeNode", root.getLocalName());
        assertEquals("http://knime.org/node/v5.3", root.getNamespaceURI());
        assertTrue(List.of("Source", "Manipulator", "Learner", "Predictor", "Visualizer", "Other").contains(root.getAttribute("type")));
        assertEquals(node.declaration().icon(), root.getAttribute("icon"));
        // element order of the schema's KnimeNode sequence
        List<String> order = Dom.children(root, null).stream().map(Element::getLocalName).toList();
        assertEquals(List.of("name", "shortDescription", "fullDescription", "ports", "keywords"), order);
        assertEquals(node.step().info().title(), Dom.child(root, "name").getTextContent());
        assertEquals(node.step().info().summary(), Dom.child(root, "shortDescription").getTextContent());
        Element full = Dom.child(root, "fullDescription");
        Element intro = Dom.child(full, "intro");
        assertFalse(Dom.children(intro, "p").isEmpty());
        assertFalse(intro.getTextContent().contains("Paper module"), "written for scientists, not for developers");
        List<Element> tabs = Dom.children(full, "tab");
        List<Element> options = tabs.isEmpty() ? Dom.children(full, "option")
                : tabs.stream().flatMap(t -> Dom.children(t, "option").stream()).toList();
        if (!tabs.isEmpty()) {
            assertTrue(Dom.children(full, "option").isEmpty(), "options and tabs must not be mixed");
        }
        List<String> tabNames = tabs.stream().map(t -> t.getAttribute("name")).toList();
        assertEquals(tabNames.size(), new java.util.HashSet<>(tabNames).size(), "one tab per group: " + tabNames);
        List<ParameterSpec> specs = node.step().parameters().specs();
        assertEquals(specs.size(), options.size(), "one option per parameter");
        for (ParameterSpec s : specs) {
            Element o = options.stream().filter(e -> e.getAttribute("name").equals(DialogLayout.label(s))).findFirst()
                    .orElseThrow(() -> new AssertionError("no option for " + s.name()));
            String text = o.getTextContent();
            assertTrue(text.contains(s.description().strip()), text);
            assertTrue(text.contains("Default: " + (s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue())), text);
            assertFalse(text.contains("Settings key"), text);
            assertEquals(!s.appliesWhen().isEmpty(), text.contains("Used only when"), text);
            if (!s.unit().isEmpty()) {
                assertTrue(text.contains(s.unit()), text);
            }
            for (String c : s.choices()) {
                assertTrue(text.contains(c), text);
            }
        }
        Element ports = Dom.child(root, "ports");
        List<Element> in = Dom.children(ports, "inPort");
        List<Element> out = Dom.children(ports, "outPort");
        assertEquals(node.inPorts().size(), in.size());
        assertEquals(node.outPorts().size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(Integer.toString(i), in.get(i).getAttribute("index"));
            assertTrue(in.get(i).getTextContent().startsWith(node.inPorts().get(i).port().description()));
            assertFalse(in.get(i).getAttribute("name").isBlank());
        }
        for (int i = 0; i < out.size(); i++) {
            assertEquals(Integer.toString(i), out.get(i).getAttribute("index"));
            assertTrue(out.get(i).getTextContent().startsWith(node.outPorts().get(i).port().description()));
        }
    }

    @Test
    void everyNodeOfTheNodeSetHasAFullDescription() {
        for (KnimeNode n : NodeSet.load().nodes()) {
            checkDescription(n, NodeDescriptionWriter.write(n));
        }
    }

    @Test
    void advancedParametersGoToTheirOwnTabAndTextIsEscaped() {
        KnimeNode fit = FakeSteps.nodeSet().byStep("fake-fit");
        String xml = NodeDescriptionWriter.write(fit);
        checkDescription(fit, xml);
        Element full = Dom.child(Dom.parse(xml).getDocumentElement(), "fullDescription");
        List<Element> tabs = Dom.children(full, "tab");
        assertEquals(List.of("Options", "Training", "Options (advanced)"), tabs.stream().map(t -> t.getAttribute("name")).toList());
        assertEquals(List.of("Epochs", "Rate (1/step)"),
                Dom.children(tabs.get(1), "option").stream().map(o -> o.getAttribute("name")).toList());
        assertEquals(List.of("Seed", "Widths"), Dom.children(tabs.get(2), "option").stream().map(o -> o.getAttribute("name")).toList());
        List<Element> paras = Dom.children(Dom.child(full, "intro"), "p");
        assertEquals("First paragraph wrapped.", paras.get(0).getTextContent());
        assertEquals("Second <paragraph> & more.", paras.get(1).getTextContent());
        assertTrue(xml.contains("Second &lt;paragraph&gt; &amp; more."));
        String rate = Dom.children(tabs.get(1), "option").get(1).getTextContent();
        assertTrue(rate.contains("Range: 0 to 1."), rate);
        assertTrue(rate.contains("Default: 0.001."), rate);
        assertTrue(rate.endsWith("Used only when Mode is fast."), rate);
        String mode = Dom.children(tabs.get(0), "option").stream().filter(o -> o.getAttribute("name").equals("Mode"))
                .findFirst().orElseThrow().getTextContent();
        assertTrue(mode.contains("fast, full-scf"), mode);
    }
}
