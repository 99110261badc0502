package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project's bundled Cu dataset: 1000 frames of 108 Cu atoms with the absorber at the origin. */
class CuDumpTest {
    static final Path DUMP = Path.of("../../data/cu-md-public.dump");

    @Test
    void readsAllFrames() {
        ReadStructuresStep step = new ReadStructuresStep();
        StructureSet set = ReadStructuresStep.read(DUMP, step.defaults());
        assertEquals(1000, set.frames().size());
        assertEquals(1000, set.samples().size());
        for (Frame f : set.frames()) {
            assertEquals(108, f.size());
            assertEquals("Cu108", f.formula());
            assertFalse(f.periodic(), "the dump's boxes are ff ff ff");
            assertEquals(0.0, f.x(0));
            assertEquals(0.0, f.y(0));
            assertEquals(0.0, f.z(0));
        }
        Frame first = set.frames().get(0);
        // line "2 1 Cu -4.641224 7.091985 3.498366" of the first frame
        assertEquals(-4.641224, first.x(1));
        assertEquals(7.091985, first.y(1));
        assertEquals(3.498366, first.z(1));
        assertEquals(32.465766, first.lattice().lengths()[0], 1e-9);
        assertEquals(new SampleId(999, 0), set.samples().get(999));
        assertTrue(set.summary().contains("frames:    1000"));
    }

    @Test
    void everyCopperAtomAsAbsorber() {
        ReadStructuresStep step = new ReadStructuresStep();
        ReadStructuresStep.Options o = step.parameters().fromText(java.util.Map.of("absorber", "Cu", "maxFrames", "3"));
        StructureSet set = ReadStructuresStep.read(DUMP, o);
        assertEquals(3, set.frames().size());
        assertEquals(3 * 108, set.samples().size());
        assertEquals(new SampleId(2, 107), set.samples().get(3 * 108 - 1));
    }
}
