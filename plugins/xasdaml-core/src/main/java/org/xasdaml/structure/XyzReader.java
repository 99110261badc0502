package org.xasdaml.structure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * XYZ and extended XYZ files, one frame after another.
 *
 * <p>Extended XYZ comment lines carry {@code Lattice="ax ay az bx by bz cx cy cz"},
 * {@code Properties=species:S:1:pos:R:3:...} and {@code pbc="T T T"}; a lattice without a
 * {@code pbc} key is periodic in all three directions, as ASE reads it. Plain XYZ frames have no
 * cell.
 */
public final class XyzReader implements StructureReader {

    @Override
    public ReadResult read(Path file, ReadOptions options) {
        ReadResult.Collector frames = new ReadResult.Collector(options);
        try (LineSource src = new LineSource(file)) {
            int index = 0;
            String line;
            while ((line = src.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                long countLine = src.lineNumber();
                long n;
                try {
                    n = Tokens.longInteger(Tokens.split(line).get(0), "atom count");
                } catch (IllegalArgumentException e) {
                    throw new StructureFileException(file, index, countLine,
                            "expected the atom count of a frame, found '" + LammpsDumpReader.abbreviate(line) + "'");
                }
                if (n <= 0) {
                    throw new StructureFileException(file, index, countLine, "atom count must be positive, got " + n);
                }
                String comment = src.next();
                if (comment == null) {
                    throw new StructureFileException(file, index, countLine, "file ends after the atom count (truncated?)");
                }
                // the shortest atom line, "H 0 0 0", has 8 bytes with its newline
                int count = src.checkAtomCount(n, index, countLine, 8);
                List<String> lines = new ArrayList<>(count);
                long first = src.lineNumber() + 1;
                for (int i = 0; i < count; i++) {
                    String a = src.next();
                    if (a == null) {
                        throw new StructureFileException(file, index, src.lineNumber(),
                                "the frame announces " + n + " atoms but the file ends after " + i + " (truncated?)");
                    }
                    lines.add(a);
                }
                int at = index;
                frames.add(() -> parseFrame(file, at, comment, countLine + 1, lines, first));
                index++;
            }
        }
        return frames.result();
    }

    private static Frame parseFrame(Path file, int index, String comment, long commentLine, List<String> lines, long firstLine) {
        Map<String, String> kv = parseKeyValues(comment);
        Lattice lattice = null;
        boolean[] pbc = new boolean[3];
        if (kv.containsKey("lattice")) {
            List<String> t = Tokens.split(kv.get("lattice"));
            if (t.size() != 9) {
                throw new StructureFileException(file, index, commentLine, "Lattice needs 9 numbers, found " + t.size());
            }
            double[] v = new double[9];
            try {
                for (int i = 0; i < 9; i++) {
                    v[i] = Tokens.finite(t.get(i), "Lattice component");
                }
                lattice = Lattice.of(new double[] {v[0], v[1], v[2]}, new double[] {v[3], v[4], v[5]}, new double[] {v[6], v[7], v[8]});
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(file, index, commentLine, e.getMessage());
            }
            pbc = new boolean[] {true, true, true};
        }
        if (kv.containsKey("pbc")) {
            List<String> t = Tokens.split(kv.get("pbc"));
            if (t.size() != 3) {
                throw new StructureFileException(file, index, commentLine, "pbc needs three flags, found '" + kv.get("pbc") + "'");
            }
            for (int i = 0; i < 3; i++) {
                String f = t.get(i).toUpperCase(Locale.ROOT);
                pbc[i] = f.startsWith("T") || f.equals("1");
            }
            if (lattice == null && (pbc[0] || pbc[1] || pbc[2])) {
                throw new StructureFileException(file, index, commentLine, "pbc is set but there is no Lattice");
            }
        }
        int speciesCol = 0;
        int posCol = 1;
        if (kv.containsKey("properties")) {
            String[] p = kv.get("properties").split(":");
            int col = 0;
            speciesCol = -1;
            posCol = -1;
            for (int i = 0; i + 2 < p.length; i += 3) {
                int width;
                try {
                    width = Integer.parseInt(p[i + 2]);
                } catch (NumberFormatException e) {
                    throw new StructureFileException(file, index, commentLine, "Properties width is not a number: '" + p[i + 2] + "'");
                }
                if (p[i].equals("species")) {
                    speciesCol = col;
                } else if (p[i].equals("pos")) {
                    posCol = col;
                }
                col += width;
            }
            if (speciesCol < 0 || posCol < 0) {
                throw new StructureFileException(file, index, commentLine, "Properties must name 'species' and 'pos'");
            }
        }
        int n = lines.size();
        List<Element> el = new ArrayList<>(n);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            List<String> t = Tokens.split(lines.get(i));
            long ln = firstLine + i;
            int need = Math.max(speciesCol, posCol + 2) + 1;
            if (t.size() < need) {
                throw new StructureFileException(file, index, ln, "expected at least " + need + " columns, found " + t.size());
            }
            try {
                el.add(Element.of(t.get(speciesCol)));
                for (int k = 0; k < 3; k++) {
                    xyz[3 * i + k] = Tokens.finite(t.get(posCol + k), "coordinate");
                }
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(file, index, ln, e.getMessage());
            }
        }
        return new Frame(index, el, xyz, lattice, pbc);
    }

    /** key=value pairs of an extended XYZ comment line; keys lower-cased, quotes removed. */
    static Map<String, String> parseKeyValues(String comment) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0;
        int n = comment.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(comment.charAt(i))) {
                i++;
            }
            int ks = i;
            while (i < n && comment.charAt(i) != '=' && !Character.isWhitespace(comment.charAt(i))) {
                i++;
            }
            String key = comment.substring(ks, i);
            if (i >= n || comment.charAt(i) != '=') {
                continue;
            }
            i++;
            String value;
            if (i < n && (comment.charAt(i) == '"' || comment.charAt(i) == '\'')) {
                char q = comment.charAt(i++);
                int vs = i;
                while (i < n && comment.charAt(i) != q) {
                    i++;
                }
                value = comment.substring(vs, Math.min(i, n));
                i++;
            } else {
                int vs = i;
                while (i < n && !Character.isWhitespace(comment.charAt(i))) {
                    i++;
                }
                value = comment.substring(vs, i);
            }
            if (!key.isEmpty()) {
                kv.put(key.toLowerCase(Locale.ROOT), value);
            }
        }
        return kv;
    }
}
