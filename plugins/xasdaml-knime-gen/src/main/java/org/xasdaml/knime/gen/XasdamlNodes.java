package org.xasdaml.knime.gen;

import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.LEARNER;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.MANIPULATOR;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.OTHER;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.PREDICTOR;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.SOURCE;
import static org.xasdaml.knime.gen.NodeDeclaration.NodeType.VISUALIZER;

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
 * CI test say which); its parameters, ports and descriptions need none.
 */
public final class XasdamlNodes {
    private XasdamlNodes() {
    }

    /** One declaration per step, in no particular order (the node repository sorts by category). */
    public static final List<NodeDeclaration> ALL = List.of(
            node("read-structures", "ReadStructuresNodeFactory", SOURCE),
            node("merge-structures", "MergeStructuresNodeFactory", MANIPULATOR),
            node("feff", "FeffNodeFactory", MANIPULATOR),
            node("wavelet", "WaveletNodeFactory", MANIPULATOR),
            node("descriptors", "DescriptorsNodeFactory", MANIPULATOR),
            node("reconcile", "ReconcileNodeFactory", MANIPULATOR),
            node("features", "FeaturesNodeFactory", MANIPULATOR),
            node("filter", "FilterNodeFactory", MANIPULATOR),
            node("split", "SplitNodeFactory", MANIPULATOR),
            node("standardise", "StandardiseNodeFactory", LEARNER),
            node("plots", "PlotsNodeFactory", VISUALIZER),
            node("statistics", "StatisticsNodeFactory", VISUALIZER),
            node("analysis", "AnalysisNodeFactory", LEARNER),
            node("train", "TrainModelNodeFactory", LEARNER),
            node("predict", "PredictNodeFactory", PREDICTOR),
            node("predict-measured", "PredictMeasuredNodeFactory", PREDICTOR),
            node("evaluate", "EvaluateNodeFactory", VISUALIZER),
            node("compare-models", "CompareModelsNodeFactory", OTHER));

    private static NodeDeclaration node(String stepId, String factory, NodeDeclaration.NodeType type) {
        return new NodeDeclaration(stepId, factory, type);
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
