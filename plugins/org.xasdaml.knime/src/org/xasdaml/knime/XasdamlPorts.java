package org.xasdaml.knime;

import java.io.IOException;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.node.port.inactive.InactiveBranchPortObject;
import org.xasdaml.knime.gen.CodecBytes;
import org.xasdaml.knime.gen.FigureSheet;
import org.xasdaml.knime.gen.KnimePort;
import org.xasdaml.knime.port.CodecPortObject;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.FigureSet;

/** A step's ports as KNIME ports: types, specs at configure time, and data conversion both ways. */
final class XasdamlPorts {
    private XasdamlPorts() {
    }

    @SuppressWarnings("unchecked")
    static Class<? extends CodecPortObject> portObjectClass(org.xasdaml.workflow.PortType<?> type) {
        String name = KnimePort.PORT_PACKAGE + "." + KnimePort.portObjectClass(type);
        try {
            return (Class<? extends CodecPortObject>) Class.forName(name, true, XasdamlPorts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated port object " + name + " for port type " + type.id(), e);
        }
    }

    static PortType type(KnimePort p) {
        boolean optional = p.port().optional();
        return switch (p.kind()) {
            case TABLE -> optional ? BufferedDataTable.TYPE_OPTIONAL : BufferedDataTable.TYPE;
            case IMAGE -> optional ? ImagePortObject.TYPE_OPTIONAL : ImagePortObject.TYPE;
            case CUSTOM -> PortTypeRegistry.getInstance().getPortType(portObjectClass(p.port().type()), optional);
        };
    }

    /** The spec known before execution: none for tables (their columns follow the data), the port type for the others. */
    static PortObjectSpec spec(KnimePort p) {
        return switch (p.kind()) {
            case TABLE -> null;
            case IMAGE -> new ImagePortObjectSpec(PNGImageContent.TYPE);
            case CUSTOM -> {
                try {
                    yield (PortObjectSpec) portObjectClass(p.port().type()).getConstructor().newInstance().getSpec();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static Object toStep(KnimePort p, PortObject o) throws IOException {
        return switch (p.kind()) {
            case TABLE -> SampleTables.fromKnime((BufferedDataTable) o);
            case IMAGE -> throw new IOException("XASDAML steps take no image inputs (port " + p.port().name() + ")");
            case CUSTOM -> CodecBytes.decode(p.port().type(), ((CodecPortObject) o).data());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static PortObject toKnime(KnimePort p, Object value, ExecutionContext exec) throws IOException, CanceledExecutionException {
        return switch (p.kind()) {
            case TABLE -> SampleTables.toKnime((SampleTable) value, exec);
            case IMAGE -> new ImagePortObject(new PNGImageContent(FigureSheet.png((FigureSet) value,
                    "the step drew none with these settings (" + p.port().description() + ")")),
                    new ImagePortObjectSpec(PNGImageContent.TYPE));
            case CUSTOM -> {
                byte[] bytes = CodecBytes.encode((org.xasdaml.workflow.PortType) p.port().type(), value);
                try {
                    yield portObjectClass(p.port().type()).getConstructor(byte[].class, String.class).newInstance(bytes,
                            org.xasdaml.knime.gen.PortSummaries.details(p.port().type(), value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /**
     * What an optional output the step left empty carries: an empty table (frame and site columns,
     * no rows) for tables, so downstream nodes still configure; an inactive branch otherwise.
     */
    static PortObject absent(KnimePort p, ExecutionContext exec) {
        if (p.kind() == KnimePort.Kind.TABLE) {
            BufferedDataContainer c = exec.createDataContainer(SampleTables.spec(
                    SampleTable.ofColumns(java.util.List.of(), java.util.List.of(), new double[0][])));
            c.close();
            return c.getTable();
        }
        return InactiveBranchPortObject.INSTANCE;
    }
}
