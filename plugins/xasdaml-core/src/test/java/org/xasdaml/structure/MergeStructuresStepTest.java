package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.workflow.BasicContext;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.StepData;

/** Clusters and bulk crystals in one set: ids unique, their file visible, each frame's cell kept. */
class MergeStructuresStepTest {
    static final Path CLUSTERS = Path.of("../../data/cu-md-public.dump");
    static final Path BULK = Path.of("../../data/cu-bulk-md-public.dump");

    private static StructureSet read(Path p, int frames) {
        ReadStructuresStep.Options d = new ReadStructuresStep().defaults();
        return ReadStructuresStep.read(p, new ReadStructuresStep.Options(p.toString(), d.format(), d.absorber(), frames,
                d.typeMap(), d.elements(), d.skipBadFrames()));
    }

    @Test
    void clustersAndBulkBecomeOneSetWithUniqueIdsNamingTheirFile(@TempDir Path tmp) throws Exception {
        StructureSet clusters = read(CLUSTERS, 30);
        StructureSet bulk = read(BULK, 20);
        MergeStructuresStep step = new MergeStructuresStep();
        StepData in = StepData.empty().with(MergeStructuresStep.STRUCTURES_1, clusters).with(MergeStructuresStep.STRUCTURES_2, bulk);
        StructureSet m = step.run(in, step.defaults(), BasicContext.quiet(tmp)).get(MergeStructuresStep.STRUCTURES);
        assertEquals(50, m.frames().size());
        assertEquals(50, m.samples().size());
        assertEquals(50, new HashSet<>(m.samples()).size(), "sample ids unique");
        assertEquals(new SampleId(29, 0), m.samples().get(29));
        assertEquals(new SampleId(100000, 0), m.samples().get(30));
        assertEquals(new SampleId(100019, 0), m.samples().get(49));
        assertEquals("cu-md-public.dump (frames 0-29) + cu-bulk-md-public.dump (frames 100000-100019)", m.source());
        // each frame keeps its own atoms, cell and periodicity
        Frame b = m.frame(100007);
        Frame orig = bulk.frame(7);
        assertArrayEquals(orig.positions(), b.positions());
        assertTrue(b.periodic());
        assertFalse(m.frame(3).periodic());
        assertEquals(bulk.frame(7).lattice().volume(), b.lattice().volume(), 1e-9);
        // the merged set survives its codec
        new StructureSetCodec().write(m, tmp.resolve("s"));
        StructureSet back = new StructureSetCodec().read(tmp.resolve("s"));
        assertEquals(m.samples(), back.samples());
        assertEquals(m.source(), back.source());
        assertTrue(back.frame(100007).periodic());
    }

    @Test
    void framesReachingTheOffsetAreRefusedNamingTheInput() {
        StructureSet clusters = read(CLUSTERS, 30);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> MergeStructuresStep.merge(List.of(clusters, clusters), 20));
        assertTrue(e.getMessage().contains("input 1 (cu-md-public.dump) has frame index 29"), e.getMessage());
    }
}
