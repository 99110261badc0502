package org.xasdaml.knime.gen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.xasdaml.workflow.ParameterSpec;
import org.xasdaml.workflow.StepInfo;

/**
 * Writes a workflow description as a KNIME workflow archive (.knwf): a zip whose single top-level
 * folder holds {@code workflow.knime} and one {@code <Name> (#<id>)/settings.xml} per node, in
 * KNIME's XMLConfig format with every entry KNIME 5.5 needs to load the workflow cleanly
 * (see the KNIME extension guide, ".knwf format").
 */
public final class KnwfWriter {
    /** Workflow format version KNIME 5.x writes (LoadVersion V5100). */
    public static final String WORKFLOW_VERSION = "5.1.0";
    /** Node size in the editor. */
    static final int NODE_WIDTH = 122;
    static final int NODE_HEIGHT = 80;

    private KnwfWriter() {
    }

    /** The archive's entries (path inside the zip to content), in writing order. */
    public static Map<String, byte[]> entries(WorkflowDescription wf, NodeSet nodeSet) {
        List<String> problems = wf.problems(nodeSet);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("workflow " + wf.name() + " cannot run:\n  " + String.join("\n  ", problems));
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        String root = wf.name() + "/";
        out.put(root + "workflow.knime", workflowKnime(wf, nodeSet).getBytes(StandardCharsets.UTF_8));
        for (WorkflowDescription.Node n : wf.nodes()) {
            out.put(root + nodeFolder(wf, nodeSet, n) + "/settings.xml", nodeSettings(wf, nodeSet, n).getBytes(StandardCharsets.UTF_8));
        }
        wf.files().forEach((path, content) -> out.put(root + path, content));
        return out;
    }

    /** The .knwf bytes. */
    public static byte[] write(WorkflowDescription wf, NodeSet nodeSet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
            for (Map.Entry<String, byte[]> e : entries(wf, nodeSet).entrySet()) {
                String path = e.getKey();
                for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                    String dir = path.substring(0, i + 1);
                    if (dirs.add(dir)) {
                        ZipEntry d = new ZipEntry(dir);
                        d.setTime(0);
                        zip.putNextEntry(d);
                        zip.closeEntry();
                    }
                }
                ZipEntry z = new ZipEntry(path);
                z.setTime(0); // same bytes for the same description
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** "Read Structures (#1)": KNIME's folder name for a node. */
    static String nodeFolder(WorkflowDescription wf, NodeSet set, WorkflowDescription.Node n) {
        String title = WorkflowDescription.info(set, n).title().replaceAll("[^A-Za-z0-9 _()-]", "_");
        return title + " (#" + n.id() + ")";
    }

    static String workflowKnime(WorkflowDescription wf, NodeSet set) {
        XmlConfig c = XmlConfig.root("workflow.knime");
        c.string("created_by", PluginIdentity.KNIME_VERSION);
        c.bool("created_by_nightly", false);
        c.string("version", WORKFLOW_VERSION);
        c.string("name", null);
        c.string("customDescription", wf.description());
        c.string("state", "IDLE");
        if (!wf.variables().isEmpty()) {
            XmlConfig vars = c.config("workflow_variables");
            int i = 0;
            for (Map.Entry<String, String> v : wf.variables().entrySet()) {
                vars.config("Var_" + i++).string("name", v.getKey()).string("class", "STRING").string("value", v.getValue());
            }
        }
        c.config("workflow_credentials");
        XmlConfig nodes = c.config("nodes");
        for (WorkflowDescription.Node n : wf.nodes()) {
            XmlConfig nc = nodes.config("node_" + n.id());
            nc.integer("id", n.id());
            nc.string("node_settings_file", nodeFolder(wf, set, n) + "/settings.xml");
            nc.bool("node_is_meta", false);
            nc.string("node_type", "NativeNode");
            nc.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            nc.config("ui_settings").intArray("extrainfo.node.bounds", n.x(), n.y(), NODE_WIDTH, NODE_HEIGHT);
        }
        XmlConfig conns = c.config("connections");
        int k = 0;
        for (WorkflowDescription.Connection con : wf.connections()) {
            StepInfo from = WorkflowDescription.info(set, wf.node(con.source()));
            StepInfo to = WorkflowDescription.info(set, wf.node(con.dest()));
            XmlConfig cc = conns.config("connection_" + k++);
            cc.integer("sourceID", con.source());
            cc.integer("destID", con.dest());
            // port 0 of a native node is its flow-variable port: data ports start at 1
            cc.integer("sourcePort", WorkflowDescription.index(from.outputs(), con.sourcePort()) + 1);
            cc.integer("destPort", WorkflowDescription.index(to.inputs(), con.destPort()) + 1);
        }
        return c.toXml();
    }

    static String nodeSettings(WorkflowDescription wf, NodeSet set, WorkflowDescription.Node n) {
        KnimeNode node = set.byStep(n.stepId());
        XmlConfig c = XmlConfig.root("settings.xml");
        c.string("node_file", "settings.xml");
        c.config("flow_stack");
        c.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        XmlConfig model = c.config("model");
        Map<String, String> values = textValues(node, n);
        for (ParameterSpec s : node.step().parameters().specs()) {
            SettingKind kind = SettingKind.of(s);
            model.entry(s.name(), kind.xmlType(), kind.entryValue(values.get(s.name())));
        }
        if (!n.variables().isEmpty()) {
            XmlConfig vars = c.config("variables");
            vars.string("version", "V_2019_09_13");
            XmlConfig tree = vars.config("tree");
            for (Map.Entry<String, String> v : n.variables().entrySet()) {
                tree.config(v.getKey()).string("used_variable", v.getValue()).bool("used_variable_flawed", false)
                        .string("exposed_variable", null);
            }
        }
        c.string("customDescription", null);
        c.string("state", "IDLE");
        c.string("factory", node.factoryClass());
        c.string("node-name", node.step().info().title());
        c.string("node-bundle-name", PluginIdentity.BUNDLE_NAME);
        c.string("node-bundle-symbolic-name", PluginIdentity.BUNDLE_ID);
        c.string("node-bundle-vendor", PluginIdentity.VENDOR);
        c.string("node-bundle-version", PluginIdentity.VERSION);
        c.string("node-feature-name", PluginIdentity.FEATURE_NAME);
        c.string("node-feature-symbolic-name", PluginIdentity.FEATURE_ID);
        c.string("node-feature-vendor", PluginIdentity.VENDOR);
        c.string("node-feature-version", PluginIdentity.VERSION);
        c.string("name", node.step().info().title());
        c.bool("hasContent", false);
        c.bool("isInactive", false);
        c.config("ports");
        c.config("filestores").string("file_store_location", null).string("file_store_id", null);
        return c.toXml();
    }

    /** Every parameter's text value: the node's settings over the step's defaults, as the step formats them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> textValues(KnimeNode node, WorkflowDescription.Node n) {
        var ps = (org.xasdaml.workflow.ParameterSet) node.step().parameters();
        return ps.toText((Record) ps.fromText(n.settings()));
    }
}
