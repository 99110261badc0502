package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldsTest {

    /** 50 source samples with 1 to 5 rows each (a spectrum and its variants), in mixed order. */
    static String[] groups() {
        String[] g = new String[150];
        for (int i = 0; i < g.length; i++) {
            g[i] = "sample " + (i * 7 % 50);
        }
        return g;
    }

    @Test
    void rowsOfOneGroupShareAFoldAndFoldsHoldEqualNumbersOfGroups() {
        String[] g = groups();
        int[] fold = Folds.assign(g, 4, 42);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < g.length; i++) {
            Integer f = seen.putIfAbsent(g[i], fold[i]);
            assertTrue(f == null || f == fold[i], g[i] + " in folds " + f + " and " + fold[i]);
        }
        int[] perFold = new int[4];
        seen.values().forEach(f -> perFold[f]++);
        for (int c : perFold) {
            assertTrue(c == 12 || c == 13, "50 groups in 4 folds: 12 or 13 each, got " + Arrays.toString(perFold));
        }
    }

    @Test
    void theSeedDecidesTheFolds() {
        assertArrayEquals(Folds.assign(groups(), 5, 7), Folds.assign(groups(), 5, 7));
        assertFalse(Arrays.equals(Folds.assign(groups(), 5, 7), Folds.assign(groups(), 5, 8)));
    }

    @Test
    void tooFewGroupsForTheFoldsIsRefusedWithTheCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Folds.assign(new String[]{"a", "a", "b"}, 3, 1));
        assertTrue(e.getMessage().contains("3 folds") && e.getMessage().contains("got 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Folds.assign(new String[]{"a", "b"}, 1, 1));
        assertEquals(2, Arrays.stream(Folds.assign(new String[]{"a", "b"}, 2, 1)).distinct().count());
    }
}
