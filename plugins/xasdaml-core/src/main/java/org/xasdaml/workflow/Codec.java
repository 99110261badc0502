package org.xasdaml.workflow;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a port's data is stored in a run folder on disk, for the command line (KNIME keeps the same
 * bytes inside its port objects).
 *
 * @param <T> the port's data type
 */
public interface Codec<T> {
    /** Writes the value at {@code base} (a path without extension; the codec adds its own). */
    void write(T value, Path base) throws IOException;

    /** Reads what {@link #write} wrote at {@code base}. */
    T read(Path base) throws IOException;

    /** Whether something this codec can read is stored at {@code base}. */
    boolean exists(Path base);
}
