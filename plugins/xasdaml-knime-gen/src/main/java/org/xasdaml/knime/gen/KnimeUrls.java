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
        return WORKFLOW + encode(rel);
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

    /**
     * A path setting as KNIME's file chooser holds it: a file-system category ({@code LOCAL},
     * {@code RELATIVE}, {@code MOUNTPOINT}, {@code CUSTOM_URL}, ... as KNIME names them), the
     * category's specifier (which folder a relative path starts from, which mount point, a URL's
     * timeout) and the path in it.
     */
    public record Location(String category, String specifier, String path) {
    }

    /** Timeout (ms) KNIME's chooser shows for a URL; only the chooser reads it, the node does not. */
    static final String URL_TIMEOUT = "1000";

    /**
     * The chooser's location for a saved path setting, chosen so that {@link #text} gives the same
     * text back (saved settings stay what the classic dialog writes): empty or absolute is a local
     * path, a URL ({@code knime://...}, {@code file:...}) a custom URL, anything else a path
     * relative to the workflow folder.
     */
    public static Location location(String text) {
        String v = text.strip();
        if (v.isEmpty() || isAbsolutePath(v)) {
            return new Location("LOCAL", "", text);
        }
        if (v.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return new Location("CUSTOM_URL", URL_TIMEOUT, text);
        }
        return new Location("RELATIVE", "knime.workflow", text);
    }

    /**
     * The text to save for what the chooser holds, in the forms the node model resolves: a local
     * path as it is, a workflow-relative one as a relative path, one relative to the mount point or
     * the workflow's data area and a mount-point path as a KNIME URL, a URL as it is. Other
     * categories (a Hub space, a connected file system) keep their path; the node then says it cannot
     * read it.
     */
    public static String text(Location l) {
        String path = l.path() == null ? "" : l.path();
        String inside = path.replace('\\', '/');
        while (inside.startsWith("/")) {
            inside = inside.substring(1);
        }
        String spec = l.specifier() == null ? "" : l.specifier();
        return switch (l.category()) {
            case "RELATIVE" -> "knime.workflow".equals(spec) ? path.replaceFirst("^[/\\\\]+", "")
                    : "knime://" + spec + "/" + encode(inside);
            case "MOUNTPOINT" -> "knime://" + spec + "/" + encode(inside);
            default -> path;
        };
    }

    private static String encode(String path) {
        return path.replace("%", "%25").replace(" ", "%20");
    }

    private static String resolveOne(String value, UnaryOperator<String> resolver) {
        String url = urlOf(value);
        return url == null ? value.strip() : resolver.apply(url);
    }
}
