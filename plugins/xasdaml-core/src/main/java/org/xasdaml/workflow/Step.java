package org.xasdaml.workflow;

/**
 * One workflow step: the unit that becomes a subcommand and a KNIME node.
 *
 * <p>A step has a typed options record (declared with {@link Param}), typed input and output
 * ports, and a run method that reports progress and honours cancellation through its context.
 * It holds no state between runs.
 *
 * @param <P> options record type
 */
public interface Step<P extends Record> {

    StepInfo info();

    /** The default options; their record type declares the parameters. */
    P defaults();

    /** The parameter set, derived from {@link #defaults()}. */
    default ParameterSet<P> parameters() {
        return ParameterSet.of(defaults());
    }

    /**
     * Runs the step.
     *
     * @param inputs  data on the input ports (optional ones may be absent)
     * @param options validated options
     * @param context progress, cancellation, workers, a work folder, failure records
     * @return data for every output port
     * @throws CancelledException when the context was cancelled
     * @throws Exception on failures of the whole step (single-sample failures are recorded in the context instead)
     */
    StepData run(StepData inputs, P options, StepContext context) throws Exception;
}
