package org.xasdaml.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.Codec;
import org.xasdaml.workflow.PortType;

/** Port types of the curation module: the fitted standardiser and result summaries. */
public final class CurationPorts {
    private CurationPorts() {
    }

    /** A fitted {@link Standardizer}, stored as {@code <port>.json}. */
    public static final PortType<Standardizer> TRANSFORM = new PortType<>("transform", Standardizer.class,
            "A feature transform (z-score or min-max scaling, optional PCA) fitted on the training set, with the grid it "
                    + "was fitted on", false, new StandardizerCodec());

    /** A small CSV table whose rows are not samples (statistics, explained variance, inertia, counts). */
    public static final PortType<Summary> SUMMARY = new PortType<>("summary", Summary.class,
            "A small CSV table of results whose rows are not samples: statistics, explained variance, inertia per k, "
                    + "counts per rule", false, new Summary.SummaryCodec());

    /** Writes and reads a standardiser as JSON. */
    public static final class StandardizerCodec implements Codec<Standardizer> {
        @Override
        public void write(Standardizer value, Path base) throws IOException {
            org.xasdaml.io.AtomicFiles.writeString(json(base), Json.write(value.toJson()));
        }

        @Override
        public Standardizer read(Path base) throws IOException {
            return Standardizer.fromJson(Json.parseObject(Files.readString(json(base))));
        }

        @Override
        public boolean exists(Path base) {
            Path p = json(base);
            if (!Files.isRegularFile(p)) {
                return false;
            }
            try {
                return Files.readString(p).contains("\"xasdaml-standardizer\"");
            } catch (IOException e) {
                return false;
            }
        }

        /** The JSON file: {@code <base>.json}, or {@code base} itself when it names the .json file (the help says "a file or its folder"). */
        private static Path json(Path base) {
            if (base.getFileName().toString().endsWith(".json") && Files.isRegularFile(base)) {
                return base;
            }
            return base.resolveSibling(base.getFileName() + ".json");
        }
    }
}
