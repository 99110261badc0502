package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.ParameterSpec;

/**
 * Workflows saved with an earlier node set keep loading: each saved node's settings go through
 * today's step parameters as the KNIME node model reads them (parameters the file lacks keep their
 * defaults, see StepNodeModel#loadValidatedSettingsFrom), and must be accepted.
 */
class SavedWorkflowsTest {
    static final List<String> FIXTURES = List.of("/fixtures/node-set-2026-12-04/cu-workflow.knwf");

    /** Settings of every node of a saved workflow: factory class to the model entries' text values. */
    static List<Map.Entry<String, Map<String, String>>> nodeSettings(byte[] knwf) throws Exception {
        List<Map.Entry<String, Map<String, String>>> out = new java.util.ArrayList<>();
        for (Map.Entry<String, byte[]> e : KnwfChecks.unzip(knwf).entrySet()) {
            if (e.getKey().endsWith("/settings.xml") && e.getValue() != null) {
                Element s = Dom.parse(e.getValue()).getDocumentElement();
                Map<String, String> values = new LinkedHashMap<>();
                for (Element entry : Dom.children(Dom.config(s, "model"), "entry")) {
                    values.put(entry.getAttribute("key"), entry.getAttribute("value"));
                }
                out.add(Map.entry(Dom.value(s, "factory", "xstring"), values));
            }
        }
        return out;
    }

    private static <P extends Record> P load(ParameterSet<P> ps, Map<String, String> saved) {
        Map<String, String> known = new LinkedHashMap<>();
        for (ParameterSpec s : ps.specs()) {
            if (saved.containsKey(s.name())) {
                known.put(s.name(), saved.get(s.name()));
            }
        }
        return ps.fromText(known);
    }

    @Test
    void everySavedNodeLoadsWithTodaysSteps() throws Exception {
        NodeSet set = NodeSet.load();
        for (String f : FIXTURES) {
            byte[] knwf;
            try (InputStream in = getClass().getResourceAsStream(f)) {
                knwf = in.readAllBytes();
            }
            List<Map.Entry<String, Map<String, String>>> nodes = nodeSettings(knwf);
            assertFalse(nodes.isEmpty(), f);
            for (Map.Entry<String, Map<String, String>> n : nodes) {
                KnimeNode node = set.nodes().stream().filter(k -> k.factoryClass().equals(n.getKey())).findFirst()
                        .orElseThrow(() -> new AssertionError(f + ": node factory " + n.getKey() + " is gone; old workflows "
                                + "need it (keep the factory name)"));
                for (String key : n.getValue().keySet()) {
                    assertTrue(node.step().parameters().specs().stream().anyMatch(s -> s.name().equals(key)),
                            f + ": " + node.declaration().stepId() + " no longer has the saved parameter '" + key + "'");
                }
                load(node.step().parameters(), n.getValue());
            }
        }
    }

    @Test
    void aParameterAddedLaterKeepsItsDefault() throws Exception {
        NodeSet set = NodeSet.load();
        byte[] knwf;
        try (InputStream in = getClass().getResourceAsStream(FIXTURES.get(0))) {
            knwf = in.readAllBytes();
        }
        KnimeNode train = set.byStep("train");
        Map<String, String> saved = nodeSettings(knwf).stream().filter(e -> e.getKey().equals(train.factoryClass())).findFirst()
                .orElseThrow().getValue();
        // as if "threads" and "folds" had come after the workflow was saved
        Map<String, String> older = new LinkedHashMap<>(saved);
        older.remove("threads");
        older.remove("folds");
        Record r = load(train.step().parameters(), older);
        Map<String, String> text = textOf(train, r);
        Map<String, String> defaults = textOf(train, train.step().defaults());
        assertEquals(defaults.get("threads"), text.get("threads"));
        assertEquals(defaults.get("folds"), text.get("folds"));
        assertEquals(saved.get("model"), text.get("model"), "saved values are kept");
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Map<String, String> textOf(KnimeNode n, Record r) {
        ParameterSet<P> ps = (ParameterSet<P>) n.step().parameters();
        return ps.toText((P) r);
    }
}
