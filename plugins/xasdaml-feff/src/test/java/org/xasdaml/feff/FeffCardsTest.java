package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cards: the reference preset is the reference's CFG exactly (reference doc, module 1). */
class FeffCardsTest {

    @Test
    void referencePresetIsTheReferencesCards() {
        assertEquals(List.of("CONTROL 1 1 1 1 1 1", "EDGE L3", "EXAFS 20.0", "PRINT 0 0 0 0 0 0", "RPATH 7.0", "S02 1.0",
                "SCF 6.8 0 30 0.1 1", "EXCHANGE 0 0.0 0.6", "NLEGS 8", "DEBYE 300.0 160.0", "CFAVERAGE 1 1 0",
                "CRITERIA 0.0 1.5"), FeffCards.reference().lines());
    }

    @Test
    void defaultsAreKEdgeWithoutDebye() {
        List<String> l = FeffCards.defaults().lines();
        assertEquals("EDGE K", l.get(1));
        assertEquals(0, l.stream().filter(s -> s.startsWith("DEBYE")).count());
        assertEquals(0, FeffCards.defaults().withoutScf().lines().stream().filter(s -> s.startsWith("SCF")).count());
    }

    @Test
    void badCardsAreRefused() {
        FeffCards d = FeffCards.defaults();
        assertThrows(IllegalArgumentException.class, () -> new FeffCards("K9", 1, 20, 7, 8, 0, 1.5, null, 0, 0, 0.6, null));
        assertThrows(IllegalArgumentException.class, () -> new FeffCards("K", 1, 25, 7, 8, 0, 1.5, null, 0, 0, 0.6, null));
        assertThrows(IllegalArgumentException.class, () -> new FeffCards("K", 1, 20, 7, 9, 0, 1.5, d.scf(), 0, 0, 0.6, null));
    }
}
