package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertThrows(IllegalArgumentException.class, () -> AbsorberChoice.parse("-1"));
    }
}
