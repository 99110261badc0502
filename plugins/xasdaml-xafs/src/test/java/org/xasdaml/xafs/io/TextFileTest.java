package org.xasdaml.xafs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written number check and column split of {@link TextFile} against the regular expressions
 * that define them ({@link TextFile#NUMBER}, {@link TextFile#SEPARATORS}), on listed edge cases and on
 * 50 000 seeded random strings over the characters that matter.
 */
class TextFileTest {
    private static final List<String> CASES = List.of("", "+", "-", ".", "+.", "1", "-1", "1.", ".5", "-.5", "1.5", "1e5",
            "1E+05", "1.0D-03", "1d3", "1e", "1e+", "e5", ".e5", "1.2.3", "--1", "+-1", "1e5.0", "1f", "0x10", "nan", "inf",
            "1,5", " 1", "1 ", "00012.000", "1.5e-300", "9".repeat(40));

    @Test
    void numberCheckMatchesThePattern() {
        for (String s : CASES) {
            assertEquals(TextFile.NUMBER.matcher(s).matches(), TextFile.isNumber(s, 0, s.length()), "'" + s + "'");
        }
        Random r = new Random(16);
        String alphabet = "0123456789+-.eEdDx ";
        for (int i = 0; i < 50_000; i++) {
            String s = random(r, alphabet, 8);
            assertEquals(TextFile.NUMBER.matcher(s).matches(), TextFile.isNumber(s, 0, s.length()), "'" + s + "'");
        }
    }

    @Test
    void columnSplitMatchesThePattern() {
        for (String s : List.of("1 2 3", "1,2,3", "1, 2 ,3", ",1 2", "1\t2\u000b3\f4", "1  ,, 2", "1,", "a")) {
            String t = s.strip();
            assertEquals(Arrays.asList(TextFile.SEPARATORS.split(t)), TextFile.tokens(t), "'" + s + "'");
        }
        Random r = new Random(17);
        String alphabet = "1.e ,\t-";
        for (int i = 0; i < 50_000; i++) {
            String t = random(r, alphabet, 10).strip();
            if (t.isEmpty()) {
                continue; // the reader skips blank lines before splitting
            }
            assertEquals(Arrays.asList(TextFile.SEPARATORS.split(t)), TextFile.tokens(t), "'" + t + "'");
        }
    }

    private static String random(Random r, String alphabet, int maxLength) {
        char[] c = new char[r.nextInt(maxLength + 1)];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }
}
