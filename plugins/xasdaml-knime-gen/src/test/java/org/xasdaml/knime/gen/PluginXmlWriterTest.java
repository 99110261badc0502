package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xasdaml.workflow.Category;

class PluginXmlWriterTest {
    /** The committed plugin.xml of the KNIME plugin, relative to this module. */
    static final Path COMMITTED = Path.of("../org.xasdaml.knime/plugin.xml");

    static Element extension(Element plugin, String point) {
        return Dom.children(plugin, "extension").stream().filter(e -> e.getAttribute("point").equals(point)).findFirst()
                .orElseThrow(() -> new AssertionError("no extension " + point));
    }

    static void checkPluginXml(NodeSet set, String xml) {
        Element plugin = Dom.parse(xml).getDocumentElement();
        assertEquals("plugin", plugin.getTagName());
        Element cats = extension(plugin, "org.knime.workbench.repository.categories");
        List<Element> categories = Dom.children(cats, "category");
        assertEquals("xasdaml", categories.get(0).getAttribute("level-id"));
        assertEquals("/", categories.get(0).getAttribute("path"));
        assertEquals("XASDAML", categories.get(0).getAttribute("name"));
        Set<String> paths = categories.stream().skip(1).map(c -> c.getAttribute("path") + "/" + c.getAttribute("level-id"))
                .collect(Collectors.toSet());
        assertEquals(Arrays.stream(Category.values()).map(c -> "/xasdaml/" + c.id()).collect(Collectors.toSet()), paths);
        assertEquals(Arrays.stream(Category.values()).map(Category::title).toList(),
                categories.stream().skip(1).map(c -> c.getAttribute("name")).toList());
        List<Element> nodes = Dom.children(extension(plugin, "org.knime.workbench.repository.nodes"), "node");
        assertEquals(set.nodes().size(), nodes.size(), "one node per declared step");
        for (KnimeNode n : set.nodes()) {
            Element e = nodes.stream().filter(x -> x.getAttribute("factory-class").equals(n.factoryClass())).findFirst()
                    .orElseThrow(() -> new AssertionError("plugin.xml lacks " + n.factoryClass()));
            assertTrue(paths.contains(e.getAttribute("category-path")));
        }
        if (!set.customPortTypes().isEmpty()) {
            List<Element> types = Dom.children(extension(plugin, "org.knime.core.PortType"), "portType");
            assertEquals(set.customPortTypes().size(), types.size());
            for (Element t : types) {
                String cls = t.getAttribute("objectClass");
                assertTrue(cls.startsWith(KnimePort.PORT_PACKAGE + "."), cls);
                assertEquals(cls + "$Serializer", t.getAttribute("objectSerializer"));
                assertEquals(cls + "Spec", t.getAttribute("specClass"));
                assertEquals(cls + "Spec$Serializer", t.getAttribute("specSerializer"));
                assertTrue(t.getAttribute("color").matches("#[0-9a-f]{6}"), t.getAttribute("color"));
            }
        }
    }

    @Test
    void generatedPluginXmlListsEveryNodeCategoryAndPortType() {
        checkPluginXml(NodeSet.load(), PluginXmlWriter.write(NodeSet.load()));
        checkPluginXml(FakeSteps.nodeSet(), PluginXmlWriter.write(FakeSteps.nodeSet()));
    }

    @Test
    void committedPluginXmlIsTheGeneratedOne() throws Exception {
        assertEquals(PluginXmlWriter.write(NodeSet.load()), Files.readString(COMMITTED),
                "plugins/org.xasdaml.knime/plugin.xml is out of date with the steps; regenerate it with "
                        + "mvn -f plugins/xasdaml-knime-gen/pom.xml exec:java (see knime/README-profile.md)");
    }
}
