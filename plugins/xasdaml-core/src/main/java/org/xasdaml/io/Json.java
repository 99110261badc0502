package org.xasdaml.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON for provenance records, metadata and model archives: a thin facade over Jackson's streaming
 * API (jackson-core; no data binding), so that callers keep plain maps and lists.
 *
 * <p>Values are maps (kept in insertion order), lists, strings, numbers (read as Long when whole and
 * within range, else Double), booleans and null; double[], float[] and int[] are written as lists,
 * non-finite numbers as null, enums as their lower-case name with '-' for '_'. The layout is
 * two-space indentation with lists of scalars on one line ({@link Layout}). Parse errors name line,
 * column and character offset. In the KNIME plugin, Jackson is KNIME's own bundle (imported, not
 * embedded a second time; see knime/embedded/pom.xml).
 */
public final class Json {
    /** Immutable once built, thread-safe (Jackson's factories are). */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Compact-but-readable JSON (two-space indentation). */
    public static String write(Object value) {
        StringWriter w = new StringWriter();
        Layout layout = new Layout();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(layout);
            write(value, g, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.append('\n').toString();
    }

    private static void write(Object v, JsonGenerator g, Layout layout) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            writeDouble(((Number) v).doubleValue(), g);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(e.getValue(), g, layout);
            }
            g.writeEndObject();
        } else if (v instanceof double[] a) {
            layout.nextArrayFlat = true;
            g.writeStartArray();
            for (double d : a) {
                writeDouble(d, g);
            }
            g.writeEndArray();
        } else if (v instanceof float[] a) {
            layout.nextArrayFlat = true;
            g.writeStartArray();
            for (float d : a) {
                writeDouble(d, g);
            }
            g.writeEndArray();
        } else if (v instanceof int[] a) {
            layout.nextArrayFlat = true;
            g.writeStartArray();
            for (int d : a) {
                g.writeNumber(d);
            }
            g.writeEndArray();
        } else if (v instanceof List<?> l) {
            layout.nextArrayFlat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            g.writeStartArray();
            for (Object x : l) {
                write(x, g, layout);
            }
            g.writeEndArray();
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        } else {
            g.writeString(v.toString());
        }
    }

    /** Whole numbers below 10¹⁵ as "12.0" (not "1.2E1"), others as Java prints them; NaN/∞ as null. */
    private static void writeDouble(double d, JsonGenerator g) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d + ".0");
        } else {
            g.writeNumber(Double.toString(d));
        }
    }

    /**
     * The project's layout: objects one entry per line, two-space indentation, {@code "key": value};
     * lists of scalars on one line {@code [1.0, 2.0]}, lists holding maps or lists one item per line.
     * Which kind a list is, the writer tells before starting it ({@link #nextArrayFlat}); one
     * instance per document (it keeps the nesting).
     */
    static final class Layout implements PrettyPrinter {
        private final Deque<Boolean> flat = new ArrayDeque<>();
        private int depth;
        boolean nextArrayFlat;

        private void newline(JsonGenerator g, int level) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(level));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g, depth);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g, depth);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g, depth);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            flat.push(nextArrayFlat);
            nextArrayFlat = false;
            depth++;
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (!flat.pop() && values > 0) {
                newline(g, depth);
            }
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (Boolean.TRUE.equals(flat.peek())) {
                g.writeRaw(", ");
            } else {
                g.writeRaw(',');
                newline(g, depth);
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!Boolean.TRUE.equals(flat.peek())) {
                newline(g, depth);
            }
        }
    }

    /**
     * Parses JSON text.
     *
     * @throws IllegalArgumentException "JSON: &lt;problem&gt; at line L, column C (character N)"
     */
    public static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("JSON: unexpected end at line 1, column 1 (character 0)");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw error("unexpected text after the value", p.currentTokenLocation());
            }
            return v;
        } catch (JsonProcessingException e) {
            throw error(e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    private static IllegalArgumentException error(String what, JsonLocation at) {
        if (at == null) {
            return new IllegalArgumentException("JSON: " + what);
        }
        return new IllegalArgumentException(String.format(Locale.ROOT, "JSON: %s at line %d, column %d (character %d)",
                what.lines().findFirst().orElse(what), at.getLineNr(), at.getColumnNr(), at.getCharOffset()));
    }

    /**
     * How a number token becomes a value while a tree is read: this class keeps longs and doubles;
     * the Athena project reader keeps each number's source text, so no precision is lost before it
     * parses the number itself.
     */
    @FunctionalInterface
    public interface NumberRule {
        Object of(JsonParser p) throws IOException;
    }

    /** Whole numbers as long (too large ones as double), others as double. */
    private static final NumberRule PLAIN = p -> p.currentToken() == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? (Object) p.getLongValue() : (Object) p.getDoubleValue();

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return value(p, t, PLAIN);
    }

    /**
     * The value starting at token {@code t}: objects as insertion-ordered maps, arrays as lists,
     * strings, numbers by the rule, true/false/null. The one tree reader of the project's JSON.
     *
     * @throws JsonParseException on a token that starts no value, at its place in the text
     */
    public static Object value(JsonParser p, JsonToken t, NumberRule numbers) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken(), numbers));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v, numbers));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return numbers.of(p);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) v;
    }
}
