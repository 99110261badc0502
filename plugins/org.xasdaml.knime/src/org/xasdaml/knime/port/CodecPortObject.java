package org.xasdaml.knime.port;

import java.util.Base64;
import javax.swing.JComponent;
import javax.swing.JLabel;
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

    protected CodecPortObject(byte[] data, String summary) {
        this.data = data.clone();
        this.summary = summary;
    }

    /** The codec's bytes. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String getSummary() {
        return summary;
    }

    @Override
    public JComponent[] getViews() {
        JLabel l = new JLabel(summary);
        l.setName("XASDAML data");
        return new JComponent[] {l};
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
