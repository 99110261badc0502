package org.xasdaml.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line words split into the command, positional arguments and {@code --option value}
 * pairs. A flag followed by another option or by nothing means "true", so boolean parameters
 * read naturally ({@code --skip-bad-frames}).
 *
 * @param words      leading words before the first option (command and positionals)
 * @param options    option name (without dashes) to value, in order
 * @param bare       options given without a value (flags)
 */
record CommandLine(List<String> words, Map<String, String> options, java.util.Set<String> bare) {

    static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        java.util.Set<String> bare = new java.util.HashSet<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                    i++;
                } else if (i + 1 < args.length && !(args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                    value = args[i + 1];
                    i += 2;
                } else {
                    value = "true";
                    bare.add(name);
                    i++;
                }
                if (options.containsKey(name)) {
                    throw new UsageException("option --" + name + " given twice");
                }
                options.put(name, value);
            } else if (a.equals("-h")) {
                options.put("help", "true");
                i++;
            } else {
                words.add(a);
                i++;
            }
        }
        return new CommandLine(words, options, java.util.Set.copyOf(bare));
    }

    /**
     * The output folder given with {@code --out}, or {@code fallback} when there is none (null:
     * required). An empty name or a missing value is refused rather than read as the current
     * folder or a folder named "true".
     */
    java.nio.file.Path out(String fallback) {
        String v = options.get("out");
        if (v == null) {
            if (fallback == null) {
                throw new UsageException("give an output folder with --out DIR");
            }
            return java.nio.file.Path.of(fallback);
        }
        if (bare.contains("out") || v.isBlank()) {
            throw new UsageException("--out needs a folder name (--out DIR); an empty one would write into the current folder");
        }
        return java.nio.file.Path.of(v);
    }

    /** The number of workers (--workers N), or the number of cores. */
    int workers() {
        String v = options.get("workers");
        if (v == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--workers needs a whole number of at least 1, got '" + v + "'");
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(options.getOrDefault(name, "false"));
    }
}
