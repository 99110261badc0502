package org.xasdaml.knime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.util.FileUtil;
import org.knime.core.data.DataTableSpec;
import org.xasdaml.knime.gen.KnimeNode;
import org.xasdaml.knime.gen.OutputSpecs;
import org.xasdaml.knime.gen.PortSummaries;
import org.xasdaml.knime.gen.KnimePort;
import org.xasdaml.knime.gen.NodeMessages;
import org.xasdaml.knime.gen.SavedSettings;
import org.xasdaml.workflow.CancelledException;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.TableColumns;

/**
 * The model of every XASDAML node: settings are the step's parameters (one settings model each,
 * keyed by name), validation is the step's own, execution converts KNIME's inputs, runs the step
 * with KNIME's progress and cancel, and converts the outputs. Samples that failed while the
 * others went on are named in the node's warning.
 */
public final class StepNodeModel extends NodeModel {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(StepNodeModel.class);
    private final KnimeNode node;
    private final Map<String, SettingsModel> settings;
    /** Said when the loaded settings held former parameter names, until the workflow is loaded again (saved with today's names). */
    private String renamedWarning;

    StepNodeModel(KnimeNode node) {
        super(types(node.inPorts()), types(node.outPorts()));
        this.node = node;
        this.settings = StepSettings.createAll(node.step().parameters().specs());
    }

    private static PortType[] types(List<KnimePort> ports) {
        return ports.stream().map(XasdamlPorts::type).toArray(PortType[]::new);
    }

    private Map<String, String> text() {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach((k, v) -> m.put(k, StepSettings.text(v)));
        return m;
    }

    /** The step's options from the current settings, checked by the step. */
    private Record options() throws InvalidSettingsException {
        try {
            return node.step().parameters().fromText(text());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** The step's columns of each output from the settings and the inputs' specs (tables' columns, a model's prediction columns). */
    private List<TableColumns> derive(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        options();
        Map<String, TableColumns> inputs = new LinkedHashMap<>();
        List<KnimePort> inPorts = node.inPorts();
        for (int i = 0; i < inPorts.size() && i < inSpecs.length; i++) {
            if (inSpecs[i] instanceof DataTableSpec t) {
                inputs.put(inPorts.get(i).port().name(), SampleTables.columns(t));
            } else if (inSpecs[i] instanceof org.xasdaml.knime.port.CodecPortObjectSpec c && c.columns() != null) {
                inputs.put(inPorts.get(i).port().name(), c.columns());
            }
        }
        // paths resolved as at execution (workflow-relative, knime:// URLs), so a reader can look at its files now
        Map<String, String> settingsText;
        try {
            settingsText = textOf(node.step().parameters(), KnimePaths.resolve(node.step().parameters(), options()));
        } catch (InvalidSettingsException | RuntimeException e) {
            settingsText = text(); // the columns of a file not found stay unknown; execution says why
        }
        try {
            return OutputSpecs.columns(node, settingsText, inputs);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Output specs from the settings and the input tables' columns ({@link OutputSpecs}, tested without
     * KNIME): a table whose columns the step can tell gets its spec now, so the nodes after it can be
     * configured before anything runs; the others stay unknown (null) until execution.
     */
    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        List<TableColumns> derived = derive(inSpecs);
        List<KnimePort> outPorts = node.outPorts();
        PortObjectSpec[] out = new PortObjectSpec[outPorts.size()];
        for (int i = 0; i < out.length; i++) {
            KnimePort p = outPorts.get(i);
            TableColumns c = derived.get(i);
            if (c != null && p.kind() == KnimePort.Kind.TABLE) {
                out[i] = SampleTables.spec(org.xasdaml.knime.gen.TableLayout.knimeColumns(c));
            } else if (c != null && p.kind() == KnimePort.Kind.CUSTOM) {
                out[i] = ((org.xasdaml.knime.port.CodecPortObjectSpec) XasdamlPorts.spec(p)).withColumns(c);
            } else {
                out[i] = XasdamlPorts.spec(p);
            }
        }
        if (renamedWarning != null) {
            setWarningMessage(renamedWarning);
        }
        return out;
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        Record options = KnimePaths.resolve(node.step().parameters(), options());
        StepData inputs = StepData.empty();
        List<KnimePort> inPorts = node.inPorts();
        ExecutionMonitor convertIn = exec.createSubProgress(0.05);
        for (int i = 0; i < inPorts.size(); i++) {
            if (in[i] != null) {
                inputs = put(inputs, inPorts.get(i), XasdamlPorts.toStep(inPorts.get(i), in[i]));
            }
            convertIn.setProgress((i + 1.0) / inPorts.size());
        }
        PortObjectSpec[] inSpecs = new PortObjectSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            inSpecs[i] = in[i] == null ? null : in[i].getSpec();
        }
        List<TableColumns> specColumns;
        try {
            specColumns = derive(inSpecs);
        } catch (InvalidSettingsException | RuntimeException e) {
            specColumns = java.util.Collections.nCopies(node.outPorts().size(), null); // the step says what is wrong when it runs
        }
        File work = FileUtil.createTempDir("xasdaml-" + node.declaration().stepId());
        KnimeStepContext context = new KnimeStepContext(exec.createSubProgress(0.9), Path.of(work.getPath()));
        List<KnimePort> outPorts = node.outPorts();
        PortObject[] result = new PortObject[outPorts.size()];
        try {
            StepData out = run(node.step(), inputs, options, context);
            ExecutionContext convertOut = exec.createSubExecutionContext(0.05);
            // converted before the work folder goes: some outputs (wavelet maps) are backed by files in it
            for (int i = 0; i < outPorts.size(); i++) {
                KnimePort p = outPorts.get(i);
                Object v = out.raw(p.port().name());
                if (v == null && !p.port().optional()) {
                    throw new IllegalStateException("step " + node.declaration().stepId() + " gave no data on output '"
                            + p.port().name() + "'");
                }
                result[i] = v == null ? XasdamlPorts.absent(p, convertOut) : XasdamlPorts.toKnime(p, v, convertOut);
                if (result[i] instanceof org.xasdaml.knime.port.CodecPortObject c && specColumns.get(i) != null) {
                    c.setColumns(specColumns.get(i)); // the executed port's spec says what the configured one said
                }
                if (v != null) {
                    // key numbers (a model's test R², MAE, ...) for the nodes after this one
                    PortSummaries.flowVariables(v).forEach(this::pushFlowVariableDouble);
                }
            }
        } catch (CancelledException e) {
            throw new CanceledExecutionException("cancelled");
        } finally {
            FileUtil.deleteRecursively(work);
        }
        String warning = NodeMessages.warning(context.failures(), context.warnings());
        if (renamedWarning != null) {
            warning = warning == null ? renamedWarning : renamedWarning + "\n" + warning;
        }
        if (warning != null) {
            setWarningMessage(warning);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Map<String, String> textOf(ParameterSet<P> ps, Record options) {
        return ps.toText((P) options);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> StepData run(Step<P> step, StepData inputs, Record options, KnimeStepContext context)
            throws Exception {
        ParameterSet<P> ps = step.parameters();
        return step.run(inputs, ps.validate((P) options), context);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StepData put(StepData d, KnimePort p, Object v) {
        return d.with((org.xasdaml.workflow.Port) p.port(), v);
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO s) {
        for (SettingsModel m : settings.values()) {
            m.saveSettingsTo(s);
        }
    }

    @Override
    protected void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        try {
            node.step().parameters().fromText(StepSettings.read(s, node.step().parameters(), w -> { }));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        List<String> renamed = new java.util.ArrayList<>();
        Map<String, String> values = StepSettings.read(s, node.step().parameters(), renamed::add);
        // a parameter added to the step after the workflow was saved keeps its default
        for (Map.Entry<String, SettingsModel> e : settings.entrySet()) {
            if (s.containsKey(e.getKey())) {
                e.getValue().loadSettingsFrom(s);
            } else if (values.containsKey(e.getKey())) {
                StepSettings.set(e.getValue(), values.get(e.getKey())); // saved under a former name of the parameter
            }
        }
        renamedWarning = SavedSettings.warning(renamed);
        if (renamedWarning != null) {
            LOGGER.warn(renamedWarning);
            setWarningMessage(renamedWarning);
        }
    }

    @Override
    protected void reset() {
        // no internal state: outputs are KNIME's
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        // no internal state
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        // no internal state
    }
}
