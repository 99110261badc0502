package org.xasdaml.knime.gen;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Parsing and walking generated XML in tests (a parse failure fails the test: the file is not well-formed). */
final class Dom {
    private Dom() {
    }

    static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (name == null || c.getLocalName().equals(name))) {
                out.add(c);
            }
        }
        return out;
    }

    static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        if (c.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + e.getLocalName() + ">, found " + c.size());
        }
        return c.get(0);
    }

    /** In XMLConfig documents: the config with a key. */
    static Element config(Element e, String key) {
        for (Element c : children(e, "config")) {
            if (c.getAttribute("key").equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no config '" + key + "' in config '" + e.getAttribute("key") + "'");
    }

    static boolean hasConfig(Element e, String key) {
        return children(e, "config").stream().anyMatch(c -> c.getAttribute("key").equals(key));
    }

    /** In XMLConfig documents: the entry with a key. */
    static Element entry(Element e, String key) {
        for (Element c : children(e, "entry")) {
            if (c.getAttribute("key").equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no entry '" + key + "' in config '" + e.getAttribute("key") + "'");
    }

    static String value(Element e, String key, String type) {
        Element en = entry(e, key);
        if (!en.getAttribute("type").equals(type)) {
            throw new AssertionError("entry " + key + " has type " + en.getAttribute("type") + ", expected " + type);
        }
        return en.getAttribute("value");
    }
}
