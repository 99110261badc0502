package org.xasdaml.structure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * VASP POSCAR/CONTCAR (one frame) and XDATCAR (a header, then one block of fractional
 * coordinates per frame; a header repeated before a block means the cell changed).
 *
 * <p>VASP 4 files lack the element line; their species must be given in the read options.
 * A negative scale factor is the cell volume, as VASP reads it.
 */
public final class PoscarReader implements StructureReader {
    private final boolean xdatcar;

    private PoscarReader(boolean xdatcar) {
        this.xdatcar = xdatcar;
    }

    public static PoscarReader poscar() {
        return new PoscarReader(false);
    }

    public static PoscarReader xdatcar() {
        return new PoscarReader(true);
    }

    private record Header(Lattice lattice, List<Element> species) {
    }

    @Override
    public ReadResult read(Path file, ReadOptions options) {
        ReadResult.Collector frames = new ReadResult.Collector(options);
        try (LineSource src = new LineSource(file)) {
            Header header = readHeader(src, 0, options);
            if (!xdatcar) {
                return new ReadResult(List.of(readCoordinates(src, 0, header, true)), List.of());
            }
            int index = 0;
            String line;
            while ((line = src.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("direct")
                        && !line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("cartesian")) {
                    src.pushBack(line);
                    header = readHeader(src, index, options);
                    continue;
                }
                boolean direct = line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("direct");
                Header h = header;
                int at = index;
                frames.add(() -> readBlock(src, at, h, direct, false));
                index++;
            }
        }
        return frames.result();
    }

    private static Header readHeader(LineSource src, int index, ReadOptions options) {
        Path file = src.file();
        src.required(index, "the comment line");
        String scaleLine = src.required(index, "the scale factor");
        double scale;
        try {
            scale = Tokens.finite(Tokens.split(scaleLine).isEmpty() ? "" : Tokens.split(scaleLine).get(0), "scale factor");
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(file, index, src.lineNumber(), e.getMessage());
        }
        double[][] v = new double[3][3];
        for (int k = 0; k < 3; k++) {
            List<String> t = Tokens.split(src.required(index, "a cell vector"));
            if (t.size() < 3) {
                throw new StructureFileException(file, index, src.lineNumber(), "a cell vector needs 3 numbers, found " + t.size());
            }
            for (int j = 0; j < 3; j++) {
                try {
                    v[k][j] = Tokens.finite(t.get(j), "cell vector component");
                } catch (IllegalArgumentException e) {
                    throw new StructureFileException(file, index, src.lineNumber(), e.getMessage());
                }
            }
        }
        Lattice raw;
        try {
            raw = Lattice.of(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(file, index, src.lineNumber(), e.getMessage());
        }
        double f = scale < 0 ? Math.cbrt(-scale / raw.volume()) : scale;
        Lattice lattice = Lattice.of(mul(v[0], f), mul(v[1], f), mul(v[2], f));
        String line = src.required(index, "the element or count line");
        List<String> t = Tokens.split(line);
        List<String> symbols;
        List<String> counts;
        if (!t.isEmpty() && !Character.isDigit(t.get(0).charAt(0))) {
            symbols = t;
            counts = Tokens.split(src.required(index, "the atom counts"));
        } else {
            symbols = null;
            counts = t;
        }
        List<Element> species = new ArrayList<>();
        List<Element> given = options.elements();
        if (symbols == null && given.size() != counts.size()) {
            throw new StructureFileException(file, index, src.lineNumber(),
                    "VASP 4 file without an element line: give the " + counts.size() + " element symbols in order");
        }
        if (symbols != null && symbols.size() != counts.size()) {
            throw new StructureFileException(file, index, src.lineNumber(),
                    symbols.size() + " element symbols but " + counts.size() + " counts");
        }
        long total = 0;
        for (int s = 0; s < counts.size(); s++) {
            long c;
            Element e;
            try {
                c = Tokens.longInteger(counts.get(s), "atom count");
                total += Math.max(0, c);
                // the shortest coordinate line, "0 0 0", has 6 bytes with its newline
                src.checkAtomCount(total, index, src.lineNumber(), 6);
                e = symbols == null ? given.get(s) : Element.of(symbols.get(s));
            } catch (IllegalArgumentException ex) {
                throw new StructureFileException(file, index, src.lineNumber(), ex.getMessage());
            }
            for (int i = 0; i < c; i++) {
                species.add(e);
            }
        }
        if (species.isEmpty()) {
            throw new StructureFileException(file, index, src.lineNumber(), "no atoms");
        }
        return new Header(lattice, species);
    }

    private static double[] mul(double[] v, double f) {
        return new double[] {v[0] * f, v[1] * f, v[2] * f};
    }

    private static Frame readCoordinates(LineSource src, int index, Header header, boolean poscar) {
        String line = src.required(index, "the coordinate mode");
        String mode = line.strip().toLowerCase(java.util.Locale.ROOT);
        if (mode.startsWith("s")) {
            line = src.required(index, "the coordinate mode");
            mode = line.strip().toLowerCase(java.util.Locale.ROOT);
        }
        boolean cartesian = mode.startsWith("c") || mode.startsWith("k");
        return readBlock(src, index, header, !cartesian, poscar);
    }

    private static Frame readBlock(LineSource src, int index, Header header, boolean direct, boolean poscar) {
        int n = header.species().size();
        double[] xyz = new double[3 * n];
        double[] tmp = new double[3];
        for (int i = 0; i < n; i++) {
            String line = src.next();
            if (line == null || (!poscar && line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("direct"))) {
                if (line != null) {
                    src.pushBack(line);
                }
                throw new StructureFileException(src.file(), index, src.lineNumber(),
                        "the header announces " + n + " atoms but the frame has " + i + " coordinate lines"
                                + (line == null ? " (file truncated?)" : ""));
            }
            List<String> t = Tokens.split(line);
            if (t.size() < 3) {
                throw new StructureFileException(src.file(), index, src.lineNumber(), "a coordinate line needs 3 numbers, found " + t.size());
            }
            try {
                double a = Tokens.finite(t.get(0), "coordinate");
                double b = Tokens.finite(t.get(1), "coordinate");
                double c = Tokens.finite(t.get(2), "coordinate");
                if (direct) {
                    header.lattice().toCartesian(a, b, c, tmp);
                } else {
                    tmp[0] = a;
                    tmp[1] = b;
                    tmp[2] = c;
                }
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(src.file(), index, src.lineNumber(), e.getMessage());
            }
            System.arraycopy(tmp, 0, xyz, 3 * i, 3);
        }
        return new Frame(index, header.species(), xyz, header.lattice(), new boolean[] {true, true, true});
    }
}
