package org.xasdaml.knime.gen;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xasdaml.workflow.ParameterSpec;
import org.xasdaml.workflow.StepInfo;

/**
 * Writes a node's description ({@code <Factory>.xml}, KNIME's classic node description, schema
 * version 5.3) from the step's metadata, for the scientist who uses the node: name, summary,
 * paragraphs, the options grouped as in the dialog ({@link DialogLayout}) with label, unit, range,
 * choices, default and when they apply, and every port.
 */
public final class NodeDescriptionWriter {
    public static final String NAMESPACE = "http://knime.org/node/v5.3";

    /** What "the reference" means in the steps' words, said once per node that uses it. */
    static final String REFERENCE_NOTE = "Where this description says \"the reference\", it means the original XASDAML "
            + "Python code published with the XASDAML paper, whose choices this node reproduces unless said otherwise.";

    private NodeDescriptionWriter() {
    }

    public static String write(KnimeNode node) {
        StepInfo info = node.step().info();
        List<ParameterSpec> specs = node.step().parameters().specs();
        Document doc = Xml.newDocument();
        Element root = doc.createElementNS(NAMESPACE, "knimeNode");
        doc.appendChild(root);
        root.setAttribute("icon", node.declaration().icon());
        root.setAttribute("type", node.declaration().type().xml());
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        root.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation",
                NAMESPACE + " " + NAMESPACE + ".xsd");
        Xml.child(root, "name", info.title());
        Xml.child(root, "shortDescription", info.summary());
        Element full = Xml.child(root, "fullDescription");
        Element intro = Xml.child(full, "intro");
        for (String para : info.description().split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                Xml.child(intro, "p", para.strip().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        if (info.description().contains("reference") || specs.stream().anyMatch(p -> p.description().contains("reference"))) {
            Xml.child(intro, "p", REFERENCE_NOTE);
        }
        Xml.child(intro, "p", "The same calculation runs outside KNIME as: xasdaml " + String.join(" ", info.command()) + ".");
        DialogLayout layout = DialogLayout.of(specs);
        for (DialogLayout.Tab t : layout.tabs()) {
            boolean advanced = t.name().equals(DialogLayout.ADVANCED_TAB);
            for (DialogLayout.Group g : t.groups()) {
                Element tab = Xml.child(full, "tab");
                String title = g.title().isEmpty() ? "Options" : g.title();
                tab.setAttribute("name", advanced ? title + " (advanced)" : title);
                g.parameters().forEach(p -> option(tab, p, specs));
            }
        }
        Element ports = Xml.child(root, "ports");
        for (KnimePort p : node.inPorts()) {
            port(ports, "inPort", p);
        }
        for (KnimePort p : node.outPorts()) {
            port(ports, "outPort", p);
        }
        Element keywords = Xml.child(root, "keywords");
        Xml.child(keywords, "keyword", "XASDAML");
        return Xml.toText(doc);
    }

    private static void option(Element parent, ParameterSpec s, List<ParameterSpec> all) {
        String when = DialogLayout.whenText(s, all);
        Element o = Xml.child(parent, "option", s.fullDescription() + (when.isEmpty() ? "" : " " + when));
        o.setAttribute("name", DialogLayout.label(s));
    }

    private static void port(Element ports, String tag, KnimePort p) {
        Element e = Xml.child(ports, tag, p.description());
        e.setAttribute("index", Integer.toString(p.index()));
        e.setAttribute("name", p.title());
    }
}
