package org.xasdaml.feff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.StructureSet;

/** Test data: the first 20 frames of the public Cu set and the fixtures of make_feff_fixtures.py. */
final class FeffFixtures {
    private FeffFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(FeffFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** The first {@code n} frames (n ≤ 20) of the public Cu set, absorber atom 0. */
    static StructureSet cuFrames(int n) {
        Path dump = resource("cu-md-public-first20.dump");
        return ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", n, "", List.of(), false));
    }

    /** Numeric data rows of a FEFF output file (lines not starting with '#'). */
    static List<double[]> rows(Path file) {
        try {
            List<double[]> out = new ArrayList<>();
            for (String l : Files.readAllLines(file)) {
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] p = s.split("\\s+");
                double[] r = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    r[i] = Double.parseDouble(p[i]);
                }
                out.add(r);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ATOMS block of a feff.inp: x, y, z, ipot, distance per atom (pymatgen's and ours have these
     * columns first, then tag, distance; tag is the 5th column).
     */
    static List<double[]> atoms(String feffInp) {
        List<double[]> out = new ArrayList<>();
        boolean in = false;
        for (String l : feffInp.split("\n")) {
            String s = l.strip();
            if (s.startsWith("ATOMS")) {
                in = true;
                continue;
            }
            if (!in || s.isEmpty() || s.startsWith("*")) {
                continue;
            }
            if (s.startsWith("END")) {
                break;
            }
            String[] p = s.split("\\s+");
            out.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                Integer.parseInt(p[3]), Double.parseDouble(p[5])});
        }
        return out;
    }

    /** The POTENTIALS block: ipot, Z per potential. */
    static List<int[]> potentials(String feffInp) {
        List<int[]> out = new ArrayList<>();
        boolean in = false;
        for (String l : feffInp.split("\n")) {
            String s = l.strip();
            if (s.startsWith("POTENTIALS")) {
                in = true;
                continue;
            }
            if (!in || s.startsWith("*")) {
                continue;
            }
            if (s.isEmpty()) {
                break;
            }
            String[] p = s.split("\\s+");
            out.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])});
        }
        return out;
    }
}
