package org.xasdaml.knime;

import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelection;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;

/** One file of a list of files in the modern dialog: a row with KNIME's file chooser ({@link PathListPersistor}). */
@SuppressWarnings("restriction")
public final class PathListElement implements NodeParameters {
    @Widget(title = "File", description = "A file on this computer, relative to the workflow, or a KNIME URL.")
    public FileSelection file = PathPersistor.selection("");

    /** An empty row (the dialog's "Add a file"). */
    public PathListElement() {
    }

    PathListElement(FileSelection file) {
        this.file = file;
    }
}
