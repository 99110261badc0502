package org.xasdaml.knime;

import java.util.List;
import javax.swing.JFileChooser;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.workflow.ParameterSpec;

/**
 * The dialog of every XASDAML node, built from the step's parameters: number spinners (bounded
 * where the parameter has a range), a selection for choices, a file chooser for files, a check box
 * for switches, a text field for the rest; advanced parameters on their own tab.
 */
final class StepNodeDialog extends DefaultNodeSettingsPane {

    StepNodeDialog(KnimeNode node) {
        List<ParameterSpec> specs = node.step().parameters().specs();
        List<ParameterSpec> basic = specs.stream().filter(s -> !s.advanced()).toList();
        List<ParameterSpec> advanced = specs.stream().filter(ParameterSpec::advanced).toList();
        for (ParameterSpec s : basic) {
            addDialogComponent(component(node, s));
        }
        if (!advanced.isEmpty()) {
            createNewTab("Advanced");
            for (ParameterSpec s : advanced) {
                addDialogComponent(component(node, s));
            }
        }
    }

    private static DialogComponent component(KnimeNode node, ParameterSpec s) {
        SettingsModel m = StepSettings.create(s);
        String label = s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")");
        DialogComponent c = switch (s.kind()) {
            case INT, LONG -> new DialogComponentNumber((SettingsModelNumber) m, label, 1, 10);
            case DOUBLE -> new DialogComponentNumber((SettingsModelNumber) m, label, step(s), 10);
            case BOOLEAN -> new DialogComponentBoolean((SettingsModelBoolean) m, label);
            case CHOICE -> new DialogComponentStringSelection((SettingsModelString) m, label, s.choices());
            case FILE -> new DialogComponentFileChooser((SettingsModelString) m, "xasdaml." + node.declaration().stepId() + "."
                    + s.name(), JFileChooser.OPEN_DIALOG, false);
            case TEXT, TEXT_LIST, DOUBLE_LIST -> new DialogComponentString((SettingsModelString) m, label, false, 30);
        };
        c.setToolTipText(s.fullDescription());
        return c;
    }

    /** A spinner step of about a hundredth of the default (or 0.1). */
    private static double step(ParameterSpec s) {
        double d = Math.abs(Double.parseDouble(s.defaultValue()));
        return d == 0 ? 0.1 : Math.pow(10, Math.floor(Math.log10(d)) - 1);
    }
}
