package org.xasdaml.knime;

import java.awt.BorderLayout;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Several files, one per line: added with a multi-selection file chooser or typed (KNIME URLs and
 * paths relative to the workflow too). Stored as the comma-separated text the step parses.
 */
final class FileListComponent extends DialogComponent {
    private final JTextArea area = new JTextArea(5, 40);
    private final JButton add = new JButton("Add files…");
    private final JButton clear = new JButton("Clear");

    FileListComponent(SettingsModelString model, String label) {
        super(model);
        JPanel buttons = new JPanel();
        buttons.add(add);
        buttons.add(clear);
        getComponentPanel().setLayout(new BorderLayout(5, 5));
        getComponentPanel().add(new JLabel(label), BorderLayout.NORTH);
        getComponentPanel().add(new JScrollPane(area), BorderLayout.CENTER);
        getComponentPanel().add(buttons, BorderLayout.SOUTH);
        add.addActionListener(e -> choose());
        clear.addActionListener(e -> area.setText(""));
        getModel().addChangeListener(e -> updateComponent());
    }

    private void choose() {
        JFileChooser fc = new JFileChooser();
        fc.setMultiSelectionEnabled(true);
        fc.setFileSelectionMode(JFileChooser.FILES_ONLY);
        if (fc.showOpenDialog(getComponentPanel()) == JFileChooser.APPROVE_OPTION) {
            List<String> lines = lines();
            for (File f : fc.getSelectedFiles()) {
                lines.add(f.getAbsolutePath());
            }
            area.setText(String.join("\n", lines));
        }
    }

    private List<String> lines() {
        List<String> out = new ArrayList<>();
        Arrays.stream(area.getText().split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    @Override
    protected void updateComponent() {
        String v = ((SettingsModelString) getModel()).getStringValue();
        String text = String.join("\n", CommaSeparatedPersistor.items(v));
        if (!text.equals(String.join("\n", lines()))) {
            area.setText(text);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString) getModel()).setStringValue(String.join(",", lines()));
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException {
        // no input decides the files
    }

    @Override
    protected void setEnabledComponents(boolean enabled) {
        area.setEnabled(enabled);
        add.setEnabled(enabled);
        clear.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(String text) {
        area.setToolTipText(text);
    }
}
