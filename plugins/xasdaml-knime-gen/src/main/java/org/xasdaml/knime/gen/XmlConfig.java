package org.xasdaml.knime.gen;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A document in KNIME's XMLConfig format (namespace {@value #NAMESPACE}): nested {@code config}
 * elements holding typed {@code entry} elements. workflow.knime and every node's settings.xml are
 * in this format.
 */
public final class XmlConfig {
    public static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private final Document doc;
    private final Element element;

    private XmlConfig(Document doc, Element element) {
        this.doc = doc;
        this.element = element;
    }

    /** A new document whose root config has the given key (by convention the file name). */
    public static XmlConfig root(String key) {
        Document doc = Xml.newDocument();
        Element root = doc.createElementNS(NAMESPACE, "config");
        doc.appendChild(root);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        root.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation",
                NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd");
        root.setAttribute("key", key);
        return new XmlConfig(doc, root);
    }

    /** A nested config; returns it. */
    public XmlConfig config(String key) {
        Element e = Xml.child(element, "config");
        e.setAttribute("key", key);
        return new XmlConfig(doc, e);
    }

    /** A typed entry; a null value is written as KNIME writes null strings. */
    public XmlConfig entry(String key, String type, String value) {
        Element e = Xml.child(element, "entry");
        e.setAttribute("key", key);
        e.setAttribute("type", type);
        if (value == null) {
            e.setAttribute("isnull", "true");
            e.setAttribute("value", "");
        } else {
            e.setAttribute("value", value);
        }
        return this;
    }

    public XmlConfig string(String key, String value) {
        return entry(key, "xstring", value);
    }

    public XmlConfig integer(String key, int value) {
        return entry(key, "xint", Integer.toString(value));
    }

    public XmlConfig bool(String key, boolean value) {
        return entry(key, "xboolean", Boolean.toString(value));
    }

    /** An int array, as KNIME stores one: a config with array-size and one entry per index. */
    public XmlConfig intArray(String key, int... values) {
        XmlConfig c = config(key);
        c.integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.integer(Integer.toString(i), values[i]);
        }
        return this;
    }

    public String toXml() {
        return Xml.toText(doc);
    }
}
