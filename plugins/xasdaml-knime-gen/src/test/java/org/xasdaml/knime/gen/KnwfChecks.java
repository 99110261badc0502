package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;
import org.xasdaml.workflow.ParameterSpec;

/** What a .knwf must hold for KNIME 5.5 to load it cleanly (the KNIME extension guide's list), checked entry by entry. */
final class KnwfChecks {
    private KnwfChecks() {
    }

    static Map<String, byte[]> unzip(byte[] knwf) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(knwf))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                m.put(e.getName(), e.isDirectory() ? null : z.readAllBytes());
            }
        }
        return m;
    }

    /** Checks an archive; returns its workflow.knime root config. */
    static Element check(byte[] knwf, NodeSet set, WorkflowDescription wf) throws IOException {
        Map<String, byte[]> entries = unzip(knwf);
        Set<String> tops = new TreeSet<>();
        entries.keySet().forEach(k -> tops.add(k.substring(0, k.indexOf('/'))));
        assertEquals(Set.of(wf.name()), tops, "a single top-level workflow folder");
        String root = wf.name() + "/";
        byte[] wk = entries.get(root + "workflow.knime");
        assertTrue(wk != null, "workflow.knime at the folder's top");
        Element w = Dom.parse(wk).getDocumentElement();
        assertEquals(XmlConfig.NAMESPACE, w.getNamespaceURI());
        assertEquals("workflow.knime", w.getAttribute("key"));
        assertEquals("5.1.0", Dom.value(w, "version", "xstring"));
        assertFalse(Dom.value(w, "created_by", "xstring").isEmpty());
        assertEquals("IDLE", Dom.value(w, "state", "xstring"));
        Dom.config(w, "workflow_credentials");
        Element nodes = Dom.config(w, "nodes");
        assertEquals(wf.nodes().size(), Dom.children(nodes, "config").size());
        Set<Integer> ids = new TreeSet<>();
        for (Element n : Dom.children(nodes, "config")) {
            int id = Integer.parseInt(Dom.value(n, "id", "xint"));
            assertEquals("node_" + id, n.getAttribute("key"));
            ids.add(id);
            assertEquals("false", Dom.value(n, "node_is_meta", "xboolean"));
            assertEquals("NativeNode", Dom.value(n, "node_type", "xstring"));
            assertEquals("org.knime.core.node.workflow.NodeUIInformation", Dom.value(n, "ui_classname", "xstring"));
            Element bounds = Dom.config(Dom.config(n, "ui_settings"), "extrainfo.node.bounds");
            assertEquals("4", Dom.value(bounds, "array-size", "xint"));
            String file = Dom.value(n, "node_settings_file", "xstring");
            assertTrue(file.matches(".+ \\(#" + id + "\\)/settings\\.xml"), file);
            byte[] s = entries.get(root + file);
            assertTrue(s != null, "settings file " + file + " is in the archive");
            checkNodeSettings(Dom.parse(s).getDocumentElement(), set, wf.node(id));
        }
        Element conns = Dom.config(w, "connections");
        assertEquals(wf.connections().size(), Dom.children(conns, "config").size());
        for (Element c : Dom.children(conns, "config")) {
            int src = Integer.parseInt(Dom.value(c, "sourceID", "xint"));
            int dst = Integer.parseInt(Dom.value(c, "destID", "xint"));
            int sp = Integer.parseInt(Dom.value(c, "sourcePort", "xint"));
            int dp = Integer.parseInt(Dom.value(c, "destPort", "xint"));
            assertTrue(ids.contains(src) && ids.contains(dst), "connection joins nodes of the workflow");
            KnimeNode from = set.byStep(wf.node(src).stepId());
            KnimeNode to = set.byStep(wf.node(dst).stepId());
            assertTrue(sp >= 1 && sp <= from.outPorts().size(), "source port " + sp + " is a data port (0 is flow variables)");
            assertTrue(dp >= 1 && dp <= to.inPorts().size(), "dest port " + dp + " is a data port");
            assertEquals(from.outPorts().get(sp - 1).port().type().id(), to.inPorts().get(dp - 1).port().type().id(),
                    "connection joins ports of one type");
        }
        return w;
    }

    static void checkNodeSettings(Element s, NodeSet set, WorkflowDescription.Node n) {
        KnimeNode node = set.byStep(n.stepId());
        assertEquals("settings.xml", s.getAttribute("key"));
        String factory = Dom.value(s, "factory", "xstring");
        assertEquals(node.factoryClass(), factory);
        assertTrue(PluginXmlWriter.write(set).contains("factory-class=\"" + factory + "\""), "factory is declared in plugin.xml");
        assertEquals(node.step().info().title(), Dom.value(s, "node-name", "xstring"));
        assertEquals(PluginIdentity.BUNDLE_ID, Dom.value(s, "node-bundle-symbolic-name", "xstring"));
        for (String k : List.of("node-bundle-name", "node-bundle-vendor", "node-bundle-version", "node-feature-name",
                "node-feature-symbolic-name", "node-feature-vendor", "node-feature-version")) {
            assertFalse(Dom.value(s, k, "xstring").isEmpty(), k);
        }
        assertEquals("settings.xml", Dom.value(s, "node_file", "xstring"));
        assertTrue(List.of("IDLE", "CONFIGURED").contains(Dom.value(s, "state", "xstring")));
        assertEquals("false", Dom.value(s, "hasContent", "xboolean"));
        assertEquals("false", Dom.value(s, "isInactive", "xboolean"));
        assertFalse(Dom.value(Dom.config(s, "internal_node_subsettings"), "memory_policy", "xstring").isEmpty());
        Dom.config(s, "flow_stack");
        Dom.config(s, "ports");
        Element fs = Dom.config(s, "filestores");
        assertEquals("true", Dom.entry(fs, "file_store_location").getAttribute("isnull"));
        assertEquals("true", Dom.entry(fs, "file_store_id").getAttribute("isnull"));
        Element model = Dom.config(s, "model");
        List<ParameterSpec> specs = node.step().parameters().specs();
        assertEquals(specs.size(), Dom.children(model, "entry").size(), "one model entry per parameter");
        for (ParameterSpec p : specs) {
            Dom.value(model, p.name(), SettingKind.of(p).xmlType());
        }
        if (!n.variables().isEmpty()) {
            Element tree = Dom.config(Dom.config(s, "variables"), "tree");
            n.variables().forEach((param, var) -> assertEquals(var, Dom.value(Dom.config(tree, param), "used_variable", "xstring")));
        }
    }
}
