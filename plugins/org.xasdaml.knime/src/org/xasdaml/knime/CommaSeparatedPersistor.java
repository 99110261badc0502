package org.xasdaml.knime;

import java.util.Arrays;
import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.node.parameters.persistence.NodeParametersPersistor;

/**
 * Keeps a multi-selection of KNIME's modern dialog (a list of columns or of fixed choices) in the
 * node settings as the one comma-separated string the classic dialog and the step's parser use,
 * under the parameter's name: workflows saved with either dialog load in both, and in the model.
 */
public abstract class CommaSeparatedPersistor implements NodeParametersPersistor<String[]> {
    private final String key;

    /** @param stepId unused (the generated subclasses call every helper alike); @param parameter the settings key */
    protected CommaSeparatedPersistor(String stepId, String parameter) {
        this.key = parameter;
    }

    /**
     * The items of a comma-separated settings text, stripped, empty ones dropped (none for null): the
     * one reading of that text in the plugin, for both dialogs, the persistors and the former-name migration.
     */
    public static List<String> items(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    @Override
    public String[] load(NodeSettingsRO settings) throws InvalidSettingsException {
        return items(settings.getString(key)).toArray(String[]::new);
    }

    @Override
    public void save(String[] values, NodeSettingsWO settings) {
        settings.addString(key, String.join(",", values == null ? new String[0] : values));
    }

    @Override
    public String[][] getConfigPaths() {
        return new String[][] {{key}};
    }
}
