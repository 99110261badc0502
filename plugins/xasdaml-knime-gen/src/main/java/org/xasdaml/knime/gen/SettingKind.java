package org.xasdaml.knime.gen;

import org.xasdaml.workflow.ParameterSpec;

/**
 * How a parameter is kept in KNIME's node settings: the type of its {@code SettingsModel} (and so
 * of its entry in settings.xml), keyed by the parameter's name. Lists, choices and files are text,
 * in the same form as on the command line, so one parser ({@code ParameterSet.fromText}) reads all three.
 */
public enum SettingKind {
    STRING("xstring"), INT("xint"), LONG("xlong"), DOUBLE("xdouble"), BOOLEAN("xboolean");

    private final String xmlType;

    SettingKind(String xmlType) {
        this.xmlType = xmlType;
    }

    /** The {@code type} attribute of the entry in KNIME's XMLConfig files. */
    public String xmlType() {
        return xmlType;
    }

    public static SettingKind of(ParameterSpec spec) {
        return switch (spec.kind()) {
            case INT -> INT;
            case LONG -> LONG;
            case DOUBLE -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case TEXT, CHOICE, FILE, TEXT_LIST, DOUBLE_LIST -> STRING;
        };
    }

    /**
     * A parameter's text value as KNIME writes the typed entry: doubles always with a decimal
     * point ("8.0"), booleans as "true"/"false", the rest unchanged.
     */
    public String entryValue(String text) {
        return switch (this) {
            case DOUBLE -> Double.toString(Double.parseDouble(text.strip()));
            case INT -> Integer.toString(Integer.parseInt(text.strip()));
            case LONG -> Long.toString(Long.parseLong(text.strip()));
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(text.strip()));
            case STRING -> text;
        };
    }
}
