package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xasdaml.workflow.ParameterSpec;

/**
 * Writes, from a step's {@code @Param} declarations, the class KNIME's modern (web) dialog renders:
 * a {@code NodeParameters} class with one field per parameter, named as the parameter and of the
 * type its classic settings model stores ({@link SettingKind}), so both dialogs write the same
 * settings.xml entries and the node model reads either. What the classic dialog shows is carried
 * over from {@link DialogLayout}: the ungrouped parameters first, then one section per group in
 * declaration order; the label in words with the unit; the description with range, choices,
 * default and when it applies; advanced parameters behind KNIME's "advanced settings" switch;
 * parameters shown only while their {@code appliesWhen} conditions hold; drop-downs for choices;
 * column pickers filled from the input a parameter names (lists of columns as a multi-selection,
 * still stored as the comma-separated text the step parses); spinners bounded by the range; a
 * parameter absent from an older workflow loads with its default, one saved under a former name
 * ({@code @FormerName}) with the saved value, as the node model reads it.
 *
 * <p>Only annotations of KNIME's public {@code org.knime.node.parameters} packages are used, and of
 * those only what KNIME 5.8 and 5.11 declare alike. KNIME's file-chooser annotations are internal
 * and differ between 5.8 ({@code LocalFileReaderWidget} on a string) and 5.11
 * ({@code FileSelectionWidget}/{@code FileReaderWidget} on a string), but both render a field of
 * KNIME's {@code FileSelection} type as a file chooser by its type alone; so a file parameter is
 * such a field, and a list of files an array of them ({@code @ArrayWidget}), each stored by a
 * persistor as the very text the classic dialog saves (the path, or the comma-separated paths).
 * Folders have no chooser common to both versions: see {@link #modernDialog}. The few classes that
 * need the step at run time (choices, column choices, the persistors) live in the plugin
 * ({@link #RUNTIME_PACKAGE}), so the generated text holds declarations only.
 */
public final class NodeParametersWriter {
    /** Package of the plugin's runtime helpers the generated classes extend. */
    public static final String RUNTIME_PACKAGE = "org.xasdaml.knime";

    /**
     * KNIME's file-selection type: the one type both KNIME 5.8 and 5.11 render as a file chooser
     * (format "fileChooser") without a version-specific annotation. It sits in an internal package of
     * org.knime.core.ui (exported x-internal, as the dialog factory the plugin already uses).
     */
    static final String FILE_SELECTION = "org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelection";

    private NodeParametersWriter() {
    }

    /** Simple name of a node's parameters class: "TrainModelNodeFactory" gives "TrainModelNodeParameters". */
    public static String className(KnimeNode n) {
        String f = n.declaration().factory();
        return (f.endsWith("NodeFactory") ? f.substring(0, f.length() - "NodeFactory".length()) + "Node" : f) + "Parameters";
    }

    /** Section interface names, in layout order, for the groups of these parameters (ungrouped ones have none). */
    static List<String> sections(List<ParameterSpec> specs) {
        Set<String> titles = new LinkedHashSet<>();
        for (DialogLayout.Tab t : DialogLayout.of(specs).tabs()) {
            for (DialogLayout.Group g : t.groups()) {
                if (!g.title().isEmpty()) {
                    titles.add(g.title());
                }
            }
        }
        return List.copyOf(titles);
    }

    /** The Java source of a node's parameters class. */
    public static String write(KnimeNode n) {
        List<ParameterSpec> specs = n.step().parameters().specs();
        String cls = className(n);
        String step = n.declaration().stepId();
        StringBuilder b = new StringBuilder();
        b.append("package ").append(KnimeNode.FACTORY_PACKAGE).append(";\n\n");
        b.append("import org.knime.node.parameters.Advanced;\n");
        b.append("import org.knime.node.parameters.NodeParameters;\n");
        b.append("import org.knime.node.parameters.Widget;\n");
        b.append("import org.knime.node.parameters.array.ArrayWidget;\n");
        b.append("import org.knime.node.parameters.layout.After;\n");
        b.append("import org.knime.node.parameters.layout.Layout;\n");
        b.append("import org.knime.node.parameters.layout.Section;\n");
        b.append("import org.knime.node.parameters.migration.Migrate;\n");
        b.append("import org.knime.node.parameters.migration.Migration;\n");
        b.append("import org.knime.node.parameters.persistence.Persistor;\n");
        b.append("import org.knime.node.parameters.updates.Effect;\n");
        b.append("import org.knime.node.parameters.updates.EffectPredicate;\n");
        b.append("import org.knime.node.parameters.updates.EffectPredicateProvider;\n");
        b.append("import org.knime.node.parameters.updates.ParameterReference;\n");
        b.append("import org.knime.node.parameters.updates.ValueReference;\n");
        b.append("import org.knime.node.parameters.widget.choices.ChoicesProvider;\n");
        b.append("import org.knime.node.parameters.widget.number.NumberInputWidget;\n");
        b.append("import org.knime.node.parameters.widget.number.NumberInputWidgetValidation;\n\n");
        b.append("/**\n * Modern-dialog parameters of the KNIME node \"").append(javaText(n.step().info().title()))
                .append("\" (step \"").append(step).append("\").\n")
                .append(" * Generated by org.xasdaml.knime.gen.NodeParametersWriter from the step's declarations; do not edit.\n */\n");
        b.append("@SuppressWarnings({\"restriction\", \"unused\"})\n");
        b.append("public final class ").append(cls).append(" implements NodeParameters {\n");
        b.append("    static final String STEP = \"").append(step).append("\";\n");

        List<String> sections = sections(specs);
        for (int i = 0; i < sections.size(); i++) {
            b.append("\n    @Section(title = \"").append(javaText(sections.get(i))).append("\")");
            if (i > 0) {
                b.append(" @After(").append(sectionName(i - 1)).append(".class)");
            }
            b.append("\n    public interface ").append(sectionName(i)).append(" {\n    }\n");
        }

        Set<String> deciders = DialogLayout.deciders(specs);
        for (ParameterSpec s : specs) {
            b.append('\n');
            if (!s.group().isEmpty()) {
                b.append("    @Layout(").append(sectionName(sections.indexOf(s.group()))).append(".class)\n");
            }
            String description = s.fullDescription();
            String when = DialogLayout.whenText(s, specs);
            if (!when.isEmpty()) {
                description += " " + when;
            }
            if (isPath(s)) {
                description += " A KNIME URL (knime://…) or a path relative to the workflow folder is accepted.";
            }
            b.append("    @Widget(title = \"").append(javaText(DialogLayout.label(s))).append("\", description = \"")
                    .append(javaText(description)).append("\")\n");
            if (s.advanced()) {
                b.append("    @Advanced\n");
            }
            if (s.formerNames().isEmpty()) {
                b.append("    @Migrate(loadDefaultIfAbsent = true)\n");
            } else {
                b.append("    @Migration(").append(cap(s.name())).append("Migration.class)\n");
            }
            if (deciders.contains(s.name())) {
                b.append("    @ValueReference(").append(refName(s)).append(".class)\n");
            }
            if (!s.appliesWhen().isEmpty()) {
                b.append("    @Effect(predicate = ").append(appliesName(s)).append(".class, type = Effect.EffectType.SHOW)\n");
            }
            DialogLayout.Editor editor = DialogLayout.editor(s);
            boolean list = editor == DialogLayout.Editor.COLUMNS || editor == DialogLayout.Editor.CHOICES;
            if (editor == DialogLayout.Editor.CHOICE || editor == DialogLayout.Editor.CHOICES
                    || editor == DialogLayout.Editor.COLUMN || editor == DialogLayout.Editor.COLUMNS) {
                b.append("    @ChoicesProvider(").append(choicesName(s)).append(".class)\n");
            }
            if (editor == DialogLayout.Editor.FILES) {
                b.append("    @ArrayWidget(addButtonText = \"Add a file\", elementLayout = ArrayWidget.ElementLayout.HORIZONTAL_SINGLE_LINE)\n");
            }
            if (list || editor == DialogLayout.Editor.FILE || editor == DialogLayout.Editor.FILES) {
                b.append("    @Persistor(").append(persistorName(s)).append(".class)\n");
            }
            if (editor == DialogLayout.Editor.NUMBER && (s.hasMin() || s.hasMax())) {
                b.append("    @NumberInputWidget(");
                List<String> bounds = new ArrayList<>();
                if (s.hasMin()) {
                    bounds.add("minValidation = " + cap(s.name()) + "Min.class");
                }
                if (s.hasMax()) {
                    bounds.add("maxValidation = " + cap(s.name()) + "Max.class");
                }
                b.append(String.join(", ", bounds)).append(")\n");
            }
            b.append("    public ").append(fieldType(s)).append(' ').append(s.name()).append(" = ").append(fieldDefault(s)).append(";\n");
        }

        for (ParameterSpec s : specs) {
            if (deciders.contains(s.name())) {
                b.append("\n    public interface ").append(refName(s)).append(" extends ParameterReference<")
                        .append(deciderType(s)).append("> {\n    }\n");
            }
            if (!s.appliesWhen().isEmpty()) {
                b.append(appliesSource(s, specs));
            }
            DialogLayout.Editor editor = DialogLayout.editor(s);
            if (editor == DialogLayout.Editor.CHOICE || editor == DialogLayout.Editor.CHOICES) {
                b.append(helper(choicesName(s), "StepChoices", s));
            } else if (editor == DialogLayout.Editor.COLUMN || editor == DialogLayout.Editor.COLUMNS) {
                b.append(helper(choicesName(s), "StepColumnChoices", s));
            }
            if (editor == DialogLayout.Editor.COLUMNS || editor == DialogLayout.Editor.CHOICES) {
                b.append(helper(persistorName(s), "CommaSeparatedPersistor", s));
            } else if (editor == DialogLayout.Editor.FILE) {
                b.append(helper(persistorName(s), "PathPersistor", s));
            } else if (editor == DialogLayout.Editor.FILES) {
                b.append(helper(persistorName(s), "PathListPersistor", s));
            }
            if (!s.formerNames().isEmpty()) {
                b.append(helper(cap(s.name()) + "Migration", "FormerNamesMigration<" + boxed(s) + ">", s));
            }
            if (editor == DialogLayout.Editor.NUMBER && s.hasMin()) {
                b.append(bound(s, "Min", s.min()));
            }
            if (editor == DialogLayout.Editor.NUMBER && s.hasMax()) {
                b.append(bound(s, "Max", s.max()));
            }
        }
        b.append("}\n");
        return b.toString();
    }

    /** The type of a parameter's field in the modern dialog. */
    static String fieldType(ParameterSpec s) {
        return switch (DialogLayout.editor(s)) {
            case COLUMNS, CHOICES -> "String[]";
            case FILE -> FILE_SELECTION;
            case FILES -> RUNTIME_PACKAGE + ".PathListElement[]";
            default -> javaType(s);
        };
    }

    private static String fieldDefault(ParameterSpec s) {
        return switch (DialogLayout.editor(s)) {
            case COLUMNS, CHOICES -> listLiteral(s.defaultValue());
            case FILE -> RUNTIME_PACKAGE + ".PathPersistor.selection(\"" + javaText(s.defaultValue()) + "\")";
            case FILES -> RUNTIME_PACKAGE + ".PathListPersistor.elements(\"" + javaText(s.defaultValue()) + "\")";
            default -> literal(s);
        };
    }

    /**
     * Whether KNIME's modern dialog can show every one of these parameters with its editor on every
     * KNIME this plugin supports. A folder cannot: the only folder chooser KNIME 5.8 has
     * ({@code FolderSelectionWidget}) is gone in 5.11, whose own ({@code FileSelectionWidget} with a
     * folder mode) 5.8 lacks, and no public annotation asks for one. A node with a folder parameter
     * therefore offers only its classic dialog, whose folder chooser works on both.
     */
    public static boolean modernDialog(List<ParameterSpec> specs) {
        return specs.stream().noneMatch(s -> DialogLayout.editor(s) == DialogLayout.Editor.FOLDER);
    }

    private static boolean isPath(ParameterSpec s) {
        return s.path() != ParameterSpec.PathKind.NONE;
    }

    static String sectionName(int i) {
        return "Group" + (i + 1);
    }

    private static String cap(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String refName(ParameterSpec s) {
        return cap(s.name()) + "Ref";
    }

    private static String appliesName(ParameterSpec s) {
        return cap(s.name()) + "Applies";
    }

    private static String choicesName(ParameterSpec s) {
        return cap(s.name()) + "Choices";
    }

    private static String persistorName(ParameterSpec s) {
        return cap(s.name()) + "Persistor";
    }

    /** The Java type of a parameter's field: that of its entry in the node settings. */
    static String javaType(ParameterSpec s) {
        return switch (SettingKind.of(s)) {
            case INT -> "int";
            case LONG -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case STRING -> "String";
        };
    }

    private static String boxed(ParameterSpec s) {
        DialogLayout.Editor editor = DialogLayout.editor(s);
        if (editor == DialogLayout.Editor.FILE || editor == DialogLayout.Editor.FILES) {
            throw new IllegalArgumentException("parameter " + s.name() + ": a renamed file parameter is not supported in the modern "
                    + "dialog (its chooser holds a location, not the saved text the former-name reader gives)");
        }
        if (editor == DialogLayout.Editor.COLUMNS || editor == DialogLayout.Editor.CHOICES) {
            return "String[]";
        }
        return switch (SettingKind.of(s)) {
            case INT -> "Integer";
            case LONG -> "Long";
            case DOUBLE -> "Double";
            case BOOLEAN -> "Boolean";
            case STRING -> "String";
        };
    }

    private static String deciderType(ParameterSpec s) {
        return switch (SettingKind.of(s)) {
            case BOOLEAN -> "Boolean";
            case STRING -> "String";
            default -> throw new IllegalArgumentException("parameter " + s.name() + " decides whether others apply, but the "
                    + "modern dialog compares only switches and texts; its kind is " + s.kind());
        };
    }

    private static String literal(ParameterSpec s) {
        String d = s.defaultValue();
        return switch (SettingKind.of(s)) {
            case INT -> Integer.toString(Integer.parseInt(d.strip()));
            case LONG -> Long.parseLong(d.strip()) + "L";
            case DOUBLE -> doubleLiteral(Double.parseDouble(d.strip()));
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(d.strip()));
            case STRING -> "\"" + javaText(d) + "\"";
        };
    }

    private static String doubleLiteral(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "Double.POSITIVE_INFINITY";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "Double.NEGATIVE_INFINITY";
        }
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        return Double.toString(v);
    }

    private static String listLiteral(String text) {
        List<String> items = new ArrayList<>();
        for (String v : text.split(",")) {
            if (!v.isBlank()) {
                items.add("\"" + javaText(v.strip()) + "\"");
            }
        }
        return "{" + String.join(", ", items) + "}";
    }

    private static String appliesSource(ParameterSpec s, List<ParameterSpec> specs) {
        List<String> all = new ArrayList<>();
        for (ParameterSpec.Condition c : s.appliesWhen()) {
            ParameterSpec decider = specs.stream().filter(o -> o.name().equals(c.name())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("parameter " + s.name() + ": appliesWhen names no parameter " + c.name()));
            List<String> any = new ArrayList<>();
            for (String v : c.values()) {
                if ("Boolean".equals(deciderType(decider))) {
                    any.add("i.getBoolean(" + refName(decider) + ".class)." + (Boolean.parseBoolean(v) ? "isTrue()" : "isFalse()"));
                } else {
                    any.add("i.getString(" + refName(decider) + ".class).isEqualTo(\"" + javaText(v) + "\")");
                }
            }
            all.add(any.size() == 1 ? any.get(0) : "or(" + String.join(", ", any) + ")");
        }
        String predicate = all.size() == 1 ? all.get(0) : "and(" + String.join(", ", all) + ")";
        return """

                    /** Shown only while: %s */
                    public static final class %s implements EffectPredicateProvider {
                        @Override
                        public EffectPredicate init(final PredicateInitializer i) {
                            return %s;
                        }
                    }
                """.formatted(javaText(s.appliesWhen().toString()), appliesName(s), predicate);
    }

    private static String helper(String name, String base, ParameterSpec s) {
        return """

                    public static final class %s extends %s.%s {
                        public %s() {
                            super(STEP, "%s");
                        }
                    }
                """.formatted(name, RUNTIME_PACKAGE, base, name, s.name());
    }

    private static String bound(ParameterSpec s, String which, double value) {
        String base = "Min".equals(which) ? "MinValidation" : "MaxValidation";
        return """

                    public static final class %s%s extends NumberInputWidgetValidation.%s {
                        @Override
                        protected double get%s() {
                            return %s;
                        }
                    }
                """.formatted(cap(s.name()), which, base, which, doubleLiteral(value));
    }

    static String javaText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.replace("*/", "* /").toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
