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

    /**
     * The frames of one file as a reader parses them, under the one skip rule of every format: a
     * malformed frame stops the read, unless {@link ReadOptions#skipBadFrames()} asks to record it
     * and go on.
     */
    static final class Collector {
        private final boolean skipBadFrames;
        private final List<Frame> frames = new java.util.ArrayList<>();
        private final List<StructureFileException> skipped = new java.util.ArrayList<>();

        Collector(ReadOptions options) {
            this.skipBadFrames = options.skipBadFrames();
        }

        /**
         * Parses one frame and keeps it.
         *
         * @return false when the frame was malformed and skipped (the reader may need to find the next one)
         * @throws StructureFileException when it was malformed and skipping was not asked for
         */
        boolean add(java.util.function.Supplier<Frame> parse) {
            try {
                frames.add(parse.get());
                return true;
            } catch (StructureFileException e) {
                if (!skipBadFrames) {
                    throw e;
                }
                skipped.add(e);
                return false;
            }
        }

        ReadResult result() {
            return new ReadResult(frames, skipped);
        }
    }
}
