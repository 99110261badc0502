package org.xasdaml.xafs.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a text file (gzip recognised by its magic bytes, ISO-8859-1 fallback is unnecessary
 * because only ASCII matters for numbers) and the strict number parsing shared by the readers.
 */
final class TextFile {

    /** Decimal or Fortran (D exponent) number; no hex, no Java suffixes like "1f" (the definition; {@link #isNumber} checks it). */
    static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");
    /** Infinity as C and Fortran print it, named as such in the message. */
    private static final Pattern INFINITE = Pattern.compile("[+-]?inf(inity)?");
    /** Column separators of a data line (the definition; {@link #tokens} splits without it). */
    static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    final String name;
    final List<String> lines;

    private TextFile(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    static TextFile read(Path path) throws IOException {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new XafsFileException(name, 0, "no such file");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw) : raw;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Lines end at '\n' only (a trailing '\r' is dropped): Athena writes bare '\r' inside
            // quoted strings, which readLine() would take for line ends. Files that use bare '\r'
            // as the only line end (classic Mac) are split on '\r'.
            String sep = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? "\r" : "\n";
            List<String> lines = new ArrayList<>();
            for (String l : text.split(sep, -1)) {
                lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty() || (lines.size() == 1 && lines.get(0).isBlank())) {
                throw new XafsFileException(name, 0, "file is empty");
            }
            return new TextFile(name, lines);
        } catch (java.util.zip.ZipException e) {
            throw new XafsFileException(name, 0, "corrupt gzip data: " + e.getMessage());
        }
    }

    XafsFileException error(int line, String format, Object... args) {
        return new XafsFileException(name, line, String.format(Locale.ROOT, format, args));
    }

    /**
     * Parses a finite number.
     *
     * @param token  the text
     * @param line   1-based line, for the message
     * @param column 1-based column, for the message
     */
    double number(String token, int line, int column) throws XafsFileException {
        String t = token.trim();
        if (!isNumber(t, 0, t.length())) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("nan") || lower.equals("+nan") || lower.equals("-nan")) {
                throw error(line, "column %d is NaN", column);
            }
            if (INFINITE.matcher(lower).matches()) {
                throw error(line, "column %d is infinite: '%s'", column, t);
            }
            throw error(line, "column %d is not a number: '%s'", column, t);
        }
        double v = Double.parseDouble(t.indexOf('d') < 0 && t.indexOf('D') < 0 ? t : t.replace('d', 'e').replace('D', 'e'));
        if (!Double.isFinite(v)) {
            throw error(line, "column %d overflows: '%s'", column, t);
        }
        return v;
    }

    /**
     * Whether {@code s[from, to)} is a number of the form {@link #NUMBER} describes (decimal or Fortran D
     * exponent; NaN and infinity are not), checked character by character: FEFF batches read two files of
     * about 540 rows per sample, and the regular expressions (a split and a match per number) took most of
     * the program's own CPU per sample around FEFF (FeffOverheadBench). {@code ReadersTest} checks the
     * messages; the pattern stays as the definition.
     */
    static boolean isNumber(String s, int from, int to) {
        int p = from;
        if (p < to && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            p++;
        }
        int start = p;
        while (p < to && isDigit(s.charAt(p))) {
            p++;
        }
        int whole = p - start;
        int fraction = 0;
        if (p < to && s.charAt(p) == '.') {
            p++;
            int f0 = p;
            while (p < to && isDigit(s.charAt(p))) {
                p++;
            }
            fraction = p - f0;
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (p < to && "eEdD".indexOf(s.charAt(p)) >= 0) {
            p++;
            if (p < to && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int e0 = p;
            while (p < to && isDigit(s.charAt(p))) {
                p++;
            }
            if (p == e0) {
                return false;
            }
        }
        return p == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The column separators of {@link #SEPARATORS}: whitespace as {@code \s} means it, and the comma. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /**
     * The tokens of a stripped data line, as {@code SEPARATORS.split(t)} gives them (a leading separator
     * gives an empty first token, trailing ones none), without a regular expression.
     */
    static List<String> tokens(String t) {
        List<String> out = new ArrayList<>(8);
        int n = t.length();
        int p = 0;
        while (p < n) {
            int start = p;
            while (p < n && !isSeparator(t.charAt(p))) {
                p++;
            }
            out.add(t.substring(start, p));
            while (p < n && isSeparator(t.charAt(p))) {
                p++;
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            out.clear(); // only separators: split drops the trailing empty token
        }
        return out;
    }

    /** A table row: line number (1-based) and values. */
    record Row(int line, double[] values) {
    }

    /**
     * Numeric rows of the data lines (blank lines and lines starting with a comment character
     * skipped), each with at least {@code minColumns} values.
     */
    List<Row> numericRows(int fromLine, int minColumns, String commentChars) throws XafsFileException {
        List<Row> rows = new ArrayList<>();
        for (int i = fromLine; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || commentChars.indexOf(t.charAt(0)) >= 0) {
                continue;
            }
            List<String> tok = tokens(t);
            if (tok.size() < minColumns) {
                throw error(i + 1, "expected at least %d columns, found %d", minColumns, tok.size());
            }
            double[] v = new double[tok.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = number(tok.get(c), i + 1, c + 1);
            }
            rows.add(new Row(i + 1, v));
        }
        if (rows.isEmpty()) {
            throw error(0, "no data rows");
        }
        return rows;
    }

    /** Column c (0-based) of the rows. */
    static double[] column(List<Row> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).values()[c];
        }
        return out;
    }

    /** Checks that column c increases strictly, naming the first offending line. */
    void requireIncreasing(List<Row> rows, int c, String what) throws XafsFileException {
        for (int i = 1; i < rows.size(); i++) {
            double prev = rows.get(i - 1).values()[c];
            double cur = rows.get(i).values()[c];
            if (!(cur > prev)) {
                throw error(rows.get(i).line(), "%s %s is not greater than the previous %s %s", what,
                        fmt(cur), what, fmt(prev));
            }
        }
    }

    /** Checks there are at least n rows. */
    void requireRows(List<Row> rows, int n) throws XafsFileException {
        if (rows.size() < n) {
            throw error(0, "needs at least %d data rows, found %d", n, rows.size());
        }
    }

    static String fmt(double v) {
        return Double.toString(v);
    }
}
