package org.xasdaml.xafs.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259 values: objects as insertion-ordered maps, arrays as lists,
 * strings, numbers as their source text, true/false/null) whose errors carry the line number.
 * Used for the JSON flavour of Athena project files; the module deliberately has no JSON
 * dependency.
 */
final class JsonText {

    private final TextFile file;
    private final String s;
    private int pos;

    private JsonText(TextFile file, String s) {
        this.file = file;
        this.s = s;
    }

    /** Marker type for JSON numbers, kept as text so no precision is lost before parsing. */
    record Num(String text) {
    }

    static Object parse(TextFile file) throws XafsFileException {
        JsonText j = new JsonText(file, String.join("\n", file.lines));
        j.space();
        Object v = j.value();
        j.space();
        if (j.pos != j.s.length()) {
            throw j.error("unexpected text after the JSON value");
        }
        return v;
    }

    int line() {
        int n = 1;
        for (int i = 0; i < pos && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private XafsFileException error(String what) {
        return file.error(line(), "invalid JSON: %s", what);
    }

    private void space() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private Object value() throws XafsFileException {
        if (pos >= s.length()) {
            throw error("unexpected end of file");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (s.startsWith("true", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (s.startsWith("false", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                if (s.startsWith("null", pos)) {
                    pos += 4;
                    return null;
                }
                int start = pos;
                while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                    pos++;
                }
                if (start == pos) {
                    throw error("unexpected character '" + c + "'");
                }
                return new Num(s.substring(start, pos));
        }
    }

    private Map<String, Object> object() throws XafsFileException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        space();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a quoted key");
            }
            String k = string();
            space();
            if (pos >= s.length() || s.charAt(pos) != ':') {
                throw error("expected ':' after key \"" + k + "\"");
            }
            pos++;
            space();
            m.put(k, value());
            space();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            } else {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() throws XafsFileException {
        List<Object> a = new ArrayList<>();
        pos++;
        space();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return a;
        }
        while (true) {
            space();
            a.add(value());
            space();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return a;
            } else {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws XafsFileException {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }
}
