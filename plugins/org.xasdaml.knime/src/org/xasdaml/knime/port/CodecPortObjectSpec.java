package org.xasdaml.knime.port;

import javax.swing.JComponent;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of an XASDAML custom port: only which port type it is (contents are known after execution). */
public abstract class CodecPortObjectSpec extends AbstractSimplePortObjectSpec {
    private final String typeId;

    protected CodecPortObjectSpec(String typeId) {
        this.typeId = typeId;
    }

    public String typeId() {
        return typeId;
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addString("type", typeId);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        String t = model.getString("type");
        if (!typeId.equals(t)) {
            throw new InvalidSettingsException("port spec of type '" + t + "' where '" + typeId + "' was expected");
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((CodecPortObjectSpec) o).typeId.equals(typeId);
    }

    @Override
    public int hashCode() {
        return typeId.hashCode();
    }
}
