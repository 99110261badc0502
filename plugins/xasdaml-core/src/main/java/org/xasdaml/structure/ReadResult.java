package org.xasdaml.structure;

import java.util.List;

/**
 * The frames read from a file, and the frames skipped (with why) when skipping was asked for.
 */
public record ReadResult(List<Frame> frames, List<StructureFileException> skipped) {
    public ReadResult {
        frames = List.copyOf(frames);
        skipped = List.copyOf(skipped);
    }
}
