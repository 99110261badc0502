package org.xasdaml.knime;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.node.parameters.persistence.NodeParametersPersistor;
import org.xasdaml.knime.gen.KnimeUrls;

/**
 * Lets a file parameter be KNIME's file chooser in the modern dialog while the node settings keep
 * the one string the classic dialog and the node model use, under the parameter's name: the string
 * becomes the chooser's location on opening and the location becomes a string again on OK
 * ({@link KnimeUrls#location}/{@link KnimeUrls#text} decide how, and give back unchanged any text
 * the classic dialog saved), so old workflows load and save entry for entry as before.
 */
@SuppressWarnings("restriction")
public abstract class PathPersistor implements NodeParametersPersistor<FileSelection> {
    private final String key;

    /** @param stepId unused (the generated subclasses call every helper alike); @param parameter the settings key */
    protected PathPersistor(String stepId, String parameter) {
        this.key = parameter;
    }

    /** The chooser's value for a saved path text (also the generated fields' defaults). */
    public static FileSelection selection(String text) {
        KnimeUrls.Location l = KnimeUrls.location(text == null ? "" : text);
        return new FileSelection(l.specifier().isEmpty() ? new FSLocation(l.category(), l.path())
                : new FSLocation(l.category(), l.specifier(), l.path()));
    }

    /** The path text to save for the chooser's value. */
    public static String text(FileSelection selection) {
        if (selection == null || selection.getFSLocation() == null) {
            return "";
        }
        FSLocation l = selection.getFSLocation();
        return KnimeUrls.text(new KnimeUrls.Location(l.getFileSystemCategory(), l.getFileSystemSpecifier().orElse(""), l.getPath()));
    }

    @Override
    public FileSelection load(NodeSettingsRO settings) throws InvalidSettingsException {
        return selection(settings.getString(key));
    }

    @Override
    public void save(FileSelection value, NodeSettingsWO settings) {
        settings.addString(key, text(value));
    }

    @Override
    public String[][] getConfigPaths() {
        return new String[][] {{key}};
    }
}
