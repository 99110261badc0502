package org.xasdaml.knime;

import java.util.Arrays;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.node.parameters.persistence.NodeParametersPersistor;

/**
 * Keeps a list of files of the modern dialog (one file chooser per row) in the node settings as the
 * comma-separated string of paths the classic dialog and the step use, under the parameter's name;
 * each path passes through {@link PathPersistor} unchanged, empty rows are dropped.
 */
public abstract class PathListPersistor implements NodeParametersPersistor<PathListElement[]> {
    private final String key;

    /** @param stepId unused (the generated subclasses call every helper alike); @param parameter the settings key */
    protected PathListPersistor(String stepId, String parameter) {
        this.key = parameter;
    }

    /** One row per path of the comma-separated text (also the generated fields' defaults). */
    public static PathListElement[] elements(String text) {
        return CommaSeparatedPersistor.items(text).stream().map(v -> new PathListElement(PathPersistor.selection(v)))
                .toArray(PathListElement[]::new);
    }

    @Override
    public PathListElement[] load(NodeSettingsRO settings) throws InvalidSettingsException {
        return elements(settings.getString(key));
    }

    @Override
    public void save(PathListElement[] values, NodeSettingsWO settings) {
        settings.addString(key, String.join(",", values == null ? new String[0]
                : Arrays.stream(values).map(e -> e == null ? "" : PathPersistor.text(e.file)).filter(v -> !v.isBlank())
                        .toArray(String[]::new)));
    }

    @Override
    public String[][] getConfigPaths() {
        return new String[][] {{key}};
    }
}
