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
 */
record CommandLine(List<String> words, Map<String, String> options) {

    static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
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
        return new CommandLine(words, options);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(options.getOrDefault(name, "false"));
    }
}
