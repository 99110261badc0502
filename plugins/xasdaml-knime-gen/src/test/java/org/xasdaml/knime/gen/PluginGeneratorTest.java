package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginGeneratorTest {

    @Test
    void oneFactoryAndDescriptionPerNodeAndOnePortObjectPerCustomType(@TempDir Path dir) throws Exception {
        NodeSet set = FakeSteps.nodeSet();
        PluginGenerator.generate(set, dir, dir.resolve("plugin.xml"));
        String factory = Files.readString(dir.resolve("org/xasdaml/knime/nodes/FakeFitNodeFactory.java"));
        assertTrue(factory.contains("public final class FakeFitNodeFactory extends org.xasdaml.knime.StepNodeFactory"), factory);
        assertTrue(factory.contains("super(\"fake-fit\", FakeFitNodeParameters.class);"), factory);
        assertTrue(Files.exists(dir.resolve("org/xasdaml/knime/nodes/FakeFitNodeParameters.java")));
        NodeDescriptionWriterTest.checkDescription(set.byStep("fake-fit"),
                Files.readString(dir.resolve("org/xasdaml/knime/nodes/FakeFitNodeFactory.xml")));
        NodeDescriptionWriterTest.checkDescription(set.byStep("read-structures"),
                Files.readString(dir.resolve("org/xasdaml/knime/nodes/ReadStructuresNodeFactory.xml")));
        String port = Files.readString(dir.resolve("org/xasdaml/knime/port/ModelArchivePortObject.java"));
        assertTrue(port.contains("public ModelArchivePortObjectSpec getSpec()"), "covariant getSpec, KNIME reads the spec class from it");
        assertTrue(port.contains("class Serializer extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<ModelArchivePortObject>"));
        String spec = Files.readString(dir.resolve("org/xasdaml/knime/port/StructuresPortObjectSpec.java"));
        assertTrue(spec.contains("super(\"structures\");"), spec);
        PluginXmlWriterTest.checkPluginXml(set, Files.readString(dir.resolve("plugin.xml")));
        for (KnimeNode n : set.nodes()) {
            Path icon = dir.resolve("org/xasdaml/knime/nodes/" + n.declaration().icon());
            BufferedImage img = ImageIO.read(icon.toFile());
            assertEquals(16, img.getWidth());
            assertEquals(16, img.getHeight());
            assertEquals(0, img.getRGB(0, 0) >>> 24, "transparent corner");
        }
    }

    @Test
    void sourcesOfTheRealNodeSetNameEveryStep() {
        NodeSet set = NodeSet.load();
        Map<String, byte[]> files = PluginGenerator.sources(set);
        for (KnimeNode n : set.nodes()) {
            String src = new String(files.get("org/xasdaml/knime/nodes/" + n.declaration().factory() + ".java"), StandardCharsets.UTF_8);
            assertTrue(src.contains("super(\"" + n.declaration().stepId() + "\", " + NodeParametersWriter.className(n) + ".class)"));
            assertTrue(files.containsKey("org/xasdaml/knime/nodes/" + NodeParametersWriter.className(n) + ".java"));
            NodeDescriptionWriterTest.checkDescription(n,
                    new String(files.get("org/xasdaml/knime/nodes/" + n.declaration().factory() + ".xml"), StandardCharsets.UTF_8));
        }
        // one icon per node, no two alike (a node declared without a glyph gets a pattern from its id)
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (KnimeNode n : set.nodes()) {
            byte[] icon = files.get("org/xasdaml/knime/nodes/" + n.declaration().icon());
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(icon, 4));
            assertTrue(new ByteArrayInputStream(icon).available() > 50);
            assertTrue(seen.add(java.util.Base64.getEncoder().encodeToString(icon)), "icon of " + n.declaration().stepId()
                    + " is the same as another node's: give it another NodeIcons.Glyph");
        }
        assertEquals(set.nodes().size(), files.keySet().stream().filter(k -> k.endsWith(".png")).count());
    }
}
