package org.xasdaml.xafs.io;

import java.io.IOException;
import java.util.Locale;

/**
 * A data file that cannot be read as the expected format. The message is always
 * {@code "<file>, line <n>: <problem>"} (or {@code "<file>: <problem>"} when no single line is to
 * blame), so a user can open the file at the right place.
 */
public class XafsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file name as given by the caller
     * @param line    1-based line number, or 0 if the problem is not on one line
     * @param problem what is wrong, with the offending value
     */
    public XafsFileException(String file, int line, String problem) {
        super(line > 0 ? String.format(Locale.ROOT, "%s, line %d: %s", file, line, problem)
                : String.format(Locale.ROOT, "%s: %s", file, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return the 1-based line number, 0 if none */
    public int line() {
        return line;
    }

    /** @return the problem, without file and line */
    public String problem() {
        return problem;
    }
}
