package org.xasdaml.knime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.xasdaml.knime.gen.SavedSettings;
import org.xasdaml.knime.gen.SettingKind;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.ParameterSpec;

/**
 * One settings model per step parameter, keyed by the parameter's name, with the parameter's
 * default; values cross to the step as text, through the step's own parser.
 */
final class StepSettings {
    private StepSettings() {
    }

    static SettingsModel create(ParameterSpec s) {
        String d = s.defaultValue();
        return switch (SettingKind.of(s)) {
            case INT -> s.hasMin() || s.hasMax()
                    ? new SettingsModelIntegerBounded(s.name(), Integer.parseInt(d), (int) Math.max(Integer.MIN_VALUE, s.min()),
                    (int) Math.min(Integer.MAX_VALUE, s.max()))
                    : new SettingsModelInteger(s.name(), Integer.parseInt(d));
            case LONG -> s.hasMin() || s.hasMax()
                    ? new SettingsModelLongBounded(s.name(), Long.parseLong(d), (long) Math.max(Long.MIN_VALUE, s.min()),
                    (long) Math.min(Long.MAX_VALUE, s.max()))
                    : new SettingsModelLong(s.name(), Long.parseLong(d));
            case DOUBLE -> s.hasMin() || s.hasMax()
                    ? new SettingsModelDoubleBounded(s.name(), Double.parseDouble(d), Math.max(-Double.MAX_VALUE, s.min()),
                    Math.min(Double.MAX_VALUE, s.max()))
                    : new SettingsModelDouble(s.name(), Double.parseDouble(d));
            case BOOLEAN -> new SettingsModelBoolean(s.name(), Boolean.parseBoolean(d));
            case STRING -> new SettingsModelString(s.name(), d);
        };
    }

    static Map<String, SettingsModel> createAll(List<ParameterSpec> specs) {
        Map<String, SettingsModel> m = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            m.put(s.name(), create(s));
        }
        return m;
    }

    /** A model's value as the step's parser reads it. */
    static String text(SettingsModel m) {
        if (m instanceof SettingsModelInteger i) {
            return Integer.toString(i.getIntValue());
        }
        if (m instanceof SettingsModelLong l) {
            return Long.toString(l.getLongValue());
        }
        if (m instanceof SettingsModelDouble d) {
            return Double.toString(d.getDoubleValue());
        }
        if (m instanceof SettingsModelBoolean b) {
            return Boolean.toString(b.getBooleanValue());
        }
        String s = ((SettingsModelString) m).getStringValue();
        return s == null ? "" : s;
    }

    /** Sets a model from a parameter's text value (already checked by the step's parser). */
    static void set(SettingsModel m, String text) {
        if (m instanceof SettingsModelInteger i) {
            i.setIntValue(Integer.parseInt(text.strip()));
        } else if (m instanceof SettingsModelLong l) {
            l.setLongValue(Long.parseLong(text.strip()));
        } else if (m instanceof SettingsModelDouble d) {
            d.setDoubleValue(Double.parseDouble(text.strip()));
        } else if (m instanceof SettingsModelBoolean b) {
            b.setBooleanValue(Boolean.parseBoolean(text.strip()));
        } else {
            ((SettingsModelString) m).setStringValue(text);
        }
    }

    /**
     * Values stored in node settings, as text under today's parameter names, without touching any
     * model (for validation). Parameters the settings lack (a workflow saved before the parameter
     * existed) are left out, so they keep the step's default; values saved under a parameter's
     * former name are read as its value and reported to {@code warn} ({@link SavedSettings}).
     */
    static Map<String, String> read(NodeSettingsRO settings, ParameterSet<?> parameters, Consumer<String> warn)
            throws InvalidSettingsException {
        try {
            return SavedSettings.read(parameters, new SavedSettings.Entries<InvalidSettingsException>() {
                @Override
                public boolean has(String key) {
                    return settings.containsKey(key);
                }

                @Override
                public String text(String key, SettingKind kind) throws InvalidSettingsException {
                    return switch (kind) {
                        case INT -> Integer.toString(settings.getInt(key));
                        case LONG -> Long.toString(settings.getLong(key));
                        case DOUBLE -> Double.toString(settings.getDouble(key));
                        case BOOLEAN -> Boolean.toString(settings.getBoolean(key));
                        case STRING -> settings.getString(key);
                    };
                }
            }, warn);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
