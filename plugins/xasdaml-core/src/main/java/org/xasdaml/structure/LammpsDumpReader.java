package org.xasdaml.structure;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * LAMMPS text dumps ({@code dump atom/custom}), one frame after another.
 *
 * <p>Columns may come in any order. Species come from an {@code element} column, or from
 * {@code type} through a type-to-element map. Positions may be Cartesian ({@code x y z}),
 * unwrapped ({@code xu yu zu}) or scaled ({@code xs ys zs}, {@code xsu ysu zsu}). Orthogonal and
 * triclinic boxes are read, and each boundary flag pair ({@code pp}, {@code ff}, {@code fs}, ...)
 * gives the periodicity of that axis. Atoms are sorted by {@code id} when present, as ASE does,
 * so atom 0 is the atom with the smallest id.
 */
public final class LammpsDumpReader implements StructureReader {

    @Override
    public ReadResult read(Path file, ReadOptions options) {
        ReadResult.Collector frames = new ReadResult.Collector(options);
        try (LineSource src = new LineSource(file)) {
            int index = 0;
            String line;
            while ((line = nextNonBlank(src)) != null) {
                long start = src.lineNumber();
                if (!line.startsWith("ITEM: TIMESTEP")) {
                    throw new StructureFileException(file, index, start,
                            "expected 'ITEM: TIMESTEP' at the start of a frame, found '" + abbreviate(line) + "'");
                }
                int at = index;
                if (!frames.add(() -> readFrame(src, at, options))) {
                    resync(src);
                }
                index++;
            }
        }
        return frames.result();
    }

    /** Skips to the next frame start, so one broken frame does not lose the rest of the file. */
    private static void resync(LineSource src) {
        String line;
        while ((line = src.next()) != null) {
            if (line.startsWith("ITEM: TIMESTEP")) {
                src.pushBack(line);
                return;
            }
        }
    }

    private static String nextNonBlank(LineSource src) {
        String line;
        while ((line = src.next()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static Frame readFrame(LineSource src, int index, ReadOptions options) {
        Path file = src.file();
        String ts = src.required(index, "the timestep value");
        fail(file, index, src, () -> Tokens.integer(Tokens.split(ts).isEmpty() ? "" : Tokens.split(ts).get(0), "timestep"));
        expectItem(src, index, "ITEM: NUMBER OF ATOMS");
        String nLine = src.required(index, "the number of atoms");
        long announced = fail(file, index, src, () -> Tokens.longInteger(nLine, "number of atoms"));
        if (announced <= 0) {
            throw new StructureFileException(file, index, src.lineNumber(), "number of atoms must be positive, got " + announced);
        }
        // the shortest atom line, "1 1 0 0 0", has 10 bytes with its newline
        int n = src.checkAtomCount(announced, index, src.lineNumber(), 10);
        String boxHeader = expectItem(src, index, "ITEM: BOX BOUNDS");
        List<String> boxTokens = Tokens.split(boxHeader.substring("ITEM: BOX BOUNDS".length()));
        boolean triclinic = boxTokens.size() >= 3 && boxTokens.get(0).equals("xy");
        List<String> flags = triclinic ? boxTokens.subList(3, boxTokens.size()) : boxTokens;
        boolean[] pbc = new boolean[3];
        for (int k = 0; k < 3; k++) {
            pbc[k] = k < flags.size() ? flags.get(k).equals("pp") : true;
        }
        double[][] bounds = new double[3][3];
        for (int k = 0; k < 3; k++) {
            String b = src.required(index, "box bounds");
            List<String> t = Tokens.split(b);
            int need = triclinic ? 3 : 2;
            if (t.size() < need) {
                throw new StructureFileException(file, index, src.lineNumber(),
                        "box bounds need " + need + " numbers, found '" + abbreviate(b) + "'");
            }
            for (int j = 0; j < need; j++) {
                String tok = t.get(j);
                bounds[k][j] = fail(file, index, src, () -> Tokens.finite(tok, "box bound"));
            }
        }
        Lattice lattice;
        double[] origin;
        if (triclinic) {
            double xy = bounds[0][2];
            double xz = bounds[1][2];
            double yz = bounds[2][2];
            double xlo = bounds[0][0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
            double xhi = bounds[0][1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
            double ylo = bounds[1][0] - Math.min(0, yz);
            double yhi = bounds[1][1] - Math.max(0, yz);
            lattice = fail(file, index, src, () -> Lattice.of(new double[] {xhi - xlo, 0, 0},
                    new double[] {xy, yhi - ylo, 0}, new double[] {xz, yz, bounds[2][1] - bounds[2][0]}));
            origin = new double[] {xlo, ylo, bounds[2][0]};
        } else {
            lattice = fail(file, index, src, () -> Lattice.orthorhombic(bounds[0][1] - bounds[0][0],
                    bounds[1][1] - bounds[1][0], bounds[2][1] - bounds[2][0]));
            origin = new double[] {bounds[0][0], bounds[1][0], bounds[2][0]};
        }
        String atomsHeader = expectItem(src, index, "ITEM: ATOMS");
        List<String> cols = Tokens.split(atomsHeader.substring("ITEM: ATOMS".length()));
        int idCol = cols.indexOf("id");
        int elCol = cols.indexOf("element");
        int typeCol = cols.indexOf("type");
        int[] pos = null;
        boolean scaled = false;
        for (String[] set : new String[][] {{"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}}) {
            int a = cols.indexOf(set[0]);
            int b = cols.indexOf(set[1]);
            int c = cols.indexOf(set[2]);
            if (a >= 0 && b >= 0 && c >= 0) {
                pos = new int[] {a, b, c};
                scaled = set[0].startsWith("xs");
                break;
            }
        }
        if (pos == null) {
            throw new StructureFileException(file, index, src.lineNumber(),
                    "no position columns (x y z, xu yu zu, xs ys zs or xsu ysu zsu) in '" + abbreviate(atomsHeader) + "'");
        }
        if (elCol < 0 && (typeCol < 0 || options.typeElements().isEmpty())) {
            throw new StructureFileException(file, index, src.lineNumber(), typeCol < 0
                    ? "no 'element' or 'type' column to tell the species"
                    : "no 'element' column: give a type map (e.g. 1=Cu,2=O) to name the species of each type");
        }
        int maxCol = Math.max(Math.max(idCol, Math.max(elCol, typeCol)), Math.max(pos[0], Math.max(pos[1], pos[2])));
        int[] ids = new int[n];
        Element[] el = new Element[n];
        double[] xyz = new double[3 * n];
        double[] tmp = new double[3];
        Map<Integer, Element> typeMap = options.typeElements();
        for (int i = 0; i < n; i++) {
            String line = src.next();
            if (line == null || line.startsWith("ITEM:")) {
                if (line != null) {
                    src.pushBack(line);
                }
                throw new StructureFileException(file, index, src.lineNumber() + (line == null ? 0 : 1),
                        "the header announces " + n + " atoms but the frame has " + i + " atom lines"
                                + (line == null ? " (file truncated?)" : ""));
            }
            List<String> t = Tokens.split(line);
            long ln = src.lineNumber();
            if (t.size() <= maxCol) {
                throw new StructureFileException(file, index, ln, "expected " + cols.size() + " columns, found " + t.size());
            }
            try {
                ids[i] = idCol >= 0 ? Tokens.integer(t.get(idCol), "atom id") : i;
                if (elCol >= 0) {
                    el[i] = Element.of(t.get(elCol));
                } else {
                    int type = Tokens.integer(t.get(typeCol), "atom type");
                    el[i] = typeMap.get(type);
                    if (el[i] == null) {
                        throw new IllegalArgumentException("atom type " + type + " is not in the type map " + typeMap);
                    }
                }
                double a = Tokens.finite(t.get(pos[0]), "coordinate");
                double b = Tokens.finite(t.get(pos[1]), "coordinate");
                double c = Tokens.finite(t.get(pos[2]), "coordinate");
                if (scaled) {
                    lattice.toCartesian(a, b, c, tmp);
                    xyz[3 * i] = tmp[0] + origin[0];
                    xyz[3 * i + 1] = tmp[1] + origin[1];
                    xyz[3 * i + 2] = tmp[2] + origin[2];
                } else {
                    xyz[3 * i] = a;
                    xyz[3 * i + 1] = b;
                    xyz[3 * i + 2] = c;
                }
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(file, index, ln, e.getMessage());
            }
        }
        // Extra atom lines beyond the announced count are a count mismatch too.
        String after = src.next();
        if (after != null) {
            if (!after.isBlank() && !after.startsWith("ITEM:")) {
                throw new StructureFileException(file, index, src.lineNumber(),
                        "the header announces " + n + " atoms but the frame has more atom lines");
            }
            src.pushBack(after);
        }
        if (idCol >= 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Integer.compare(ids[p], ids[q]));
            Element[] el2 = new Element[n];
            double[] xyz2 = new double[3 * n];
            for (int i = 0; i < n; i++) {
                int o = order[i];
                el2[i] = el[o];
                System.arraycopy(xyz, 3 * o, xyz2, 3 * i, 3);
            }
            el = el2;
            xyz = xyz2;
        }
        return new Frame(index, Arrays.asList(el), xyz, lattice, pbc);
    }

    private static String expectItem(LineSource src, int index, String item) {
        String line = src.required(index, "'" + item + "'");
        if (!line.startsWith(item)) {
            throw new StructureFileException(src.file(), index, src.lineNumber(),
                    "expected '" + item + "', found '" + abbreviate(line) + "'");
        }
        return line;
    }

    private static <T> T fail(Path file, int index, LineSource src, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(file, index, src.lineNumber(), e.getMessage());
        }
    }

    /** A line for a message: at most 60 characters, invisible characters (a BOM, a tab, a NUL) shown as \\uXXXX. */
    static String abbreviate(String s) {
        String a = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder sb = new StringBuilder();
        a.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == 0xFFFD) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
