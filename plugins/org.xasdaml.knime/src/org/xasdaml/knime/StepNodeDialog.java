package org.xasdaml.knime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.xasdaml.knime.gen.DialogLayout;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.workflow.ParameterSpec;

/**
 * The dialog of every XASDAML node, laid out by {@link DialogLayout} from the step's parameters:
 * an "Options" and an "Advanced" tab, titled groups, labels in words with units; spinners bounded by
 * the parameter's range, drop-downs for choices, check boxes for switches, column pickers bound to
 * the input a parameter names, file, folder and multi-file choosers; a parameter that does not
 * apply to the current choices (e.g. the forest's options while an MLP is chosen) is disabled.
 */
final class StepNodeDialog extends DefaultNodeSettingsPane {
    private final List<ParameterSpec> specs;
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();

    StepNodeDialog(KnimeNode node) {
        specs = node.step().parameters().specs();
        DialogLayout layout = DialogLayout.of(specs);
        boolean first = true;
        for (DialogLayout.Tab tab : layout.tabs()) {
            if (first) {
                setDefaultTabTitle(tab.name());
                first = false;
            } else {
                createNewTab(tab.name());
            }
            for (DialogLayout.Group g : tab.groups()) {
                if (!g.title().isEmpty()) {
                    createNewGroup(g.title());
                }
                for (ParameterSpec s : g.parameters()) {
                    SettingsModel m = StepSettings.create(s);
                    models.put(s.name(), m);
                    addDialogComponent(component(node, s, m));
                }
                if (!g.title().isEmpty()) {
                    closeCurrentGroup();
                }
            }
        }
        Set<String> deciders = DialogLayout.deciders(specs);
        for (String d : deciders) {
            models.get(d).addChangeListener(e -> updateApplying());
        }
        updateApplying();
    }

    /** Enables exactly the parameters that apply to the current values. */
    private void updateApplying() {
        Map<String, String> values = new LinkedHashMap<>();
        models.forEach((k, m) -> values.put(k, StepSettings.text(m)));
        Set<String> on = DialogLayout.applying(specs, values);
        models.forEach((k, m) -> m.setEnabled(on.contains(k)));
    }

    private static DialogComponent component(KnimeNode node, ParameterSpec s, SettingsModel m) {
        String label = DialogLayout.label(s);
        String history = "xasdaml." + node.declaration().stepId() + "." + s.name();
        DialogComponent c = switch (DialogLayout.editor(s)) {
            case NUMBER -> s.kind() == ParameterSpec.Kind.DOUBLE
                    ? new DialogComponentNumber((SettingsModelNumber) m, label, step(s), 10)
                    : new DialogComponentNumber((SettingsModelNumber) m, label, 1, 10);
            case CHECK_BOX -> new DialogComponentBoolean((SettingsModelBoolean) m, label);
            case CHOICE -> new DialogComponentStringSelection((SettingsModelString) m, label, s.choices());
            case FILE, FOLDER -> {
                DialogComponentFileChooser f = new DialogComponentFileChooser((SettingsModelString) m, history,
                        JFileChooser.OPEN_DIALOG, DialogLayout.editor(s) == DialogLayout.Editor.FOLDER);
                f.setBorderTitle(label);
                yield f;
            }
            case FILES -> new FileListComponent((SettingsModelString) m, label);
            case COLUMN, COLUMNS -> new ColumnListComponent((SettingsModelString) m, label, s, DialogLayout.columnsPort(node, s),
                    DialogLayout.editor(s) == DialogLayout.Editor.COLUMNS, s.choices());
            case CHOICES -> new ColumnListComponent((SettingsModelString) m, label, s, -1, true, s.choices());
            case TEXT -> new DialogComponentString((SettingsModelString) m, label, false, 30);
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
