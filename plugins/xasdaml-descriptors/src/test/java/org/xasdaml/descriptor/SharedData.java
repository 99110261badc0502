package org.xasdaml.descriptor;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared Cu dataset (../shared/data next to the repository). */
final class SharedData {
    private SharedData() {
    }

    static Path file(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(c)) {
                return c;
            }
            c = p.resolveSibling("shared").resolve("data").resolve(name);
            if (p.getParent() != null && Files.isRegularFile(c)) {
                return c;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared dataset file " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
