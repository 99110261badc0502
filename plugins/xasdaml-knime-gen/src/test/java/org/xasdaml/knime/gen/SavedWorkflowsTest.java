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
    static final List<String> FIXTURES = List.of("/fixtures/node-set-2026-12-04/cu-workflow.knwf",
            "/fixtures/node-set-2026-12-05/features-workflow.knwf");

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

    /** As StepNodeModel loads a node's settings: through {@link SavedSettings}, then the step's parser. */
    private static <P extends Record> P load(ParameterSet<P> ps, Map<String, String> saved, List<String> warnings) {
        return ps.fromText(SavedSettings.read(ps, SavedSettings.of(saved), warnings::add));
    }

    private static <P extends Record> P load(ParameterSet<P> ps, Map<String, String> saved) {
        return load(ps, saved, new java.util.ArrayList<>());
    }

    private byte[] fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
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
                assertEquals(List.of(), SavedSettings.unknownKeys(node.step().parameters(), n.getValue().keySet()),
                        f + ": " + node.declaration().stepId() + " no longer has these saved parameters (declare a @FormerName "
                                + "when renaming one)");
                load(node.step().parameters(), n.getValue());
            }
        }
    }

    @Test
    void aParameterAddedLaterKeepsItsDefault() throws Exception {
        NodeSet set = NodeSet.load();
        byte[] knwf = fixture(FIXTURES.get(0));
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

    /**
     * The features node saved when its energy grid was emin/emax relative to E0: today it reads
     * them as below = −emin and above = emax, says so, and once saved again (today's names, as the
     * node model's settings write them) loads with no warning and the same options.
     */
    @Test
    void aRenamedParameterLoadsUnderItsNewNameWithAWarning() throws Exception {
        NodeSet set = NodeSet.load();
        KnimeNode features = set.byStep("features");
        Map<String, String> saved = nodeSettings(fixture(FIXTURES.get(1))).stream()
                .filter(e -> e.getKey().equals(features.factoryClass())).findFirst().orElseThrow().getValue();
        assertEquals("-20.0", saved.get("emin"), "the fixture holds the old names");
        assertEquals("150.0", saved.get("emax"));
        assertFalse(saved.containsKey("below"));
        List<String> warnings = new java.util.ArrayList<>();
        Record r = load(features.step().parameters(), saved, warnings);
        Map<String, String> text = textOf(features, r);
        assertEquals("20", text.get("below"));
        assertEquals("150", text.get("above"));
        assertEquals("341", text.get("points"));
        assertEquals("norm", text.get("quantity"), "the other saved values are kept");
        assertEquals(2, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).startsWith("'emin' is the former name of 'below' (renamed 2026-12-05): read as below = 20"),
                warnings.get(0));
        String nodeWarning = SavedSettings.warning(warnings);
        assertTrue(nodeWarning.startsWith("Settings saved by an earlier version were read under today's names (save the "
                + "workflow to keep them so): 'emin' is the former name of 'below'"), nodeWarning);
        assertEquals(null, SavedSettings.warning(List.of()));

        // saved again: today's names only, typed as KNIME writes them
        Map<String, String> again = new LinkedHashMap<>();
        for (ParameterSpec s : features.step().parameters().specs()) {
            again.put(s.name(), SettingKind.of(s).entryValue(text.get(s.name())));
        }
        List<String> none = new java.util.ArrayList<>();
        assertEquals(r, load(features.step().parameters(), again, none));
        assertEquals(List.of(), none);
        // both names in one file is refused, naming the parameter
        Map<String, String> both = new LinkedHashMap<>(saved);
        both.put("below", "20.0");
        assertEquals("both 'below' and its former name 'emin' are given; keep only below",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> load(features.step().parameters(), both)).getMessage());
    }
}
