package org.xasdaml.knime.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.xasdaml.workflow.ParameterSet;
import org.xasdaml.workflow.ParameterSpec;

/**
 * A node's saved settings read under today's parameter names: the KNIME node model loads and
 * validates through this, and the tests of old workflows read their settings.xml the same way.
 *
 * <p>Each parameter is looked up under its name, then under its former names
 * ({@code @FormerName}), with its own setting kind (a rename keeps the entry's type); a parameter
 * the settings lack keeps its default (a workflow saved before it existed). Values found under a
 * former name are converted by {@link ParameterSet#withCurrentNames} and reported to {@code warn},
 * so the node can tell the user that saving the workflow again writes the new names.
 */
public final class SavedSettings {
    private SavedSettings() {
    }

    /**
     * Typed access to one node's saved entries (KNIME's {@code NodeSettingsRO}, or settings.xml
     * parsed in a test).
     *
     * @param <E> what reading an entry throws
     */
    public interface Entries<E extends Exception> {
        boolean has(String key);

        /** The entry as text, read with the kind's typed getter (doubles as {@code Double.toString}). */
        String text(String key, SettingKind kind) throws E;
    }

    /** Entries from text values already read (keys to values as in settings.xml); the kind is not checked. */
    public static Entries<RuntimeException> of(Map<String, String> values) {
        return new Entries<>() {
            @Override
            public boolean has(String key) {
                return values.containsKey(key);
            }

            @Override
            public String text(String key, SettingKind kind) {
                return values.get(key);
            }
        };
    }

    /**
     * The saved values by today's parameter names, for {@code parameters.fromText}.
     *
     * @throws E when an entry cannot be read as its kind
     * @throws org.xasdaml.workflow.InvalidParameterException when a value is saved under both a
     *         parameter's name and a former name of it
     */
    public static <E extends Exception> Map<String, String> read(ParameterSet<?> parameters, Entries<E> saved, Consumer<String> warn)
            throws E {
        Map<String, String> found = new LinkedHashMap<>();
        for (ParameterSpec s : parameters.specs()) {
            SettingKind kind = SettingKind.of(s);
            if (saved.has(s.name())) {
                found.put(s.name(), orEmpty(saved.text(s.name(), kind)));
            }
            for (ParameterSpec.Former f : s.formerNames()) {
                if (saved.has(f.name())) {
                    found.put(f.name(), orEmpty(saved.text(f.name(), kind)));
                }
            }
        }
        return parameters.withCurrentNames(found, warn);
    }

    /** Every key of saved settings that is neither a parameter's name nor a former name of one (a parameter removed since). */
    public static List<String> unknownKeys(ParameterSet<?> parameters, Iterable<String> savedKeys) {
        List<String> out = new java.util.ArrayList<>();
        for (String k : savedKeys) {
            boolean known = parameters.specs().stream()
                    .anyMatch(s -> s.name().equals(k) || s.formerNames().stream().anyMatch(f -> f.name().equals(k)));
            if (!known) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The node's warning after loading settings with former names (null when there were none):
     * what was read as what, and that saving the workflow stores today's names.
     */
    public static String warning(List<String> renamed) {
        if (renamed.isEmpty()) {
            return null;
        }
        return "Settings saved by an earlier version were read under today's names (save the workflow to keep them so): "
                + String.join(" ", renamed);
    }

    private static String orEmpty(String v) {
        return v == null ? "" : v;
    }
}
