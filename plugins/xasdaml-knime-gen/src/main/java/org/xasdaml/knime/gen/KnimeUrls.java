package org.xasdaml.knime.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.xasdaml.workflow.ParameterSpec;

/**
 * How a path setting is read inside KNIME: a KNIME URL ({@code knime://knime.workflow/data/cu.dump},
 * {@code knime://LOCAL/...}) or a {@code file:} URL is resolved by KNIME; an absolute path is
 * used as it is; a relative path is taken relative to the workflow folder (so an example workflow
 * runs wherever it is opened, whatever folder KNIME was started in). The KNIME node model resolves
 * the URLs this gives with KNIME's own URL handlers.
 */
public final class KnimeUrls {
    private KnimeUrls() {
    }

    /** The workflow-relative URL prefix of KNIME. */
    public static final String WORKFLOW = "knime://knime.workflow/";

    /**
     * The URL to resolve for a path value, or null when the value is an absolute local path (or
     * empty) and is used as it is.
     */
    public static String urlOf(String value) {
        String v = value.strip();
        if (v.isEmpty() || isAbsolutePath(v)) {
            return null;
        }
        if (v.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return v;
        }
        String rel = v.replace('\\', '/');
        while (rel.startsWith("./")) {
            rel = rel.substring(2);
        }
        return WORKFLOW + rel.replace("%", "%25").replace(" ", "%20");
    }

    /** "/x", "\\\\server\\share", "C:\\x" or "C:/x": absolute on some desktop. */
    static boolean isAbsolutePath(String v) {
        return v.startsWith("/") || v.startsWith("\\\\") || v.matches("[A-Za-z]:[\\\\/].*");
    }

    /**
     * The settings with every path (file, folder, each of a list of files) passed through a
     * resolver; other settings unchanged. The resolver gets the URL text from {@link #urlOf} and
     * returns a local path.
     */
    public static Map<String, String> resolvePaths(List<ParameterSpec> specs, Map<String, String> settings,
                                                   UnaryOperator<String> resolver) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        for (ParameterSpec s : specs) {
            String v = settings.get(s.name());
            if (v == null || s.path() == ParameterSpec.PathKind.NONE) {
                continue;
            }
            if (s.path() == ParameterSpec.PathKind.FILES) {
                List<String> items = new ArrayList<>();
                for (String item : v.split(",")) {
                    if (!item.isBlank()) {
                        items.add(resolveOne(item, resolver));
                    }
                }
                out.put(s.name(), String.join(",", items));
            } else {
                out.put(s.name(), resolveOne(v, resolver));
            }
        }
        return out;
    }

    private static String resolveOne(String value, UnaryOperator<String> resolver) {
        String url = urlOf(value);
        return url == null ? value.strip() : resolver.apply(url);
    }
}
