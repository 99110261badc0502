package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The class mapping replaces the reference's label offsets (training min_label 3, prediction min_label 2). */
class ClassMappingTest {

    @Test
    void nonContiguousLabelsMapBothWays() {
        ClassMapping m = ClassMapping.of(new double[]{12, 3, 4, 6, 4, 3, 12});
        assertArrayEquals(new double[]{3, 4, 6, 12}, m.labels(), 0.0);
        assertArrayEquals(new int[]{3, 0, 1, 2}, m.indices(new double[]{12, 3, 4, 6}));
        assertEquals(12.0, m.label(3));
        assertEquals("12", m.name(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.index(5));
        assertTrue(e.getMessage().contains("label 5.0 is not one of the model's classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassMapping.of(new double[]{7, 7, 7}));
    }
}
