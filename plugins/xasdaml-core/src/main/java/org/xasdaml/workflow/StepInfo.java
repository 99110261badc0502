package org.xasdaml.workflow;

import java.util.List;

/**
 * What a step is, as data: the command line's subcommand and help, the KNIME node's name,
 * category, description and ports are all generated from it.
 *
 * @param id          stable identifier, e.g. "descriptors" (KNIME factory and settings use it)
 * @param command     command-line words, e.g. ["descriptors", "compute"]
 * @param title       node name, e.g. "Structure Descriptors"
 * @param category    paper block
 * @param module      the paper's module(s), e.g. "M2"
 * @param summary     one sentence
 * @param description a few paragraphs for help and node descriptions (plain text; blank lines separate paragraphs)
 * @param inputs      input ports
 * @param outputs     output ports
 */
public record StepInfo(String id, List<String> command, String title, Category category, String module,
                       String summary, String description, List<Port<?>> inputs, List<Port<?>> outputs) {
    public StepInfo {
        command = List.copyOf(command);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("step id must be lower-case words with dashes: " + id);
        }
    }
}
