package org.xasdaml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("JSON: expected ',' or '}' at character 8",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1 \"b\": 2}")).getMessage());
    }
}
