package org.xasdaml.xafs.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.xafs.MuSpectrum;

/**
 * Reads Athena project files ({@code .prj}, usually gzip-compressed), the Perl-flavoured format
 * written by Athena 0.8 and Demeter:
 * <pre>
 * # Athena project file -- Demeter version 0.9.20
 * $old_group = 'xsypw';
 * &#64;args = ('label','Cu foil','bkg_e0','8979.0', ...);
 * &#64;x = ('8786.204','8796.258', ...);
 * &#64;y = ('1.0137','0.9950', ...);
 * [record]   # create object and set arrays in ifeffit
 * </pre>
 *
 * <p>Why a tokenizer: the file is Perl source. Larch evaluates the right-hand sides with an
 * expression interpreter; here they are parsed as data only — quoted strings, bare numbers/words
 * and nested [...] / {...} lists, Perl's {@code undef} read as "absent" — so a crafted file can
 * never execute anything. The JSON flavour written by newer Athena/Larch versions (first character
 * '{', groups listed in "_____order") is read with a small JSON parser. Statements other
 * than {@code $old_group}, {@code @args}, {@code @x}, {@code @y}, {@code @i0}, {@code @signal},
 * {@code @stddev} and {@code [record]} are skipped, as Larch skips them.
 */
public final class AthenaProjectReader {

    private static final String MAGIC = "Athena project file -- ";

    private AthenaProjectReader() {
    }

    /**
     * One record (Athena "group").
     *
     * @param id     Athena's group id ({@code $old_group})
     * @param label  the user label (args 'label'), or the id
     * @param args   the {@code @args} key/value pairs as text (nested lists rendered as text)
     * @param x      energies (eV) (or k for chi records)
     * @param y      μ(E) (or χ)
     * @param i0     I0 if stored, else empty
     * @param line   line of the {@code [record]} marker
     */
    public record AthenaGroup(String id, String label, Map<String, String> args, double[] x, double[] y,
                              double[] i0, int line) {
        /** Copies. */
        public AthenaGroup {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
            x = x.clone();
            y = y.clone();
            i0 = i0.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] i0() {
            return i0.clone();
        }

        /** @return μ(E) = (x, y) */
        public MuSpectrum muSpectrum() {
            return new MuSpectrum(x, y);
        }
    }

    /**
     * @param path the project file (gzip or plain)
     * @return its groups, in file order
     * @throws IOException with file, line and problem
     */
    public static List<AthenaGroup> read(Path path) throws IOException {
        TextFile f = TextFile.read(path);
        String first = f.lines.get(0);
        if (first.strip().startsWith("{")) {
            return readJson(f);
        }
        if (!first.contains(MAGIC)) {
            throw f.error(1, "not an Athena project file: the first line must contain '%s'", MAGIC.strip());
        }
        List<AthenaGroup> groups = new ArrayList<>();
        String id = null;
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        Map<String, Integer> arrayLines = new LinkedHashMap<>();
        for (int i = 1; i < f.lines.size(); i++) {
            int lineNo = i + 1;
            String t = f.lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[record]")) {
                if (id == null) {
                    throw f.error(lineNo, "[record] without a preceding $old_group");
                }
                groups.add(finish(f, lineNo, id, args, arrays, arrayLines));
                id = null;
                args = new LinkedHashMap<>();
                arrays = new LinkedHashMap<>();
                arrayLines = new LinkedHashMap<>();
                continue;
            }
            String name = statementName(t);
            switch (name) {
                case "$old_group" -> {
                    List<Object> v = new PerlList(f, lineNo, t).scalar();
                    id = String.valueOf(v.get(0));
                }
                case "@args" -> {
                    List<Object> v = new PerlList(f, lineNo, t).list();
                    if (v.size() % 2 != 0) {
                        throw f.error(lineNo, "@args has an odd number of elements (%d)", v.size());
                    }
                    for (int p = 0; p < v.size(); p += 2) {
                        Object val = v.get(p + 1);
                        args.put(String.valueOf(v.get(p)), val == null ? "" : String.valueOf(val));
                    }
                }
                case "@x", "@y", "@i0", "@signal", "@stddev" -> {
                    List<Object> v = new PerlList(f, lineNo, t).list();
                    if (v.stream().allMatch(java.util.Objects::isNull)) {
                        continue; // "@stddev = (undef);": the array is absent
                    }
                    double[] a = new double[v.size()];
                    for (int p = 0; p < a.length; p++) {
                        Object o = v.get(p);
                        if (o == null) {
                            throw f.error(lineNo, "%s element %d is undef", name, p + 1);
                        }
                        if (!(o instanceof String s)) {
                            throw f.error(lineNo, "%s element %d is a list, expected a number", name, p + 1);
                        }
                        a[p] = f.number(s, lineNo, p + 1);
                    }
                    arrays.put(name.substring(1), a);
                    arrayLines.put(name.substring(1), lineNo);
                }
                default -> {
                    // journal, plot features, indicator, lcf data, $xdi, "1;": not needed
                }
            }
        }
        if (groups.isEmpty()) {
            throw f.error(0, "no [record] found");
        }
        return groups;
    }

    private static AthenaGroup finish(TextFile f, int lineNo, String id, Map<String, String> args,
                                      Map<String, double[]> arrays, Map<String, Integer> lines)
            throws XafsFileException {
        double[] x = arrays.get("x");
        double[] y = arrays.get("y");
        if (x == null || y == null) {
            throw f.error(lineNo, "group '%s' has no %s array", id, x == null ? "@x" : "@y");
        }
        if (x.length != y.length) {
            throw f.error(lineNo, "group '%s': @x has %d values but @y has %d", id, x.length, y.length);
        }
        if (x.length < 2) {
            throw f.error(lines.get("x"), "group '%s': @x has %d values, needs at least 2", id, x.length);
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw f.error(lines.get("x"), "group '%s': @x value %d (%s) is not greater than value %d (%s)", id,
                        i + 1, TextFile.fmt(x[i]), i, TextFile.fmt(x[i - 1]));
            }
        }
        double[] i0 = arrays.getOrDefault("i0", new double[0]);
        String label = args.getOrDefault("label", id);
        return new AthenaGroup(id, label, args, x, y, i0, lineNo);
    }

    @SuppressWarnings("unchecked")
    private static List<AthenaGroup> readJson(TextFile f) throws XafsFileException {
        Object root = JsonText.parse(f);
        if (!(root instanceof Map)) {
            throw f.error(1, "JSON Athena project must be an object");
        }
        Map<String, Object> top = (Map<String, Object>) root;
        Object header = top.get("_____header1");
        if (header == null || !String.valueOf(header).contains(MAGIC)) {
            throw f.error(0, "not an Athena project file: no \"_____header1\" containing '%s'", MAGIC.strip());
        }
        List<String> order = new ArrayList<>();
        Object ord = top.get("_____order");
        if (ord instanceof List<?> l) {
            for (Object o : l) {
                order.add(String.valueOf(o));
            }
        } else {
            for (String k : top.keySet()) {
                if (!k.startsWith("_____")) {
                    order.add(k);
                }
            }
        }
        List<AthenaGroup> groups = new ArrayList<>();
        for (String id : order) {
            Object g = top.get(id);
            if (!(g instanceof Map)) {
                throw f.error(0, "group '%s' listed in _____order is missing", id);
            }
            Map<String, Object> gm = (Map<String, Object>) g;
            Map<String, String> args = new LinkedHashMap<>();
            if (gm.get("args") instanceof Map<?, ?> am) {
                for (Map.Entry<?, ?> e : am.entrySet()) {
                    Object v = e.getValue();
                    args.put(String.valueOf(e.getKey()), v == null ? "" : v instanceof JsonText.Num n ? n.text()
                            : String.valueOf(v));
                }
            }
            Map<String, double[]> arrays = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (String key : List.of("x", "y", "i0")) {
                Object a = gm.get(key);
                if (a == null) {
                    continue;
                }
                if (!(a instanceof List<?> list)) {
                    throw f.error(0, "group '%s': \"%s\" is not an array", id, key);
                }
                double[] v = new double[list.size()];
                for (int i = 0; i < v.length; i++) {
                    Object o = list.get(i);
                    String text = o instanceof JsonText.Num n ? n.text() : o instanceof String str ? str : null;
                    if (text == null) {
                        throw f.error(0, "group '%s': %s element %d is not a number", id, key, i + 1);
                    }
                    try {
                        v[i] = f.number(text, 0, i + 1);
                    } catch (XafsFileException e) {
                        throw f.error(0, "group '%s': %s element %d: %s", id, key, i + 1, e.problem());
                    }
                }
                arrays.put(key, v);
                lines.put(key, 0);
            }
            groups.add(finish(f, 0, id, args, arrays, lines));
        }
        if (groups.isEmpty()) {
            throw f.error(0, "no groups found");
        }
        return groups;
    }

    private static String statementName(String t) {
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '=') {
            end++;
        }
        return t.substring(0, end);
    }

    /** Tokenizer for one statement {@code name = value;} whose value is a scalar or a Perl list. */
    private static final class PerlList {
        private final TextFile f;
        private final int line;
        private final String s;
        private int pos;

        PerlList(TextFile f, int line, String statement) throws XafsFileException {
            this.f = f;
            this.line = line;
            this.s = statement;
            int eq = statement.indexOf('=');
            if (eq < 0) {
                throw f.error(line, "expected '=' in '%s'", abbreviate(statement));
            }
            this.pos = eq + 1;
        }

        List<Object> scalar() throws XafsFileException {
            skipSpace();
            List<Object> out = new ArrayList<>();
            out.add(element());
            end();
            return out;
        }

        List<Object> list() throws XafsFileException {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '(') {
                throw f.error(line, "expected '(' at column %d", pos + 1);
            }
            pos++;
            List<Object> out = items(')');
            end();
            return out;
        }

        private void end() throws XafsFileException {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != ';') {
                throw f.error(line, "expected ';' at column %d", pos + 1);
            }
        }

        private List<Object> items(char close) throws XafsFileException {
            List<Object> out = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return out;
            }
            while (true) {
                skipSpace();
                out.add(element());
                skipSpace();
                if (pos >= s.length()) {
                    throw f.error(line, "unterminated list: missing '%s'", close);
                }
                char c = s.charAt(pos);
                if (c == close) {
                    pos++;
                    return out;
                }
                if (c == ',') {
                    pos++;
                } else if (s.startsWith("=>", pos)) {
                    pos += 2;
                } else {
                    throw f.error(line, "expected ',' or '%s' at column %d, found '%s'", close, pos + 1, c);
                }
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == close) { // trailing comma
                    pos++;
                    return out;
                }
            }
        }

        private Object element() throws XafsFileException {
            if (pos >= s.length()) {
                throw f.error(line, "unexpected end of line");
            }
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') {
                return quoted(c);
            }
            if (c == '[') {
                pos++;
                return items(']');
            }
            if (c == '{') {
                pos++;
                return items('}');
            }
            if (s.startsWith("bless(", pos) || s.startsWith("bless (", pos)) {
                throw f.error(line, "blessed objects are not data (column %d)", pos + 1);
            }
            int start = pos;
            while (pos < s.length() && ",)]};".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))
                    && !s.startsWith("=>", pos)) {
                pos++;
            }
            if (pos == start) {
                throw f.error(line, "unexpected '%s' at column %d", c, pos + 1);
            }
            String word = s.substring(start, pos);
            return word.equals("undef") ? null : word;
        }

        private String quoted(char q) throws XafsFileException {
            int start = pos + 1;
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    b.append(s.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (c == q) {
                    pos++;
                    return b.toString();
                }
                b.append(c);
                pos++;
            }
            throw f.error(line, "unterminated string starting at column %d", start);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private static String abbreviate(String t) {
            return t.length() > 40 ? t.substring(0, 40) + "..." : t;
        }
    }
}
