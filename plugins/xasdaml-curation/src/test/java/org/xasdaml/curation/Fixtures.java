package org.xasdaml.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.xasdaml.curation.analysis.JsonArrays;
import org.xasdaml.io.Json;

/** The scikit-learn / NumPy reference values made by src/test/resources/org/xasdaml/curation/make_fixtures.py. */
public final class Fixtures {
    private static Map<String, Object> cache;

    private Fixtures() {
    }

    public static synchronized Map<String, Object> all() {
        if (cache == null) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/org/xasdaml/curation/sklearn_fixtures.json")) {
                cache = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cache;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> group(String name) {
        return (Map<String, Object>) all().get(name);
    }

    public static double[] vector(String group, String key) {
        return JsonArrays.doubles(group(group).get(key));
    }

    public static double[][] matrix(String group, String key) {
        return JsonArrays.matrix(group(group).get(key));
    }

    public static int[] ints(String group, String key) {
        return ((List<?>) group(group).get(key)).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    public static double number(String group, String key) {
        return ((Number) group(group).get(key)).doubleValue();
    }
}
