package org.xasdaml.knime.gen;

import java.util.Locale;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortType;
import org.xasdaml.workflow.PortTypes;

/**
 * How a step's port appears in KNIME: sample tables as KNIME data tables (so KNIME's own nodes
 * can work on them), figures as KNIME's image port, everything else (structures, fitted
 * transforms, model archives) as a custom port object holding the port type's codec output.
 *
 * @param port  the step's port
 * @param kind  KNIME representation
 * @param index port index in the node (0-based, data ports only; KNIME's flow-variable port is not counted)
 */
public record KnimePort(Port<?> port, Kind kind, int index) {

    /** The three KNIME representations. */
    public enum Kind { TABLE, IMAGE, CUSTOM }

    /** The package of the generated port-object classes inside the KNIME plugin. */
    public static final String PORT_PACKAGE = "org.xasdaml.knime.port";

    public static Kind kindOf(PortType<?> type) {
        if (type.table()) {
            return Kind.TABLE;
        }
        if (type.id().equals(PortTypes.FIGURES.id())) {
            return Kind.IMAGE;
        }
        return Kind.CUSTOM;
    }

    /** Simple name of the generated port-object class for a custom port type: "model-archive" becomes "ModelArchivePortObject". */
    public static String portObjectClass(PortType<?> type) {
        StringBuilder sb = new StringBuilder();
        for (String w : type.id().split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.append("PortObject").toString();
    }

    /** What the node description says about the port: the step's words, then how KNIME carries it. */
    public String description() {
        String how = switch (kind) {
            case TABLE -> "A table with one row per sample: row key \"frame:site\" and the string columns "
                    + TableLayout.FRAME + " and " + TableLayout.SITE + " (the sample's structure frame and absorbing "
                    + "site, kept as text so they are not taken for features), then one number column per "
                    + "grid point or descriptor (and string columns for text).";
            case IMAGE -> "The figures as one PNG image (several figures are stacked top to bottom).";
            case CUSTOM -> "XASDAML " + port.type().id().toLowerCase(Locale.ROOT) + " port: " + port.type().description() + ".";
        };
        return port.description() + ". " + how + (port.optional() ? " Optional." : "");
    }

    /** Port name shown in KNIME: "training set" from "trainingSet" or "training-set". */
    public String title() {
        String words = port.name().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
    }
}
