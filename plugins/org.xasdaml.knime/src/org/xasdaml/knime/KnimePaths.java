package org.xasdaml.knime;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;
import org.xasdaml.knime.gen.KnimeUrls;
import org.xasdaml.workflow.ParameterSet;

/**
 * Resolves the path settings of a node with KNIME's URL handlers before the step sees them:
 * {@code knime://} URLs, and relative paths as workflow-relative ones ({@link KnimeUrls} decides which).
 */
final class KnimePaths {
    private KnimePaths() {
    }

    /** The options with every path setting resolved to a local path. */
    static <P extends Record> Record resolve(ParameterSet<P> parameters, Record options) throws InvalidSettingsException {
        @SuppressWarnings("unchecked")
        P typed = (P) options;
        Map<String, String> text = parameters.toText(typed);
        Map<String, String> resolved;
        try {
            resolved = KnimeUrls.resolvePaths(parameters.specs(), text, KnimePaths::local);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return resolved.equals(text) ? options : parameters.fromText(resolved);
    }

    private static String local(String url) {
        try {
            Path p = FileUtil.resolveToPath(new URL(url));
            if (p == null) {
                throw new IllegalArgumentException(url + " is not a file on this computer; copy it into the workflow's data "
                        + "folder and give the path relative to the workflow");
            }
            return p.toString();
        } catch (java.net.MalformedURLException e) {
            // no handler for knime:// in this KNIME (it comes with the ECF bundles, which a headless or minimal
            // installation may lack): a workflow-relative URL is still resolved, against the running workflow's folder
            Path w = workflowRelative(url);
            if (w != null) {
                return w.toString();
            }
            throw new IllegalArgumentException("cannot resolve " + url + ": " + e.getMessage(), e);
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot resolve " + url + ": " + e.getMessage(), e);
        }
    }

    /** {@code knime://knime.workflow/<path>} against the local folder of the workflow the node runs in; null if none. */
    private static Path workflowRelative(String url) {
        if (!url.startsWith(KnimeUrls.WORKFLOW)) {
            return null;
        }
        org.knime.core.node.workflow.NodeContext ctx = org.knime.core.node.workflow.NodeContext.getContext();
        if (ctx == null || ctx.getWorkflowManager() == null || ctx.getWorkflowManager().getContextV2() == null) {
            return null;
        }
        Path root = ctx.getWorkflowManager().getContextV2().getExecutorInfo().getLocalWorkflowPath();
        String rel = java.net.URLDecoder.decode(url.substring(KnimeUrls.WORKFLOW.length()), java.nio.charset.StandardCharsets.UTF_8);
        return root.resolve(rel).normalize();
    }
}
