package org.xasdaml.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A plain context for the command line and tests: progress and warnings go to listeners,
 * cancellation is a flag anyone may set.
 */
public final class BasicContext implements StepContext {
    private final int workers;
    private final Path workDir;
    private final BiConsumer<Double, String> progressListener;
    private final Consumer<String> warningListener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<SampleFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> software = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Object> records = Collections.synchronizedMap(new LinkedHashMap<>());

    public BasicContext(int workers, Path workDir, BiConsumer<Double, String> progressListener, Consumer<String> warningListener) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workers = workers;
        this.workDir = workDir;
        this.progressListener = progressListener == null ? (f, m) -> { } : progressListener;
        this.warningListener = warningListener == null ? m -> { } : warningListener;
    }

    /** A quiet context with a given work folder and as many workers as cores. */
    public static BasicContext quiet(Path workDir) {
        return new BasicContext(Runtime.getRuntime().availableProcessors(), workDir, null, null);
    }

    @Override
    public void progress(double fraction, String message) {
        progressListener.accept(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public Path workDir() {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work folder " + workDir, e);
        }
        return workDir;
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
        warningListener.accept(message);
    }

    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Override
    public void recordFailure(SampleFailure failure) {
        failures.add(failure);
    }

    /**
     * In sample order (stable: one sample's failures keep the order they happened in), so that
     * provenance and messages are the same whatever order parallel workers finished in.
     */
    @Override
    public List<SampleFailure> failures() {
        List<SampleFailure> copy;
        synchronized (failures) {
            copy = new ArrayList<>(failures);
        }
        copy.sort(java.util.Comparator.comparing(SampleFailure::sample));
        return List.copyOf(copy);
    }

    @Override
    public void recordSoftware(String name, String version) {
        software.put(name, version);
    }

    public Map<String, String> software() {
        synchronized (software) {
            return Map.copyOf(software);
        }
    }

    @Override
    public void recordProvenance(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provenance entry needs a name");
        }
        records.put(name, value);
    }

    /** The entries steps recorded for provenance, by name, in the order first recorded. */
    public Map<String, Object> records() {
        synchronized (records) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(records));
        }
    }
}
