package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.ParameterSpec;

/** The dialogs of the real node set as the KNIME plugin builds them: tabs, groups, labels, editors, conditions. */
class DialogLayoutTest {
    final NodeSet set = NodeSet.load();

    private static List<String> titles(DialogLayout.Tab t) {
        return t.groups().stream().map(DialogLayout.Group::title).toList();
    }

    private static Map<String, String> defaults(KnimeNode n) {
        return new HashMap<>(text(n.step()));
    }

    private static <P extends Record> Map<String, String> text(org.xasdaml.workflow.Step<P> step) {
        return step.parameters().toText(step.defaults());
    }

    @Test
    void trainModelShowsTheOptionsOfTheChosenModelKindOnly() {
        KnimeNode train = set.byStep("train");
        List<ParameterSpec> specs = train.step().parameters().specs();
        DialogLayout d = DialogLayout.of(specs);
        assertEquals(List.of("Options", "Advanced"), d.tabs().stream().map(DialogLayout.Tab::name).toList());
        assertEquals(List.of("", "Multilayer perceptron", "Convolutional network", "Network training", "Random forest", "Uncertainty"),
                titles(d.tabs().get(0)));
        assertEquals(List.of("Network training", "Random forest", "Cross-validation search", "Uncertainty"), titles(d.tabs().get(1)));
        Map<String, String> v = defaults(train);
        assertEquals("mlp", v.get("model"));
        Set<String> mlp = DialogLayout.applying(specs, v);
        assertTrue(mlp.containsAll(List.of("hidden", "dropout", "epochs", "targets", "seed")), mlp.toString());
        assertFalse(mlp.contains("trees") || mlp.contains("channels") || mlp.contains("folds"), mlp.toString());
        v.put("model", "rf");
        Set<String> rf = DialogLayout.applying(specs, v);
        assertTrue(rf.containsAll(List.of("trees", "maxDepth", "mtry", "search")), rf.toString());
        assertFalse(rf.contains("hidden") || rf.contains("epochs") || rf.contains("folds"), rf.toString());
        v.put("search", "true");
        assertTrue(DialogLayout.applying(specs, v).containsAll(List.of("folds", "searchTrees")));
        // 32 options at once before; for an MLP 17 are enabled (the two interval options and cross-fitting apply to every
        // kind) and the 15 of the CNN, the forest and its search are not
        assertEquals(32, specs.size());
        assertEquals(17, mlp.size(), mlp.toString());
        assertTrue(mlp.contains("crossFolds") && rf.contains("crossFolds"), rf.toString());
        assertEquals(Set.of("model", "search"), DialogLayout.deciders(specs));
        assertEquals("Used only when Model kind is rf and Tune the forest by cross-validation is on.",
                DialogLayout.whenText(train.step().parameters().spec("folds"), specs));
    }

    @Test
    void labelsAreWordsWithUnits() {
        assertEquals("Most legs per scattering path", set.byStep("feff").step().parameters().spec("nlegs").label());
        assertEquals("Longest half path length (Å)", DialogLayout.label(set.byStep("feff").step().parameters().spec("rpath")));
        assertEquals("Features tried per split", set.byStep("train").step().parameters().spec("mtry").label());
        assertEquals("Also write SVG files", set.byStep("analysis").step().parameters().spec("svg").label());
        assertEquals("Smallest RDF distance (Å)", DialogLayout.label(set.byStep("descriptors").step().parameters().spec("rdfRmin")));
        assertEquals("--rdf-rmin", set.byStep("descriptors").step().parameters().spec("rdfRmin").option(), "command line unchanged");
        for (KnimeNode n : set.nodes()) {
            Set<String> labels = new HashSet<>();
            for (ParameterSpec s : n.step().parameters().specs()) {
                assertTrue(labels.add(DialogLayout.label(s)), n.declaration().stepId() + ": two options labelled " + DialogLayout.label(s));
            }
        }
    }

    @Test
    void editorsPickColumnsFilesAndFolders() {
        assertEquals(DialogLayout.Editor.FILES, DialogLayout.editor(set.byStep("predict-measured").step().parameters().spec("files")));
        assertEquals(DialogLayout.Editor.FOLDER, DialogLayout.editor(set.byStep("feff").step().parameters().spec("feffBin")));
        assertEquals(DialogLayout.Editor.FILE, DialogLayout.editor(set.byStep("read-structures").step().parameters().spec("file")));
        KnimeNode train = set.byStep("train");
        ParameterSpec targets = train.step().parameters().spec("targets");
        assertEquals(DialogLayout.Editor.COLUMNS, DialogLayout.editor(targets));
        assertEquals(1, DialogLayout.columnsPort(train, targets), "the labels input");
        KnimeNode split = set.byStep("split");
        ParameterSpec group = split.step().parameters().spec("groupColumn");
        assertEquals(DialogLayout.Editor.COLUMN, DialogLayout.editor(group));
        assertEquals(1, DialogLayout.columnsPort(split, group), "the groups input");
        ParameterSpec methods = set.byStep("filter").step().parameters().spec("methods");
        assertEquals(DialogLayout.Editor.COLUMNS, DialogLayout.editor(methods));
        assertEquals(List.of("JmolNN", "VoronoiNN"), DialogLayout.columnChoices(methods, List.of("CN_JmolNN", "CR_JmolNN", "CN_VoronoiNN", "CN_")));
        assertEquals(DialogLayout.Editor.CHOICES, DialogLayout.editor(set.byStep("descriptors").step().parameters().spec("methods")));
        // every column picker of the node set names a table input of its step
        for (KnimeNode n : set.nodes()) {
            for (ParameterSpec s : n.step().parameters().specs()) {
                if (!s.columnsOf().isEmpty()) {
                    DialogLayout.columnsPort(n, s);
                }
            }
        }
    }
}
