package org.xasdaml.knime.gen;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xasdaml.workflow.ParameterSpec;
import org.xasdaml.workflow.StepInfo;

/**
 * Writes a node's description ({@code <Factory>.xml}, KNIME's classic node description, schema
 * version 5.3) from the step's metadata: name, summary, paragraphs, one option per parameter with
 * its unit, range, choices and default, and every port.
 */
public final class NodeDescriptionWriter {
    public static final String NAMESPACE = "http://knime.org/node/v5.3";

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
        Xml.child(intro, "p", "Paper module: " + info.module() + ". Command line: xasdaml " + String.join(" ", info.command())
                + ". Step id: " + info.id() + ".");
        List<ParameterSpec> basic = specs.stream().filter(s -> !s.advanced()).toList();
        List<ParameterSpec> advanced = specs.stream().filter(ParameterSpec::advanced).toList();
        if (advanced.isEmpty()) {
            basic.forEach(s -> option(full, s));
        } else {
            if (!basic.isEmpty()) {
                Element tab = Xml.child(full, "tab");
                tab.setAttribute("name", "Options");
                basic.forEach(s -> option(tab, s));
            }
            Element tab = Xml.child(full, "tab");
            tab.setAttribute("name", "Advanced options");
            advanced.forEach(s -> option(tab, s));
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
        Xml.child(keywords, "keyword", info.module());
        return Xml.toText(doc);
    }

    private static void option(Element parent, ParameterSpec s) {
        Element o = Xml.child(parent, "option", s.fullDescription() + " Settings key: " + s.name() + "; command line: "
                + s.option() + ".");
        o.setAttribute("name", s.label());
    }

    private static void port(Element ports, String tag, KnimePort p) {
        Element e = Xml.child(ports, tag, p.description());
        e.setAttribute("index", Integer.toString(p.index()));
        e.setAttribute("name", p.title());
    }
}
