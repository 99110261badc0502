package org.xasdaml.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Data on a step's ports, by port name, typed through the {@link Port} declarations. */
public final class StepData {
    private final Map<String, Object> values;

    private StepData(Map<String, Object> values) {
        this.values = values;
    }

    public static StepData empty() {
        return new StepData(new LinkedHashMap<>());
    }

    /** A copy with one more port filled. */
    public <T> StepData with(Port<T> port, T value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(port.name(), port.type().javaType().cast(value));
        return new StepData(m);
    }

    /** The value on a port. @throws IllegalArgumentException when a required port is empty */
    public <T> T get(Port<T> port) {
        Object v = values.get(port.name());
        if (v == null) {
            throw new IllegalArgumentException("input '" + port.name() + "' (" + port.type().id() + ") is not connected");
        }
        return port.type().javaType().cast(v);
    }

    public boolean has(Port<?> port) {
        return values.containsKey(port.name());
    }

    /** The value on a port, or null. */
    public <T> T find(Port<T> port) {
        Object v = values.get(port.name());
        return v == null ? null : port.type().javaType().cast(v);
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }
}
