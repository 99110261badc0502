package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepInfo;

/**
 * A workflow as data: steps with their settings and positions, and connections from output ports
 * to input ports, named as the steps name them. One description gives both the KNIME workflow
 * ({@link KnwfWriter}) and the same workflow as command lines ({@link CliWorkflowWriter}).
 *
 * @param name        workflow name (the .knwf's folder)
 * @param description what the workflow does
 * @param variables   workflow variables (name to default text), e.g. the input file, overridable in batch runs
 * @param nodes       the steps
 * @param connections the edges
 * @param files       data files inside the workflow folder (workflow-relative path to content), so the
 *                    workflow runs as opened: relative paths in settings are resolved against the workflow
 */
public record WorkflowDescription(String name, String description, Map<String, String> variables, List<Node> nodes,
                                  List<Connection> connections, Map<String, byte[]> files) {

    /**
     * One step of the workflow.
     *
     * @param id        node number (KNIME's node id, and the order of the command lines)
     * @param stepId    the step
     * @param label     short name for folders and annotations, e.g. "feff"
     * @param settings  parameter values as text, by parameter name; the others keep the step's defaults
     * @param variables parameters taken from workflow variables (parameter name to variable name)
     * @param x         editor position
     * @param y         editor position
     */
    public record Node(int id, String stepId, String label, Map<String, String> settings, Map<String, String> variables,
                       int x, int y) {
        public Node {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            variables = org.xasdaml.io.OrderedCopy.of(variables);
            if (!label.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("node label must be lower-case words with dashes: " + label);
            }
        }
    }

    /** An edge from a node's output port to another node's input port, by port name. */
    public record Connection(int source, String sourcePort, int dest, String destPort) {
    }

    public WorkflowDescription {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        nodes = List.copyOf(nodes);
        connections = List.copyOf(connections);
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        for (String f : files.keySet()) {
            if (!f.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || f.contains("..")) {
                throw new IllegalArgumentException("workflow file must be a plain relative path: " + f);
            }
        }
    }

    public Node node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node #" + id + " in workflow " + name));
    }

    /**
     * The part of this workflow a node needs: the node and everything upstream of it, with their
     * connections, variables and files, as a workflow of its own.
     */
    public WorkflowDescription upstreamOf(int id, String newName, String newDescription) {
        java.util.Set<Integer> keep = new java.util.TreeSet<>();
        java.util.Deque<Integer> todo = new java.util.ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            int n = todo.pop();
            if (keep.add(n)) {
                connections.stream().filter(c -> c.dest() == n).forEach(c -> todo.push(c.source()));
            }
        }
        return new WorkflowDescription(newName, newDescription, variables, nodes.stream().filter(n -> keep.contains(n.id())).toList(),
                connections.stream().filter(c -> keep.contains(c.source()) && keep.contains(c.dest())).toList(), files);
    }

    /** The connection feeding a node's input port, or null. */
    public Connection feeding(int dest, String destPort) {
        return connections.stream().filter(c -> c.dest() == dest && c.destPort().equals(destPort)).findFirst().orElse(null);
    }

    /**
     * What is wrong with this workflow against a node set: steps without a node, settings a step
     * rejects, unknown ports, ports of different types joined, inputs fed twice or required inputs
     * left open, variables used but not declared. Empty when the workflow can run.
     */
    public List<String> problems(NodeSet nodeSet) {
        List<String> out = new ArrayList<>();
        Map<Integer, Step<?>> steps = new HashMap<>();
        for (Node n : nodes) {
            if (steps.containsKey(n.id())) {
                out.add("node id #" + n.id() + " is used twice");
            }
            Step<?> s;
            try {
                s = nodeSet.byStep(n.stepId()).step();
            } catch (IllegalArgumentException e) {
                out.add("node #" + n.id() + ": " + e.getMessage());
                continue;
            }
            steps.put(n.id(), s);
            try {
                s.parameters().fromText(n.settings());
            } catch (IllegalArgumentException e) {
                out.add("node #" + n.id() + " (" + n.stepId() + "): " + e.getMessage());
            }
            for (Map.Entry<String, String> v : n.variables().entrySet()) {
                if (!variables.containsKey(v.getValue())) {
                    out.add("node #" + n.id() + " uses workflow variable '" + v.getValue() + "', which is not declared");
                }
                if (s.parameters().specs().stream().noneMatch(p -> p.name().equals(v.getKey()))) {
                    out.add("node #" + n.id() + " binds unknown parameter '" + v.getKey() + "' to a variable");
                }
            }
        }
        Map<String, Integer> fed = new HashMap<>();
        for (Connection c : connections) {
            Step<?> from = steps.get(c.source());
            Step<?> to = steps.get(c.dest());
            if (from == null || to == null) {
                out.add("connection " + c + " joins a node that is not in the workflow");
                continue;
            }
            Port<?> op = port(from.info().outputs(), c.sourcePort());
            Port<?> ip = port(to.info().inputs(), c.destPort());
            if (op == null) {
                out.add("node #" + c.source() + " (" + from.info().id() + ") has no output '" + c.sourcePort() + "'");
            }
            if (ip == null) {
                out.add("node #" + c.dest() + " (" + to.info().id() + ") has no input '" + c.destPort() + "'");
            }
            if (op != null && ip != null && !op.type().id().equals(ip.type().id())) {
                out.add("connection " + c + " joins a " + op.type().id() + " output to a " + ip.type().id() + " input");
            }
            if (fed.merge(c.dest() + "/" + c.destPort(), 1, Integer::sum) > 1) {
                out.add("input '" + c.destPort() + "' of node #" + c.dest() + " is fed by more than one connection");
            }
        }
        for (Node n : nodes) {
            Step<?> s = steps.get(n.id());
            if (s == null) {
                continue;
            }
            for (Port<?> p : s.info().inputs()) {
                if (!p.optional() && !fed.containsKey(n.id() + "/" + p.name())) {
                    out.add("required input '" + p.name() + "' of node #" + n.id() + " (" + n.stepId() + ") is not connected");
                }
            }
        }
        return out;
    }

    static Port<?> port(List<Port<?>> ports, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Index of a named port among a step's ports. */
    static int index(List<Port<?>> ports, String name) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no port '" + name + "'");
    }

    /** Builds a description node by node. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        public Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder variable(String variable, String defaultValue) {
            variables.put(variable, defaultValue);
            return this;
        }

        /** Adds a node; returns its id (1, 2, ...). */
        public int node(String stepId, String label, int x, int y, Map<String, String> settings) {
            return node(stepId, label, x, y, settings, Map.of());
        }

        public int node(String stepId, String label, int x, int y, Map<String, String> settings, Map<String, String> vars) {
            int id = nodes.size() + 1;
            nodes.add(new Node(id, stepId, label, settings, vars, x, y));
            return id;
        }

        /** Puts a data file into the workflow folder at a workflow-relative path. */
        public Builder file(String path, byte[] content) {
            files.put(path, content.clone());
            return this;
        }

        public Builder connect(int source, String sourcePort, int dest, String destPort) {
            connections.add(new Connection(source, sourcePort, dest, destPort));
            return this;
        }

        public WorkflowDescription build() {
            return new WorkflowDescription(name, description, variables, nodes, connections, files);
        }
    }

    /** The step info of a node, for writers. */
    static StepInfo info(NodeSet set, Node n) {
        return set.byStep(n.stepId()).step().info();
    }
}
