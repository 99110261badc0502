package org.xasdaml.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every step the modules on the class path provide, found through {@code META-INF/services}:
 * the command line and the KNIME plugin generator list steps from here, so a new step needs no
 * edit anywhere else.
 */
public final class StepRegistry {
    private final List<Step<?>> steps;

    private StepRegistry(List<Step<?>> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Steps found by the service loader of the given class loader. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static StepRegistry load(ClassLoader loader) {
        List<Step<?>> s = new ArrayList<>();
        for (Step step : ServiceLoader.load(Step.class, loader)) {
            s.add(step);
        }
        s.sort(Comparator.comparing((Step<?> x) -> String.join(" ", x.info().command())));
        return new StepRegistry(s);
    }

    public static StepRegistry of(List<Step<?>> steps) {
        return new StepRegistry(steps);
    }

    public List<Step<?>> steps() {
        return steps;
    }

    /** The step with a given id. */
    public Step<?> byId(String id) {
        return steps.stream().filter(s -> s.info().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step '" + id + "'"));
    }

    /** The step whose command is the given words, or null. */
    public Step<?> byCommand(List<String> words) {
        return steps.stream().filter(s -> s.info().command().equals(words)).findFirst().orElse(null);
    }
}
