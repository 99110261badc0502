package org.xasdaml.knime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.StepContext;

/** A step's context inside a KNIME node: progress and cancel go to KNIME's execution monitor. */
final class KnimeStepContext implements StepContext {
    private final ExecutionMonitor monitor;
    private final Path workDir;
    private final List<SampleFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    KnimeStepContext(ExecutionMonitor monitor, Path workDir) {
        this.monitor = monitor;
        this.workDir = workDir;
    }

    @Override
    public void progress(double fraction, String message) {
        monitor.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public boolean isCancelled() {
        try {
            monitor.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    @Override
    public int workers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Override
    public void recordFailure(SampleFailure failure) {
        failures.add(failure);
    }

    @Override
    public List<SampleFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void recordSoftware(String name, String version) {
        // KNIME keeps its own record of the workflow; provenance files are the command line's
    }

    @Override
    public void recordProvenance(String name, Object value) {
        // as recordSoftware: KNIME keeps its own record of the workflow
    }
}
