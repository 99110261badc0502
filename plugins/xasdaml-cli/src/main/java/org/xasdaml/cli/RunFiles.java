package org.xasdaml.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.table.SampleTable;
import org.xasdaml.table.TableCodec;

/**
 * The run folder's files as the report reads them: a file that is missing or cannot be read gives
 * null, and the report goes on without it (a report must not fail because one stage's output is
 * damaged).
 */
final class RunFiles {
    private RunFiles() {
    }

    static SampleTable table(Path base) {
        try {
            TableCodec c = new TableCodec();
            return c.exists(base) ? c.read(base) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static ModelArchiveInfo model(Path f) {
        try {
            return Files.exists(f) ? ModelArchiveInfo.read(f) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Map<String, Object> json(Path f) {
        try {
            return Files.exists(f) ? Json.parseObject(Files.readString(f)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
