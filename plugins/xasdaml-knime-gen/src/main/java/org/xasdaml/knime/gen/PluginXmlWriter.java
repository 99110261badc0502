package org.xasdaml.knime.gen;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ProcessingInstruction;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.PortType;

/**
 * Writes the KNIME plugin's {@code plugin.xml}: the XASDAML category with one sub-category per
 * paper block, one node per declared step, and one port type per custom (non-table) port type.
 */
public final class PluginXmlWriter {
    private PluginXmlWriter() {
    }

    /** Port colours by port type id; others get a colour from their id, so it stays the same between builds. */
    static String colour(PortType<?> type) {
        return switch (type.id()) {
            case "structures" -> "#2f7d32";
            default -> String.format("#%06x", (type.id().hashCode() & 0x7f7f7f) + 0x202020);
        };
    }

    public static String write(NodeSet nodes) {
        Document doc = Xml.newDocument();
        ProcessingInstruction pi = doc.createProcessingInstruction("eclipse", "version=\"3.4\"");
        doc.appendChild(pi);
        Element plugin = doc.createElement("plugin");
        doc.appendChild(plugin);

        Element cats = Xml.child(plugin, "extension");
        cats.setAttribute("point", "org.knime.workbench.repository.categories");
        Element root = Xml.child(cats, "category");
        root.setAttribute("level-id", KnimeNode.ROOT_CATEGORY);
        root.setAttribute("name", "XASDAML");
        root.setAttribute("path", "/");
        root.setAttribute("description", "Machine learning for X-ray absorption spectroscopy: structures to spectra, "
                + "descriptors, datasets, models and predictions");
        String after = null;
        for (Category c : Category.values()) {
            Element e = Xml.child(cats, "category");
            e.setAttribute("level-id", c.id());
            e.setAttribute("name", c.title());
            e.setAttribute("path", "/" + KnimeNode.ROOT_CATEGORY);
            if (after != null) {
                e.setAttribute("after", after);
            }
            after = c.id();
        }

        Element ext = Xml.child(plugin, "extension");
        ext.setAttribute("point", "org.knime.workbench.repository.nodes");
        for (KnimeNode n : nodes.nodes()) {
            Element e = Xml.child(ext, "node");
            e.setAttribute("factory-class", n.factoryClass());
            e.setAttribute("category-path", n.categoryPath());
        }

        if (!nodes.customPortTypes().isEmpty()) {
            Element pt = Xml.child(plugin, "extension");
            pt.setAttribute("point", "org.knime.core.PortType");
            for (PortType<?> t : nodes.customPortTypes()) {
                String cls = KnimePort.PORT_PACKAGE + "." + KnimePort.portObjectClass(t);
                Element e = Xml.child(pt, "portType");
                e.setAttribute("name", "XASDAML " + t.id());
                e.setAttribute("color", colour(t));
                e.setAttribute("objectClass", cls);
                e.setAttribute("objectSerializer", cls + "$Serializer");
                e.setAttribute("specClass", cls + "Spec");
                e.setAttribute("specSerializer", cls + "Spec$Serializer");
            }
        }
        return Xml.toText(doc);
    }
}
