package org.xasdaml.descriptor;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Cu dataset bundled with the project (data/ at the repository root). */
final class SharedData {
    private SharedData() {
    }

    static Path file(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("data").resolve(name);
            if (Files.isRegularFile(c)) {
                return c;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("dataset file " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
