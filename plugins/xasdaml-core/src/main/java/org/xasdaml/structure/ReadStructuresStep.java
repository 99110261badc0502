package org.xasdaml.structure;

import java.nio.file.Path;
import java.util.List;
import org.xasdaml.io.FileDigest;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/** Reads a structure file and chooses the absorbing sites: the first step of every workflow. */
public final class ReadStructuresStep implements Step<ReadStructuresStep.Options> {

    public static final Port<StructureSet> STRUCTURES = Port.of("structures", PortTypes.STRUCTURES,
            "The frames read and the samples (frame, absorbing site) chosen from them");

    /** Parameters of reading structures. */
    public record Options(
            @Param(label = "Structure file", description = "Structure file: LAMMPS text dump, XYZ or extended XYZ, VASP POSCAR/CONTCAR or XDATCAR", file = true)
            String file,
            @Param(label = "File format", description = "File format; auto guesses it from the name and first line",
                    choices = {"auto", "lammps-dump", "xyz", "extxyz", "poscar", "contcar", "xdatcar"})
            String format,
            @Param(label = "Absorbing atoms", description = "Absorbing atoms: an atom index (0 = first atom, as the reference), several indices "
                    + "(e.g. 0,27,54: a few sites of each frame of a crystal) or an element symbol (every atom of that element "
                    + "becomes a sample)")
            String absorber,
            @Param(label = "Most frames read", description = "Read at most this many frames from the start of the file (0 = all)", min = 0)
            int maxFrames,
            @Param(label = "Atom types to elements (LAMMPS)", description = "LAMMPS dumps without an element column: atom type to element, e.g. 1=Cu,2=O", advanced = true)
            String typeMap,
            @Param(label = "Element symbols (VASP 4)", description = "VASP 4 files without an element line: the element symbols in order, e.g. Ti,O", advanced = true)
            List<String> elements,
            @Param(label = "Skip malformed frames", description = "Go on after a malformed frame and report it, instead of stopping")
            boolean skipBadFrames) {

        public Options {
            AbsorberChoice.parse(absorber);
            ReadOptions.parseTypeMap(typeMap);
            for (String e : elements) {
                if (Element.lookup(e) == null) {
                    throw InvalidParameterException.of("elements", "unknown element symbol '%s'", e);
                }
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("read-structures", List.of("structures", "read"), "Read Structures", Category.DATASET_CALCULATION,
                "M1, M2", "Reads atomic structures and chooses the absorbing sites.",
                """
                Reads every frame of a structure file: multi-frame LAMMPS text dumps (any column order; element \
                column or a type map; Cartesian, unwrapped or scaled coordinates; orthogonal or triclinic boxes), \
                XYZ and extended XYZ (Lattice and pbc), VASP POSCAR/CONTCAR and XDATCAR.

                Each frame yields one sample per absorbing site: a fixed atom index (default 0, as the XASDAML \
                reference), or every atom of a chosen element. Samples keep the id (frame, site) through every \
                later step.

                A malformed frame (truncated, wrong atom count, NaN coordinates, unknown element) stops the \
                read with the file, frame and line; with "skip bad frames" it is reported and the rest is read.""",
                List.of(), List.of(STRUCTURES));
    }

    @Override
    public Options defaults() {
        return new Options("", "auto", "0", 0, "", List.of(), false);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        if (o.file().isBlank()) {
            throw new InvalidParameterException("file", "no structure file given");
        }
        return StepData.empty().with(STRUCTURES, read(Path.of(o.file()), o));
    }

    /** Reads and selects samples; shared by the step and the command line's inspect. */
    public static StructureSet read(Path file, Options o) {
        ReadOptions ro = new ReadOptions(o.skipBadFrames(), ReadOptions.parseTypeMap(o.typeMap()),
                o.elements().stream().map(Element::of).toList());
        ReadResult r = StructureFormat.read(file, StructureFormat.parse(o.format()), ro);
        List<Frame> frames = r.frames();
        if (o.maxFrames() > 0 && frames.size() > o.maxFrames()) {
            frames = frames.subList(0, o.maxFrames());
        }
        List<String> skipped = r.skipped().stream().map(Throwable::getMessage).toList();
        AbsorberChoice choice = AbsorberChoice.parse(o.absorber());
        StructureSet set = StructureSet.of(frames, choice, file.getFileName().toString(), FileDigest.sha256(file), skipped);
        if (set.samples().isEmpty()) {
            throw new InvalidParameterException("absorber", "no atom of " + file.getFileName() + " matches absorber '" + o.absorber() + "'");
        }
        return set;
    }
}
