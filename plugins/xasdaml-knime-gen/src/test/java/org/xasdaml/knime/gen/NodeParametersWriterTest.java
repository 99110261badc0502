package org.xasdaml.knime.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xasdaml.workflow.ParameterSpec;

/**
 * The modern-dialog parameters classes of the real node set, read as text (KNIME is not on CI's class
 * path; the in-OSGi ModernDialogsTest builds them with KNIME's own code): one field per parameter,
 * named and typed as the classic settings entry, sections in the classic dialog's group order, a
 * show-if rule per conditional parameter, the advanced flag, pickers for choices and columns.
 */
class NodeParametersWriterTest {
    final NodeSet set = NodeSet.load();

    private static final Pattern FIELD = Pattern.compile("\\n    public (int|long|double|boolean|String|String\\[\\]|[\\w.]+FileSelection|[\\w.]+PathListElement\\[\\]) (\\w+) = ");

    @Test
    void everyParameterIsAFieldOfItsSettingsTypeAndLoadsItsDefaultWhenAbsent() {
        for (KnimeNode n : set.nodes()) {
            String src = NodeParametersWriter.write(n);
            List<ParameterSpec> specs = n.step().parameters().specs();
            Matcher m = FIELD.matcher(src);
            int i = 0;
            while (m.find()) {
                ParameterSpec s = specs.get(i++);
                assertEquals(s.name(), m.group(2), n.declaration().stepId());
                DialogLayout.Editor ed = DialogLayout.editor(s);
                boolean list = ed == DialogLayout.Editor.COLUMNS || ed == DialogLayout.Editor.CHOICES;
                boolean file = ed == DialogLayout.Editor.FILE || ed == DialogLayout.Editor.FILES;
                String type = switch (ed) {
                    case COLUMNS, CHOICES -> "String[]";
                    case FILE -> "org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelection";
                    case FILES -> "org.xasdaml.knime.PathListElement[]";
                    default -> NodeParametersWriter.javaType(s);
                };
                assertEquals(type, m.group(1), s.name());
                assertEquals(list || file, src.contains("@Persistor(" + Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1)
                        + "Persistor.class)"), s.name() + ": a list or a chosen file is stored as the classic text");
            }
            assertEquals(specs.size(), i, n.declaration().stepId());
            long renamed = specs.stream().filter(s -> !s.formerNames().isEmpty()).count();
            assertEquals(specs.size() - renamed, count(src, "@Migrate(loadDefaultIfAbsent = true)"), "a workflow older than a parameter loads");
            assertEquals(renamed, count(src, "Migration.class)\n"), "a renamed parameter reads its former name");
            assertEquals(specs.stream().filter(ParameterSpec::advanced).count(), count(src, "    @Advanced\n"));
            assertEquals(specs.stream().filter(s -> !s.appliesWhen().isEmpty()).count(), count(src, "type = Effect.EffectType.SHOW)"));
            assertTrue(src.contains("public final class " + NodeParametersWriter.className(n) + " implements NodeParameters"));
            assertTrue(!src.replace(NodeParametersWriter.FILE_SELECTION, "").contains("org.knime.core.webui"),
                    "only KNIME's public parameters API, and the file-selection type");
        }
    }

    @Test
    void trainModelHasTheClassicGroupsAsSectionsAndShowsTheSearchOnlyForASearchedForest() {
        KnimeNode train = set.byStep("train");
        String src = NodeParametersWriter.write(train);
        assertEquals(List.of("Multilayer perceptron", "Convolutional network", "Network training", "Random forest", "Uncertainty",
                "Cross-validation search"), NodeParametersWriter.sections(train.step().parameters().specs()));
        assertTrue(src.contains("@Section(title = \"Multilayer perceptron\")\n    public interface Group1"), src);
        assertTrue(src.contains("@Section(title = \"Convolutional network\") @After(Group1.class)\n    public interface Group2"), src);
        // folds: model=rf and search=true
        assertTrue(src.contains("return and(i.getString(ModelRef.class).isEqualTo(\"rf\"), i.getBoolean(SearchRef.class).isTrue());"), src);
        assertTrue(src.contains("public interface ModelRef extends ParameterReference<String>"), src);
        assertTrue(src.contains("public interface SearchRef extends ParameterReference<Boolean>"), src);
        assertTrue(src.contains("@ValueReference(ModelRef.class)"), src);
        assertTrue(src.contains("@ChoicesProvider(ModelChoices.class)"), src);
        assertTrue(src.contains("extends org.xasdaml.knime.StepChoices"), src);
        // a label in words with its unit, the description saying when it applies
        ParameterSpec folds = train.step().parameters().spec("folds");
        assertTrue(src.contains("@Widget(title = \"" + DialogLayout.label(folds) + "\""), src);
        assertTrue(src.contains(DialogLayout.whenText(folds, train.step().parameters().specs())), src);
        // model=mlp|cnn: either value shows
        assertTrue(src.contains("or(i.getString(ModelRef.class).isEqualTo(\"mlp\"), i.getString(ModelRef.class).isEqualTo(\"cnn\"))"), src);
    }

    @Test
    void renamedParametersReadTheirFormerNames() {
        String src = NodeParametersWriter.write(set.byStep("features"));
        assertTrue(src.contains("@Migration(BelowMigration.class)\n"), src);
        assertTrue(src.contains("public double below = "), src);
        assertTrue(src.contains("public static final class BelowMigration extends org.xasdaml.knime.FormerNamesMigration<Double>"), src);
        assertTrue(src.contains("@Migration(AboveMigration.class)\n"), src);
    }

    @Test
    void columnPickersAreBoundToTheInputTheyName() {
        int pickers = 0;
        for (KnimeNode n : set.nodes()) {
            String src = NodeParametersWriter.write(n);
            for (ParameterSpec s : n.step().parameters().specs()) {
                if (!s.columnsOf().isEmpty()) {
                    DialogLayout.columnsPort(n, s); // names a table input, else throws
                    String cls = Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "Choices";
                    assertTrue(src.contains("public static final class " + cls + " extends org.xasdaml.knime.StepColumnChoices"), src);
                    assertTrue(src.contains("super(STEP, \"" + s.name() + "\");"), src);
                    pickers++;
                }
            }
        }
        assertTrue(pickers >= 4, "targets, group column and label methods: " + pickers);
    }

    @Test
    void boundsBecomeValidations() {
        KnimeNode train = set.byStep("train");
        String src = NodeParametersWriter.write(train);
        for (ParameterSpec s : train.step().parameters().specs()) {
            if (DialogLayout.editor(s) == DialogLayout.Editor.NUMBER && s.hasMin()) {
                String cls = Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "Min";
                assertTrue(src.contains("minValidation = " + cls + ".class"), s.name());
                assertTrue(src.contains("class " + cls + " extends NumberInputWidgetValidation.MinValidation"), s.name());
            }
        }
    }

    /**
     * Every file parameter is KNIME's file chooser, stored as the classic text; every list of files a
     * list of choosers; a node with a folder parameter (no folder chooser common to KNIME 5.8 and
     * 5.11) offers only the classic dialog.
     */
    @Test
    void filesAreChoosersAndFolderNodesKeepTheClassicDialog() {
        int files = 0;
        int lists = 0;
        List<String> classicOnly = new java.util.ArrayList<>();
        for (KnimeNode n : set.nodes()) {
            String src = NodeParametersWriter.write(n);
            for (ParameterSpec s : n.step().parameters().specs()) {
                String cap = Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1);
                switch (DialogLayout.editor(s)) {
                    case FILE -> {
                        assertTrue(src.contains("public " + NodeParametersWriter.FILE_SELECTION + " " + s.name()
                                + " = org.xasdaml.knime.PathPersistor.selection("), src);
                        assertTrue(src.contains("class " + cap + "Persistor extends org.xasdaml.knime.PathPersistor"), src);
                        files++;
                    }
                    case FILES -> {
                        assertTrue(src.contains("@ArrayWidget(addButtonText = \"Add a file\""), src);
                        assertTrue(src.contains("class " + cap + "Persistor extends org.xasdaml.knime.PathListPersistor"), src);
                        lists++;
                    }
                    default -> {
                    }
                }
            }
            if (!NodeParametersWriter.modernDialog(n.step().parameters().specs())) {
                classicOnly.add(n.declaration().stepId());
            }
        }
        assertEquals(2, files, "structure file, Slurm configuration file");
        assertEquals(2, lists, "read spectra, predict measured");
        assertEquals(List.of("feff"), classicOnly, "FEFF program folder, potential library folder");
    }

    private static long count(String s, String what) {
        long c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            c++;
        }
        return c;
    }
}
