package org.xasdaml.knime;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.xasdaml.knime.gen.DialogLayout;
import org.xasdaml.workflow.ParameterSpec;

/**
 * A list to pick one or several values from: the columns of the input a parameter names (through
 * {@link DialogLayout#columnChoices}, e.g. label methods from CN_ columns), or fixed choices. The
 * value stays the comma-separated text the step parses, so saved workflows keep loading; values
 * saved earlier that the input lacks stay listed, so nothing is lost by opening the dialog.
 */
final class ColumnListComponent extends DialogComponent {
    private final ParameterSpec spec;
    private final int port;
    private final List<String> fixed;
    private final DefaultListModel<String> items = new DefaultListModel<>();
    private final JList<String> list = new JList<>(items);

    ColumnListComponent(SettingsModelString model, String label, ParameterSpec spec, int port, boolean multiple, List<String> fixed) {
        super(model);
        this.spec = spec;
        this.port = port;
        this.fixed = fixed;
        list.setSelectionMode(multiple ? ListSelectionModel.MULTIPLE_INTERVAL_SELECTION : ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(Math.min(6, Math.max(3, fixed.size())));
        getComponentPanel().setLayout(new BorderLayout(5, 0));
        getComponentPanel().add(new JLabel(label), BorderLayout.WEST);
        getComponentPanel().add(new JScrollPane(list), BorderLayout.CENTER);
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                ((SettingsModelString) getModel()).setStringValue(String.join(",", list.getSelectedValuesList()));
            }
        });
        getModel().addChangeListener(e -> updateComponent());
        refill(fixed);
    }

    private List<String> values() {
        String v = ((SettingsModelString) getModel()).getStringValue();
        return new ArrayList<>(CommaSeparatedPersistor.items(v));
    }

    private void refill(List<String> offered) {
        Set<String> all = new LinkedHashSet<>(offered);
        all.addAll(values());
        items.clear();
        all.forEach(items::addElement);
    }

    @Override
    protected void updateComponent() {
        List<String> v = values();
        if (!v.equals(list.getSelectedValuesList())) {
            List<Integer> idx = new ArrayList<>();
            for (String x : v) {
                int i = items.indexOf(x);
                if (i < 0) {
                    items.addElement(x);
                    i = items.size() - 1;
                }
                idx.add(i);
            }
            list.setSelectedIndices(idx.stream().mapToInt(Integer::intValue).toArray());
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString) getModel()).setStringValue(String.join(",", list.getSelectedValuesList()));
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException {
        if (port < 0) {
            refill(fixed);
            return;
        }
        List<String> columns = new ArrayList<>();
        if (specs != null && port < specs.length && specs[port] instanceof DataTableSpec t) {
            for (DataColumnSpec c : t) {
                columns.add(c.getName());
            }
        } else if (specs != null) {
            // the named input is optional and open (e.g. Split's groups): offer the columns of the connected tables
            for (PortObjectSpec o : specs) {
                if (o instanceof DataTableSpec t) {
                    for (DataColumnSpec c : t) {
                        if (!columns.contains(c.getName())) {
                            columns.add(c.getName());
                        }
                    }
                }
            }
        }
        refill(DialogLayout.columnChoices(spec, columns));
    }

    @Override
    protected void setEnabledComponents(boolean enabled) {
        list.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(String text) {
        list.setToolTipText(text);
    }
}
