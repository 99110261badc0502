package org.xasdaml.knime.port;

import java.util.Base64;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The base of every XASDAML custom port object (structures, fitted transforms, model archives):
 * it holds the bytes the port type's codec writes (see {@code CodecBytes}), so what KNIME saves
 * with a workflow is what the command line writes to a run folder. The generated subclass of each
 * port type only adds the covariant {@link #getSpec()} KNIME needs and its serializer.
 */
public abstract class CodecPortObject extends AbstractSimplePortObject {
    private byte[] data = new byte[0];
    private String summary = "";

    protected CodecPortObject() {
    }

    /** @param summary the description: a one-line summary, then details for the port's view */
    protected CodecPortObject(byte[] data, String summary) {
        this.data = data.clone();
        this.summary = summary;
    }

    /** The codec's bytes. */
    public byte[] data() {
        return data.clone();
    }

    /** The first line of the description (what KNIME shows on the port). */
    @Override
    public String getSummary() {
        int nl = summary.indexOf('\n');
        return nl < 0 ? summary : summary.substring(0, nl);
    }

    /** The whole description ({@code PortSummaries.details}: a model's recipe, intervals and every score), as text to read and copy. */
    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(summary);
        text.setEditable(false);
        text.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
        JScrollPane view = new JScrollPane(text);
        view.setName("XASDAML data");
        return new JComponent[] {view};
    }

    @Override
    protected void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException {
        model.addString("summary", summary);
        model.addString("data", Base64.getEncoder().encodeToString(data));
    }

    @Override
    protected void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
            throws InvalidSettingsException, CanceledExecutionException {
        summary = model.getString("summary");
        data = Base64.getDecoder().decode(model.getString("data"));
    }
}
