package org.xasdaml.xafs.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Strict JSON (RFC 8259) for the JSON flavour of Athena project files, read with Jackson's
 * streaming parser (the project's one JSON library, also behind {@code org.xasdaml.io.Json}):
 * objects as insertion-ordered maps, arrays as lists, strings, numbers as their source text
 * ({@link Num}, so no precision is lost before the reader parses them), true/false/null. Errors
 * name the file, the line and the column.
 */
final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

    /** Marker type for JSON numbers, kept as text so no precision is lost before parsing. */
    record Num(String text) {
    }

    static Object parse(TextFile file) throws XafsFileException {
        String text = String.join("\n", file.lines);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw file.error(1, "invalid JSON: unexpected end of file");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw error(file, "unexpected text after the JSON value", p.currentTokenLocation());
            }
            return v;
        } catch (JsonProcessingException e) {
            throw error(file, e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw file.error(0, "invalid JSON: %s", e.getMessage()); // reading a String does not fail
        }
    }

    private static XafsFileException error(TextFile file, String what, JsonLocation at) {
        String first = what.lines().findFirst().orElse(what);
        if (at == null) {
            return file.error(0, "invalid JSON: %s", first);
        }
        return file.error(at.getLineNr(), "invalid JSON: %s (column %d)", first, at.getColumnNr());
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return org.xasdaml.io.Json.value(p, t, q -> new Num(q.getText()));
    }
}
