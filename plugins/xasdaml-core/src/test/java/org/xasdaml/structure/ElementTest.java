package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTest {
    @Test
    void symbolsAndLabels() {
        assertEquals(29, Element.of("Cu").z());
        assertEquals(29, Element.of("CU").z());
        assertEquals(26, Element.of("Fe2+").z());
        assertEquals(22, Element.of("Ti_pv").z());
        assertEquals(8, Element.of("O1").z());
        assertEquals(118, Element.of("Og").z());
        assertNull(Element.lookup("Cux"));
        assertNull(Element.lookup("3"));
        assertEquals("unknown element symbol 'Xy'", assertThrows(IllegalArgumentException.class, () -> Element.of("Xy")).getMessage());
    }

    @Test
    void absorberChoice() {
        assertEquals(new AbsorberChoice.Index(5), AbsorberChoice.parse("5"));
        assertEquals(new AbsorberChoice.EveryAtomOf(Element.of("Fe")), AbsorberChoice.parse("Fe"));
        assertEquals(new AbsorberChoice.Indices(List.of(0, 27, 54)), AbsorberChoice.parse("54, 0,27"));
        assertEquals(List.of(0, 27, 54), AbsorberChoice.parse("0,27,54").sites(new Frame(0, java.util.Collections.nCopies(60, Element.of("Ni")), new double[180], null, null)));
        assertThrows(IllegalArgumentException.class, () -> AbsorberChoice.parse("0,99").sites(new Frame(0, java.util.Collections.nCopies(60, Element.of("Ni")), new double[180], null, null)));
        assertThrows(IllegalArgumentException.class, () -> AbsorberChoice.parse("-1"));
    }
}
