package org.xasdaml.knime.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the committed generated files from the steps: the KNIME plugin's {@code plugin.xml}
 * and the example workflows (.knwf and their command-line form). CI tests fail when these are out
 * of date; {@code mvn -f plugins/xasdaml-knime-gen/pom.xml compile exec:java} runs this.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static final String PLUGIN_XML = "plugins/org.xasdaml.knime/plugin.xml";
    public static final String EXAMPLES = "example-workflows";

    public static void write(Path repo, NodeSet nodes) throws IOException {
        Files.writeString(repo.resolve(PLUGIN_XML), PluginXmlWriter.write(nodes));
        Path ex = repo.resolve(EXAMPLES);
        Files.createDirectories(ex);
        for (WorkflowDescription wf : ExampleWorkflows.all()) {
            Files.write(ex.resolve(wf.name() + ".knwf"), KnwfWriter.write(wf, nodes));
            Files.writeString(ex.resolve(wf.name() + ".txt"), CliWorkflowWriter.text(wf, nodes, ExampleWorkflows.CLI_OUT + wf.name()));
            Files.writeString(ex.resolve(wf.name() + ".json"), CliWorkflowWriter.json(wf, nodes, ExampleWorkflows.CLI_OUT + wf.name()));
        }
    }

    /** {@code ProjectFiles <repository root>}. */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path repo = Path.of(args.length > 0 ? args[0] : "../..").toAbsolutePath().normalize();
        if (!Files.isDirectory(repo.resolve("plugins"))) {
            throw new IOException(repo + " is not the repository root (no plugins/ folder)");
        }
        write(repo, NodeSet.load());
        System.out.println("wrote " + PLUGIN_XML + " and " + EXAMPLES + "/ under " + repo);
    }
}
