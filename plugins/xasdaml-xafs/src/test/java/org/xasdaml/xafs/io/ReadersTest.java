package org.xasdaml.xafs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.MuSpectrum;

/** Readers on the real files shipped with Larch/FEFF/pymatgen, and on broken files. */
class ReadersTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream("/org/xasdaml/xafs/" + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path gzip(Path src) throws IOException {
        Path p = dir.resolve(src.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            Files.copy(src, out);
        }
        return p;
    }

    private static String message(Executable e) {
        return assertThrows(XafsFileException.class, e::run).getMessage();
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void feffXmuFromFeff8l() throws IOException {
        FeffXmuReader.FeffXmu x = FeffXmuReader.read(resource("data/feff8l_cu_xmu.dat"));
        assertEquals(401, x.omega().length);
        assertEquals(8988.442, x.omega()[0]);
        assertEquals(0.0, x.k()[0]);
        assertEquals(20.0, x.k()[400], 1e-9);
        assertEquals(-2.99448E-01, x.chi()[0]);
        assertEquals(1.99538E-01, x.muSpectrum().mu()[0]);
        assertEquals(401, x.chiSpectrum().size());
    }

    @Test
    void feffXmuXanesDropsNegativeK() throws IOException {
        FeffXmuReader.FeffXmu x = FeffXmuReader.read(resource("io/pymatgen_xanes_xmu.dat"));
        assertEquals(100, x.k().length);
        assertEquals(-0.8, x.k()[0]);
        ChiSpectrum chi = x.chiSpectrum();
        assertEquals(0.0, chi.k()[0]);
        assertEquals(100 - 10, chi.size()); // k = -0.80 … -0.08 dropped
    }

    @Test
    void chiFiles() throws IOException {
        ChiSpectrum feff = FeffChiReader.read(resource("data/feff8l_cu_chi.dat"));
        assertEquals(0.0, feff.k()[0]);
        ChiSpectrum cu = FeffChiReader.read(resource("data/cu_chi.dat"));
        assertEquals(0.05, cu.k()[0]);
        assertEquals(-0.1383775, cu.chi()[0]);
    }

    @Test
    void xdiCuFoilPlainAndGzipped() throws IOException {
        Path p = resource("data/cu_metal_rt.xdi");
        for (Path q : List.of(p, gzip(p))) {
            XdiReader.XdiFile x = XdiReader.read(q);
            assertEquals("XDI/1.0 GSE/1.0", x.version());
            assertEquals(List.of("energy", "i0", "itrans", "mutrans"), x.columns());
            assertEquals("8980.0", x.fields().get("Scan.edge_energy"));
            assertEquals("Cu", x.fields().get("Scan.element"));
            assertEquals(List.of("Cu foil Room Temperature"), x.comments());
            MuSpectrum mu = x.muSpectrum();
            assertEquals(8779.0, mu.energy()[0]);
            assertEquals(-1.3070486, mu.mu()[0]);
            // ln(i0/itrans) is the mutrans column to its 8 printed digits
            double[] i0 = x.column("i0");
            double[] it = x.column("itrans");
            double[] mt = x.column("mutrans");
            for (int i = 0; i < mt.length; i++) {
                assertEquals(mt[i], Math.log(i0[i] / it[i]), 5e-7);
            }
        }
    }

    @Test
    void columnFilesMuTransmissionFluorescence() throws IOException {
        MuSpectrum cu = ColumnFileReader.read(resource("data/cu.xmu"), new ColumnFileReader.Mu(0, 1));
        assertEquals(8786.204, cu.energy()[0], 1e-9);
        assertEquals(1.013661, cu.mu()[0], 1e-12);
        Path t = write("trans.dat", "# e i0 it\n8900 100 50\n8910 100 25\n; comment\n8920, 200, 100\n");
        MuSpectrum tr = ColumnFileReader.read(t, new ColumnFileReader.Transmission(0, 1, 2));
        assertArrayEquals(new double[] {Math.log(2), Math.log(4), Math.log(2)}, tr.mu(), 1e-15);
        Path fl = write("fluo.dat", "8900 100 5 0\n8910 200 30 0\n");
        MuSpectrum f = ColumnFileReader.read(fl, new ColumnFileReader.Fluorescence(0, 1, 2));
        assertArrayEquals(new double[] {0.05, 0.15}, f.mu(), 1e-15);
    }

    @Test
    void athenaProjectAthena08MatchesTheAsciiData() throws IOException {
        List<AthenaProjectReader.AthenaGroup> g = AthenaProjectReader.read(resource("io/cu.prj"));
        assertEquals(3, g.size());
        assertEquals("weai", g.get(0).id());
        assertEquals("cu010k.dat", g.get(0).label());
        assertEquals("cu050k.dat", g.get(1).label());
        assertEquals("8977.58", g.get(0).args().get("bkg_e0"));
        assertTrue(g.get(0).args().get("titles").startsWith("[Cu foil at 10K, "));
        // the first group is cu10k.dat, also shipped as cu.xmu
        MuSpectrum prj = g.get(0).muSpectrum();
        MuSpectrum xmu = ColumnFileReader.read(resource("data/cu.xmu"), new ColumnFileReader.Mu(0, 1));
        assertEquals(xmu.size(), prj.size());
        assertArrayEquals(xmu.energy(), prj.energy(), 1e-6);
        assertArrayEquals(xmu.mu(), prj.mu(), 1e-6);
    }

    @Test
    void athenaProjectDemeter() throws IOException {
        List<AthenaProjectReader.AthenaGroup> g = AthenaProjectReader.read(resource("io/Copper.prj"));
        assertEquals(1, g.size());
        assertEquals("xsypw", g.get(0).id());
        assertEquals("cu.012", g.get(0).label());
        assertEquals(612, g.get(0).x().length);
        assertEquals(612, g.get(0).i0().length);
        assertEquals(393970.0, g.get(0).i0()[0]);
    }

    @Test
    void athenaCarriageReturnInStringsAndUndefArrays() throws IOException {
        // Demeter writes bare CR inside quoted comments (zirconolite.prj) and "@stddev = (undef);"
        Path p = write("cr.prj", "# Athena project file -- Demeter version 0.9.26\r\n"
                + "$old_group = 'abc';\n"
                + "@args = ('label','Ti foil','xdi_comments',['line one\r','line two\r'],'bkg_stan',undef);\n"
                + "@x = ('4935.5','4936.5','4937.5');\n@y = ('0.1','0.2','0.4');\n@stddev = (undef);\n"
                + "[record]   # create object\n1;\n");
        List<AthenaProjectReader.AthenaGroup> g = AthenaProjectReader.read(p);
        assertEquals(1, g.size());
        assertEquals("Ti foil", g.get(0).label());
        assertEquals("[line one\r, line two\r]", g.get(0).args().get("xdi_comments"));
        assertEquals("", g.get(0).args().get("bkg_stan"));
        assertArrayEquals(new double[] {0.1, 0.2, 0.4}, g.get(0).y());
        Path q = write("undef.prj", "# Athena project file -- Athena version 0.8.059\n$old_group = 'abc';\n"
                + "@x = ('1',undef);\n");
        assertEquals(q + ", line 3: @x element 2 is undef", message(() -> AthenaProjectReader.read(q)));
    }

    @Test
    void athenaProjectJsonFlavour() throws IOException {
        // expected values printed by Larch 0.9.58 read_athena('athena3.prj')
        List<AthenaProjectReader.AthenaGroup> g = AthenaProjectReader.read(resource("io/athena3_json.prj"));
        assertEquals(1, g.size());
        assertEquals("nyef", g.get(0).id());
        assertEquals("CeO2", g.get(0).label());
        assertEquals(556, g.get(0).x().length);
        assertEquals(5453.09228, g.get(0).x()[0]);
        assertEquals(0.769809755856419, g.get(0).y()[0]);
        assertEquals(6151.67678, g.get(0).x()[555]);
        Path bad = write("bad.prj", "{\"_____header1\": \"# Athena project file -- Demeter version 0.9.26\",\n"
                + "\"_____order\": [\"abc\"],\n\"abc\": {\"x\": [\"1\", \"2\"] \"y\": []}}\n");
        assertEquals(bad + ", line 3: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate "
                + "Object entries (column 25)", message(() -> AthenaProjectReader.read(bad)));
    }

    @Test
    void windowsLineEndsInColumnFiles() throws IOException {
        Path p = write("crlf.dat", "# e mu\r\n8900 1.0\r\n8910 1.5\r\n");
        assertArrayEquals(new double[] {1.0, 1.5}, ColumnFileReader.read(p, new ColumnFileReader.Mu(0, 1)).mu());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void columnFileErrorsNameFileLineAndProblem() throws IOException {
        ColumnFileReader.Columns mu = new ColumnFileReader.Mu(0, 1);
        Path p = write("nan.dat", "# header\n8900 1.0\n8910 nan\n");
        assertEquals(p + ", line 3: column 2 is NaN", message(() -> ColumnFileReader.read(p, mu)));
        Path q = write("short.dat", "8900 1.0\n8910\n");
        assertEquals(q + ", line 2: expected at least 2 columns, found 1", message(() -> ColumnFileReader.read(q, mu)));
        Path r = write("order.dat", "8900 1.0\n8910 1.1\n8905 1.2\n");
        assertEquals(r + ", line 3: energy 8905.0 is not greater than the previous energy 8910.0",
                message(() -> ColumnFileReader.read(r, mu)));
        Path s = write("text.dat", "energy mu\n8900 1.0\n");
        assertEquals(s + ", line 1: column 1 is not a number: 'energy'", message(() -> ColumnFileReader.read(s, mu)));
        Path t = write("neg.dat", "8900 100 50\n8910 100 -5\n");
        assertEquals(t + ", line 2: ln(i0/it) needs positive intensities, got i0=100.0 it=-5.0",
                message(() -> ColumnFileReader.read(t, new ColumnFileReader.Transmission(0, 1, 2))));
        Path u = write("empty.dat", "");
        assertEquals(u + ": file is empty", message(() -> ColumnFileReader.read(u, mu)));
        Path v = write("comments.dat", "# only\n# comments\n");
        assertEquals(v + ": no data rows", message(() -> ColumnFileReader.read(v, mu)));
        Path w = write("inf.dat", "8900 1.0\n8910 1e999\n");
        assertEquals(w + ", line 2: column 2 overflows: '1e999'", message(() -> ColumnFileReader.read(w, mu)));
        Path missing = dir.resolve("nope.dat");
        assertEquals(missing + ": no such file", message(() -> ColumnFileReader.read(missing, mu)));
    }

    @Test
    void feffErrors() throws IOException {
        Path p = write("xmu.dat", "# omega e k mu mu0 chi\n8990 0 0 0.1 0.2 0.3\n8991 1 0.5 0.1 0.2\n");
        assertEquals(p + ", line 3: expected at least 6 columns, found 5", message(() -> FeffXmuReader.read(p)));
        Path q = write("chi.dat", "# k chi\n0.0 0.1\n0.05 0.2\n0.05 0.3\n");
        assertEquals(q + ", line 4: k 0.05 is not greater than the previous k 0.05", message(() -> FeffChiReader.read(q)));
        Path r = write("chi2.dat", "-0.05 0.1\n0.0 0.2\n");
        assertEquals(r + ", line 1: k -0.05 is negative", message(() -> FeffChiReader.read(r)));
    }

    @Test
    void xdiErrors() throws IOException {
        Path p = write("a.xdi", "# not xdi\n1 2\n");
        assertEquals(p + ", line 1: not an XDI file: the first line must start with '# XDI/'",
                message(() -> XdiReader.read(p)));
        Path q = write("b.xdi", "# XDI/1.0\n# Column.one: energy eV\n#----\n1 2\n");
        assertEquals(q + ", line 2: column number is not an integer: 'Column.one'", message(() -> XdiReader.read(q)));
        Path r = write("c.xdi", "# XDI/1.0\n# Column.1: energy eV\n# Column.3: mutrans\n#----\n1 2 3\n");
        assertEquals(r + ": header has no Column.2 field (columns must be numbered 1..3)", message(() -> XdiReader.read(r)));
        Path s = write("d.xdi", "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n# just words\n#----\n1 2\n");
        assertEquals(s + ", line 4: header field is not 'Namespace.tag: value': 'just words'",
                message(() -> XdiReader.read(s)));
        Path t = write("e.xdi", "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#----\n# energy mutrans\n"
                + "8900 1\n8900 2\n");
        assertEquals(t + ", line 7: energy 8900.0 is not greater than the previous energy 8900.0",
                message(() -> XdiReader.read(t)));
    }

    @Test
    void athenaErrorsAndNoEvaluation() throws IOException {
        String head = "# Athena project file -- Athena version 0.8.059\n";
        Path p = write("a.prj", "# some other file\n");
        assertEquals(p + ", line 1: not an Athena project file: the first line must contain 'Athena project file --'",
                message(() -> AthenaProjectReader.read(p)));
        Path q = write("b.prj", head + "$old_group = 'abc';\n@x = ('1','2);\n[record]\n");
        assertEquals(q + ", line 3: unterminated string starting at column 11", message(() -> AthenaProjectReader.read(q)));
        Path r = write("c.prj", head + "$old_group = 'abc';\n@x = ('1','2');\n@y = ('1','nan');\n[record]\n");
        assertEquals(r + ", line 4: column 2 is NaN", message(() -> AthenaProjectReader.read(r)));
        Path s = write("d.prj", head + "$old_group = 'abc';\n@x = ('2','1');\n@y = ('1','1');\n[record]\n");
        assertEquals(s + ", line 3: group 'abc': @x value 2 (1.0) is not greater than value 1 (2.0)",
                message(() -> AthenaProjectReader.read(s)));
        // Perl code is data here: a call is just a word that is not a number
        Path t = write("e.prj", head + "$old_group = 'abc';\n@x = (`rm -rf /`,'2');\n@y = ('1','1');\n[record]\n");
        assertEquals(t + ", line 3: expected ',' or ')' at column 11, found '-'", message(() -> AthenaProjectReader.read(t)));
        Path u = write("f.prj", head + "$old_group = 'abc';\n@x = ('1','2');\n[record]\n");
        assertEquals(u + ", line 4: group 'abc' has no @y array", message(() -> AthenaProjectReader.read(u)));
        Path v = write("g.prj", "{\"_____name\": \"Athena Project File\"}\n");
        assertEquals(v + ": not an Athena project file: no \"_____header1\" containing 'Athena project file --'",
                message(() -> AthenaProjectReader.read(v)));
    }
}
