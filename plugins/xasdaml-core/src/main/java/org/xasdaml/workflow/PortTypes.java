package org.xasdaml.workflow;

import org.xasdaml.structure.StructureSet;
import org.xasdaml.structure.StructureSetCodec;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;

/**
 * The port types every module shares. Modules add their own (fitted transforms, trained models)
 * as constants of the same record type.
 */
public final class PortTypes {
    private PortTypes() {
    }

    public static final PortType<StructureSet> STRUCTURES = new PortType<>("structures", StructureSet.class,
            "Atomic structures (frames) and the chosen absorbing sites", false, new StructureSetCodec());

    public static final PortType<SampleTable> TABLE = new PortType<>("table", SampleTable.class,
            "A table with one row per sample (frame and absorbing site) and numeric columns: spectra on a grid, "
                    + "descriptors, labels, splits or predictions", true, new TableCodec());

    public static final PortType<FigureSet> FIGURES = new PortType<>("figures", FigureSet.class,
            "Rendered figures (PNG, and SVG where available)", false, new FigureSet.FigureCodec());
}
