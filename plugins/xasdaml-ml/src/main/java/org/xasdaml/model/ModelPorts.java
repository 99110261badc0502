package org.xasdaml.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xasdaml.workflow.Codec;
import org.xasdaml.workflow.PortType;

/** Port types of the machine-learning module: the trained model archive. */
public final class ModelPorts {
    private ModelPorts() {
    }

    /**
     * A trained model ({@link ModelArchive}), stored as {@code <port>.xasmodel}. Its columns before running ({@code Step#outputColumns}) are those of the
     * predictions it makes: each target with its spread and interval, then the domain score.
     */
    public static final PortType<ModelArchive> MODEL = new PortType<>("model", ModelArchive.class,
            "A trained model archive: network(s) or forest(s), the input grid, the feature transform, targets, class "
                    + "mapping, hyperparameters, training provenance and metrics", false, new ArchiveCodec());

    /** Writes and reads {@code <base>.xasmodel}. */
    public static final class ArchiveCodec implements Codec<ModelArchive> {
        @Override
        public void write(ModelArchive value, Path base) throws IOException {
            value.write(file(base));
        }

        @Override
        public ModelArchive read(Path base) throws IOException {
            return ModelArchive.read(file(base));
        }

        @Override
        public boolean exists(Path base) {
            return Files.isRegularFile(file(base));
        }

        private static Path file(Path base) {
            String s = base.getFileName().toString();
            return s.endsWith(ModelArchive.EXTENSION) ? base : base.resolveSibling(s + ModelArchive.EXTENSION);
        }
    }
}
