package org.xasdaml.structure;

import java.nio.file.Path;

/**
 * A structure file that cannot be read as written, located by file, frame and line so the user
 * can open the file at the place that is wrong.
 */
public class StructureFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int frame;
    private final long line;
    private final String problem;

    public StructureFileException(Path file, int frame, long line, String problem) {
        super(format(file, frame, line, problem));
        this.file = file;
        this.frame = frame;
        this.line = line;
        this.problem = problem;
    }

    static String format(Path file, int frame, long line, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.getFileName().toString());
        if (frame >= 0) {
            sb.append(", frame ").append(frame);
        }
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        return sb.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** 0-based frame index, or -1 when the problem is not in a frame. */
    public int frame() {
        return frame;
    }

    /** 1-based line number, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
