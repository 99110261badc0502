package org.xasdaml.knime;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.node.parameters.migration.ConfigMigration;
import org.knime.node.parameters.migration.NodeParametersMigration;
import org.xasdaml.knime.gen.DialogLayout;
import org.xasdaml.knime.gen.SettingKind;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.ParameterSpec;

/**
 * Lets KNIME's modern dialog open a workflow saved before a parameter was renamed ({@code @FormerName}):
 * the value saved under a former name is read through {@link StepSettings#read}, the same reader
 * (and factor, e.g. features' {@code emin} = −{@code below}) the node model uses, so the dialog shows
 * what the model runs with instead of the default. Without any of the names the default applies, as
 * for a parameter added later. Each generated parameters class has one subclass per renamed parameter.
 *
 * @param <T> the field's type (Integer, Long, Double, Boolean, String or String[])
 */
public abstract class FormerNamesMigration<T> implements NodeParametersMigration<T> {
    private final String stepId;
    private final String parameter;

    protected FormerNamesMigration(String stepId, String parameter) {
        this.stepId = stepId;
        this.parameter = parameter;
    }

    private ParameterSet<?> parameters() {
        return Nodes.byStep(stepId).step().parameters();
    }

    @Override
    public List<ConfigMigration<T>> getConfigMigrations() {
        ParameterSpec spec = parameters().spec(parameter);
        List<ConfigMigration<T>> out = new ArrayList<>();
        for (ParameterSpec.Former f : spec.formerNames()) {
            out.add(ConfigMigration.<T>builder(this::fromSaved).withDeprecatedConfigPath(f.name()).build());
        }
        out.add(ConfigMigration.<T>builder(settings -> value(spec, spec.defaultValue())).build());
        return out;
    }

    private T fromSaved(NodeSettingsRO settings) throws InvalidSettingsException {
        ParameterSpec spec = parameters().spec(parameter);
        String text = StepSettings.read(settings, parameters(), w -> { }).get(parameter);
        return value(spec, text == null ? spec.defaultValue() : text);
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(ParameterSpec spec, String text) {
        DialogLayout.Editor editor = DialogLayout.editor(spec);
        if (editor == DialogLayout.Editor.COLUMNS || editor == DialogLayout.Editor.CHOICES) {
            return (T) CommaSeparatedPersistor.items(text).toArray(String[]::new);
        }
        return (T) switch (SettingKind.of(spec)) {
            case INT -> Integer.valueOf(text.strip());
            case LONG -> Long.valueOf(text.strip());
            case DOUBLE -> Double.valueOf(text.strip());
            case BOOLEAN -> Boolean.valueOf(text.strip());
            case STRING -> text;
        };
    }
}
