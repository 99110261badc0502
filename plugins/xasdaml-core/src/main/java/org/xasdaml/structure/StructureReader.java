package org.xasdaml.structure;

import java.nio.file.Path;

/** Reads every frame of one structure file. */
public interface StructureReader {
    /**
     * @throws StructureFileException naming file, frame and line, unless the options ask to skip
     *         bad frames, in which case those are reported in the result
     */
    ReadResult read(Path file, ReadOptions options);
}
