package org.xasdaml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Cu \"foil\"\n");
        m.put("count", 12L);
        m.put("r", 2.556);
        m.put("whole", 3.0);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1L, "a", List.of(2.5)));
        m.put("nested", Map.of("k", List.of()));
        String text = Json.write(m);
        assertEquals(m, Json.parse(text));
        assertEquals(List.of(1.5, 2.0), Json.parse(Json.write(new double[] {1.5, 2.0})));
    }

    @Test
    void errorsHavePositions() {
        String m = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,\n \"b\": 2 \"c\": 3}")).getMessage();
        assertTrue(m.startsWith("JSON: Unexpected character"), m);
        assertTrue(m.endsWith("at line 2, column 9 (character 17)"), m);
    }

    @Test
    void layoutKeepsListsOfNumbersOnOneLineAndWholeDoublesReadable() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", new double[] {1e7, 0.5, Double.NaN});
        m.put("b", List.of(Map.of("c", 1L)));
        m.put("e", Map.of());
        assertEquals("{\n  \"a\": [10000000.0, 0.5, null],\n  \"b\": [\n    {\n      \"c\": 1\n    }\n  ],\n  \"e\": {}\n}\n",
                Json.write(m));
    }
}
