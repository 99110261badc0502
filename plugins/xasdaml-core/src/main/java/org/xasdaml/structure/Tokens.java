package org.xasdaml.structure;

import java.util.ArrayList;
import java.util.List;

/** Whitespace tokenising and number parsing that report what was wrong, not a bare NumberFormatException. */
final class Tokens {
    private Tokens() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** Parses a coordinate-like number; NaN and infinities are refused because they poison every later step. */
    static double finite(String token, String what) {
        String low = token.toLowerCase(java.util.Locale.ROOT);
        if (low.contains("nan") || low.contains("inf")) {
            throw new IllegalArgumentException(what + " is not finite: '" + token + "'");
        }
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: '" + token + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: '" + token + "'");
        }
        return v;
    }

    static long longInteger(String token, String what) {
        try {
            return Long.parseLong(token.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not an integer: '" + token.strip() + "'");
        }
    }

    static int integer(String token, String what) {
        try {
            return Integer.parseInt(token.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not an integer: '" + token.strip() + "'");
        }
    }
}
