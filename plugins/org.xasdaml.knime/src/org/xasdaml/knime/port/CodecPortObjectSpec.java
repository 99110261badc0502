package org.xasdaml.knime.port;

import javax.swing.JComponent;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * The spec of an XASDAML custom port: which port type it is and, when the step that makes it can
 * tell before running, the columns its port type gives it (a model archive: the columns of the
 * predictions it makes, so the Predict node after it is configured with its output columns).
 */
public abstract class CodecPortObjectSpec extends AbstractSimplePortObjectSpec {
    private final String typeId;
    private org.xasdaml.workflow.TableColumns columns;

    protected CodecPortObjectSpec(String typeId) {
        this.typeId = typeId;
    }

    public String typeId() {
        return typeId;
    }

    /** The columns known before running, or null. */
    public org.xasdaml.workflow.TableColumns columns() {
        return columns;
    }

    /** A spec of the same port type with these columns. */
    public CodecPortObjectSpec withColumns(org.xasdaml.workflow.TableColumns c) {
        try {
            CodecPortObjectSpec s = getClass().getConstructor().newInstance();
            s.columns = c;
            return s;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addString("type", typeId);
        if (columns != null) {
            model.addStringArray("numeric", columns.numeric().toArray(new String[0]));
            model.addStringArray("text", columns.text().toArray(new String[0]));
        }
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        String t = model.getString("type");
        if (!typeId.equals(t)) {
            throw new InvalidSettingsException("port spec of type '" + t + "' where '" + typeId + "' was expected");
        }
        // specs saved before columns existed have none
        columns = model.containsKey("numeric") ? new org.xasdaml.workflow.TableColumns(
                java.util.List.of(model.getStringArray("numeric")), java.util.List.of(model.getStringArray("text"))) : null;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((CodecPortObjectSpec) o).typeId.equals(typeId)
                && java.util.Objects.equals(((CodecPortObjectSpec) o).columns, columns);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(typeId, columns);
    }
}
