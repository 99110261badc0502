package org.xasdaml.knime.gen;

import java.util.List;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortType;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.StepRegistry;

/** Small steps with every parameter kind and every port kind, for the generator tests. */
final class FakeSteps {
    private FakeSteps() {
    }

    static final PortType<SampleTable> MODEL = new PortType<>("model-archive", SampleTable.class, "A trained model",
            false, PortTypes.TABLE.codec());

    /** Structures and a table in; a table, figures and a model out; one parameter of each kind. */
    static final class Fit implements Step<Fit.Options> {
        static final Port<StructureSet> STRUCTURES = Port.of("structures", PortTypes.STRUCTURES, "The structures");
        static final Port<SampleTable> LABELS = Port.optional("trainingLabels", PortTypes.TABLE, "Labels to fit");
        static final Port<SampleTable> OUT = Port.of("scores", PortTypes.TABLE, "Scores per sample");
        static final Port<FigureSet> PLOTS = Port.of("plots", PortTypes.FIGURES, "Loss curves");
        static final Port<SampleTable> MODEL_OUT = Port.of("model", MODEL, "The model");

        enum Mode { FAST, FULL_SCF }

        record Options(
                @Param(description = "Number of epochs", group = "Training", min = 1, max = 10000) int epochs,
                @Param(description = "Random seed", advanced = true) long seed,
                @Param(description = "Learning rate", unit = "1/step", min = 0, max = 1, group = "Training", appliesWhen = "mode=fast")
                double rate,
                @Param(description = "Standardise first") boolean standardise,
                @Param(description = "A name & <note>") String name,
                @Param(description = "Method", choices = {"JmolNN", "VoronoiNN"}) String method,
                @Param(description = "Mode") Mode mode,
                @Param(description = "Input file", file = true) String file,
                @Param(description = "Targets", choices = {"CN", "CR"}) List<String> targets,
                @Param(description = "Layer widths", advanced = true) List<Double> widths) {
            Options {
                if (targets.isEmpty()) {
                    throw new IllegalArgumentException("give at least one target");
                }
            }
        }

        @Override
        public StepInfo info() {
            return new StepInfo("fake-fit", List.of("fake", "fit"), "Fake Fit", Category.MACHINE_LEARNING, "M10",
                    "Fits nothing.", "First paragraph\nwrapped.\n\nSecond <paragraph> & more.",
                    List.of(STRUCTURES, LABELS), List.of(OUT, PLOTS, MODEL_OUT));
        }

        @Override
        public Options defaults() {
            return new Options(100, 7L, 0.001, true, "", "JmolNN", Mode.FAST, "", List.of("CN"), List.of(512.0, 256.0));
        }

        @Override
        public StepData run(StepData inputs, Options options, StepContext context) {
            throw new UnsupportedOperationException("not run in these tests");
        }
    }

    static final List<NodeDeclaration> DECLARATIONS = List.of(
            new NodeDeclaration("read-structures", "ReadStructuresNodeFactory", NodeDeclaration.NodeType.SOURCE),
            new NodeDeclaration("fake-fit", "FakeFitNodeFactory", NodeDeclaration.NodeType.LEARNER));

    static StepRegistry registry() {
        return StepRegistry.of(List.of(new ReadStructuresStep(), new Fit()));
    }

    static NodeSet nodeSet() {
        return NodeSet.of(DECLARATIONS, registry());
    }
}
