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

    /**
     * The columns a table output will have, known from the options and the columns of the table
     * inputs alone, without running: KNIME asks this when a node is configured, so the nodes after
     * it can be configured (and their column pickers filled) before anything runs. Steps override it
     * for the outputs they can predict; the default knows none.
     *
     * <p>A port that is not a table may also have columns here, with the meaning its port type gives
     * them: a model archive's are the columns of the predictions it makes, so Predict after Train
     * knows its output too. They arrive in {@code inputs} under the input port's name like a table's.
     *
     * @param output  the output port's name
     * @param options the options
     * @param inputs  the columns of the connected table inputs, by port name (absent when not connected
     *                or not known yet)
     * @return the columns, or null when they depend on the data (e.g. an energy grid set by the spectra)
     */
    default TableColumns outputColumns(String output, P options, java.util.Map<String, TableColumns> inputs) {
        return null;
    }
}
