package org.xasdaml.knime.gen;

import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.LEARNER;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.MANIPULATOR;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.OTHER;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.PREDICTOR;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.SOURCE;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.VISUALIZER;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.ARROW;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.ATOMS;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.CLUSTERS;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.COMPARE;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.CURVES;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.FORK;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.FUNNEL;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.GRID;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.HISTOGRAM;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.MEASURED;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.NEIGHBOURS;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.NETWORK;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.PARITY;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.SCALE;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.SPECTRUM;
import static org.xasdaml.knime.gen.NodeIcons.Glyph.WAVELET;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepRegistry;

/**
 * The node set: one line per step. A new step needs exactly one line here (the check below and its
 * CI test say which), {@code node("step-id", "StepIdNodeFactory", MANIPULATOR)}, optionally with a
 * {@link NodeIcons.Glyph} as fourth argument; its parameters, dialog groups, ports, output columns
 * and descriptions need none here (they come from the step's {@code @Param} declarations and info).
 */
public final class XasdamlNodes {
    private XasdamlNodes() {
    }

    /** One declaration per step, in no particular order (the node repository sorts by category). */
    public static final List<NodeDeclaration> ALL = List.of(
            node("read-structures", "ReadStructuresNodeFactory", SOURCE, ATOMS),
            node("merge-structures", "MergeStructuresNodeFactory", MANIPULATOR),
            node("feff", "FeffNodeFactory", MANIPULATOR, SPECTRUM),
            node("wavelet", "WaveletNodeFactory", MANIPULATOR, WAVELET),
            node("descriptors", "DescriptorsNodeFactory", MANIPULATOR, NEIGHBOURS),
            node("reconcile", "ReconcileNodeFactory", MANIPULATOR, GRID),
            node("features", "FeaturesNodeFactory", MANIPULATOR),
            node("read-spectra", "ReadSpectraNodeFactory", SOURCE),
            node("normalise", "NormaliseNodeFactory", MANIPULATOR),
            node("align", "AlignNodeFactory", MANIPULATOR),
            node("autobk", "AutobkNodeFactory", MANIPULATOR),
            node("xftf", "XftfNodeFactory", MANIPULATOR),
            node("xftr", "XftrNodeFactory", MANIPULATOR),
            node("filter", "FilterNodeFactory", MANIPULATOR, FUNNEL),
            node("split", "SplitNodeFactory", MANIPULATOR, FORK),
            node("standardise", "StandardiseNodeFactory", LEARNER, SCALE),
            node("plots", "PlotsNodeFactory", VISUALIZER, CURVES),
            node("statistics", "StatisticsNodeFactory", VISUALIZER, HISTOGRAM),
            node("analysis", "AnalysisNodeFactory", LEARNER, CLUSTERS),
            node("train", "TrainModelNodeFactory", LEARNER, NETWORK),
            node("predict", "PredictNodeFactory", PREDICTOR, ARROW),
            node("predict-measured", "PredictMeasuredNodeFactory", PREDICTOR, MEASURED),
            node("evaluate", "EvaluateNodeFactory", VISUALIZER, PARITY),
            node("compare-models", "CompareModelsNodeFactory", OTHER, COMPARE));

    /** A node whose icon shows a pattern made from its step id. */
    private static NodeDeclaration node(String stepId, String factory, NodeDeclaration.NodeType type) {
        return new NodeDeclaration(stepId, factory, type);
    }

    /** A node whose icon shows a picture of what it does. */
    private static NodeDeclaration node(String stepId, String factory, NodeDeclaration.NodeType type, NodeIcons.Glyph glyph) {
        return new NodeDeclaration(stepId, factory, type, glyph);
    }

    /**
     * What is wrong between declarations and registered steps: a step without a declaration or with
     * two, a declaration naming no step, two nodes sharing a factory name. Empty when all is well.
     */
    public static List<String> problems(List<NodeDeclaration> declarations, StepRegistry registry) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> perStep = new HashMap<>();
        Set<String> factories = new TreeSet<>();
        for (NodeDeclaration d : declarations) {
            perStep.merge(d.stepId(), 1, Integer::sum);
            if (!factories.add(d.factory())) {
                out.add("factory name " + d.factory() + " is declared for more than one node");
            }
        }
        Set<String> stepIds = new TreeSet<>();
        for (Step<?> s : registry.steps()) {
            String id = s.info().id();
            stepIds.add(id);
            int n = perStep.getOrDefault(id, 0);
            if (n == 0) {
                out.add("step '" + id + "' (" + s.getClass().getName() + ") has no node declaration; add to "
                        + XasdamlNodes.class.getName() + ".ALL: node(\"" + id + "\", \"" + suggestedFactory(id)
                        + "\", <node type>)");
            } else if (n > 1) {
                out.add("step '" + id + "' has " + n + " node declarations; it needs exactly one");
            }
        }
        for (String id : perStep.keySet()) {
            if (!stepIds.contains(id)) {
                out.add("node declaration for '" + id + "' names no registered step");
            }
        }
        return out;
    }

    /** "read-structures" becomes "ReadStructuresNodeFactory". */
    public static String suggestedFactory(String stepId) {
        StringBuilder sb = new StringBuilder();
        for (String w : stepId.split("-")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.append("NodeFactory").toString();
    }
}
