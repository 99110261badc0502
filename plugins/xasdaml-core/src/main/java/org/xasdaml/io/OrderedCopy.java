package org.xasdaml.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable copies of maps that keep the order they were given in, for maps that end up in files.
 *
 * <p>Why not {@link Map#copyOf}: its iteration order is salted afresh in every JVM, so a table's
 * metadata, an evaluation report's targets or a model archive's parameters came out in a different
 * order from run to run of the same input: files that should be byte-identical were not, and the run
 * report listed CR before CN in one JVM and after it in the next (found by the report's fixed-run
 * test in a full build).
 */
public final class OrderedCopy {
    private OrderedCopy() {
    }

    /**
     * An unmodifiable copy in the given map's iteration order.
     *
     * @throws NullPointerException for a null key or value, as {@link Map#copyOf} does
     */
    public static <K, V> Map<K, V> of(Map<? extends K, ? extends V> map) {
        Map<K, V> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value of " + k)));
        return Collections.unmodifiableMap(copy);
    }
}
