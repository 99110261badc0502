package org.xasdaml.structure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Several structure sets as one: clusters and bulk crystals (or any files) trained on together.
 *
 * <p>Sample ids must stay unique and say where a sample came from, through every later table. So the
 * frames of the k-th input (k = 0, 1, ...) are renumbered k × {@code frameOffset} + their index in
 * their file: with the default offset 100000, sample 100012:0 is frame 12 of the second input. The
 * merged set's source names every input with its frame range, and its checksum covers every input's.
 */
public final class MergeStructuresStep implements Step<MergeStructuresStep.Options> {

    public static final Port<StructureSet> STRUCTURES_1 = Port.of("structures1", PortTypes.STRUCTURES,
            "First structure set (frames keep their indices)");
    public static final Port<StructureSet> STRUCTURES_2 = Port.of("structures2", PortTypes.STRUCTURES,
            "Second structure set (frame indices + frameOffset)");
    public static final Port<StructureSet> STRUCTURES_3 = Port.optional("structures3", PortTypes.STRUCTURES,
            "Third structure set (frame indices + 2 × frameOffset)");
    public static final Port<StructureSet> STRUCTURES_4 = Port.optional("structures4", PortTypes.STRUCTURES,
            "Fourth structure set (frame indices + 3 × frameOffset)");
    public static final Port<StructureSet> STRUCTURES = Port.of("structures", PortTypes.STRUCTURES,
            "All frames and samples, renumbered so that the input of each is visible in its id");

    /** Parameters of the merge. */
    public record Options(
            @Param(description = "Frames of the k-th input (k = 0, 1, ...) get index k × frameOffset + their own; every "
                    + "input must have fewer frames than this", min = 1)
            int frameOffset) {
        public Options {
            if (frameOffset < 1) {
                throw InvalidParameterException.of("frameOffset", "frame offset %d must be at least 1", frameOffset);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("merge-structures", List.of("structures", "merge"), "Merge Structures", Category.DATASET_CALCULATION,
                "M1, M2", "Joins up to four structure sets (e.g. clusters and bulk crystals) into one.",
                """
                Frames and samples of every input, in input order. Sample ids stay unique and name their input: \
                frames of the k-th input (counting from 0) are renumbered k × frameOffset + their index (default \
                offset 100000: sample 100012:0 is frame 12 of the second input). Each frame keeps its own cell and \
                periodicity, so periodic crystals and isolated clusters can be mixed; the descriptors (box AUTO) \
                and FEFF treat each frame as what it is. The merged source names each input with its frame range.""",
                List.of(STRUCTURES_1, STRUCTURES_2, STRUCTURES_3, STRUCTURES_4), List.of(STRUCTURES));
    }

    @Override
    public Options defaults() {
        return new Options(100000);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        List<StructureSet> sets = new ArrayList<>();
        for (Port<StructureSet> p : List.of(STRUCTURES_1, STRUCTURES_2, STRUCTURES_3, STRUCTURES_4)) {
            if (inputs.has(p)) {
                sets.add(inputs.get(p));
            }
        }
        return StepData.empty().with(STRUCTURES, merge(sets, o.frameOffset()));
    }

    /**
     * The sets as one, frames of set k renumbered k × offset + index.
     *
     * @throws InvalidParameterException naming the input when one of its frame indices reaches the offset
     */
    public static StructureSet merge(List<StructureSet> sets, int offset) {
        List<Frame> frames = new ArrayList<>();
        List<SampleId> samples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        StringBuilder digests = new StringBuilder();
        for (int k = 0; k < sets.size(); k++) {
            StructureSet s = sets.get(k);
            long base = (long) k * offset;
            int maxIndex = s.frames().stream().mapToInt(Frame::index).max().orElse(-1);
            if (maxIndex >= offset) {
                throw InvalidParameterException.of("frameOffset", "input %d (%s) has frame index %d, not below the frame "
                        + "offset %d: its ids would collide with the next input's; raise frameOffset", k + 1, s.source(),
                        maxIndex, offset);
            }
            if (base + maxIndex > Integer.MAX_VALUE) {
                throw InvalidParameterException.of("frameOffset", "frame offset %d × %d inputs overflows the frame index", offset,
                        sets.size());
            }
            for (Frame f : s.frames()) {
                frames.add(new Frame((int) (base + f.index()), f.elements(), f.positions(), f.lattice(), f.pbc()));
            }
            for (SampleId id : s.samples()) {
                samples.add(new SampleId((int) (base + id.frame()), id.site()));
            }
            for (String why : s.skipped()) {
                skipped.add(s.source() + ": " + why);
            }
            int lo = s.frames().stream().mapToInt(Frame::index).min().orElse(0);
            sources.add(String.format(Locale.ROOT, "%s (frames %d-%d)", s.source(), base + lo, base + maxIndex));
            digests.append(s.sha256()).append('\n');
        }
        return new StructureSet(frames, samples, String.join(" + ", sources),
                FileDigest.sha256(digests.toString().getBytes(StandardCharsets.UTF_8)), skipped);
    }
}
