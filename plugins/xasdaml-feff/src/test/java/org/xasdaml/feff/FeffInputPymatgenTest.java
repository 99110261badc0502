package org.xasdaml.feff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xasdaml.structure.ReadStructuresStep;
import org.xasdaml.structure.Sample;

/**
 * feff.inp equals pymatgen's FEFFDictSet output (the reference's writer) card by card, potential by
 * potential (stoichiometry included) and atom by atom; fixtures from make_pymatgen_cards_fixtures.py.
 * Only the TITLE/comment header differs (ours names the sample).
 */
class FeffInputPymatgenTest {

    @Test
    void defaultCardsEqualPymatgenOnThreeClusterFrames() throws Exception {
        List<Sample> samples = FeffFixtures.cuFrames(14).sampleList();
        for (int n : new int[] {0, 7, 13}) {
            assertSame("pymatgen_cards_frame" + n + "_default.inp", FeffInput.of(samples.get(n), 20, FeffCards.defaults()).text());
        }
    }

    @Test
    void referenceCardsEqualPymatgenWithTheReferencesCfg() throws Exception {
        List<Sample> samples = FeffFixtures.cuFrames(14).sampleList();
        for (int n : new int[] {0, 7, 13}) {
            assertSame("pymatgen_cards_frame" + n + "_reference.inp", FeffInput.of(samples.get(n), 20, FeffCards.reference()).text());
        }
    }

    @Test
    void periodicBulkFrameEqualsPymatgenWithImages() throws Exception {
        Path dump = FeffFixtures.resource("cu-bulk-md-public-first1.dump");
        Sample s = ReadStructuresStep.read(dump, new ReadStructuresStep.Options(dump.toString(), "auto", "0", 1, "", List.of(), false))
                .sampleList().get(0);
        FeffInput in = FeffInput.of(s, 9.0, FeffCards.defaults());
        assertEquals(258, in.atoms().size(), "absorber + 257 atoms within 9 Å, periodic images included");
        assertSame("pymatgen_cards_bulk0_default.inp", in.text());
    }

    @Test
    void cfaverageOnlyWhenAsked() {
        assertEquals(0, FeffCards.defaults().lines().stream().filter(l -> l.startsWith("CFAVERAGE")).count());
        assertEquals(List.of("CFAVERAGE 1 1 0"),
                FeffCards.defaults().withCfaverage(true).lines().stream().filter(l -> l.startsWith("CFAVERAGE")).toList());
    }

    private static void assertSame(String fixture, String ours) throws Exception {
        String theirs = Files.readString(FeffFixtures.resource(fixture));
        List<List<String>> ec = cards(theirs);
        List<List<String>> gc = cards(ours);
        assertEquals(ec.size(), gc.size(), fixture + ": cards " + gc + " vs pymatgen " + ec);
        for (int i = 0; i < ec.size(); i++) {
            assertTokens(fixture + " card " + ec.get(i), ec.get(i), gc.get(i));
        }
        List<List<String>> ep = block(theirs, "POTENTIALS");
        List<List<String>> gp = block(ours, "POTENTIALS");
        assertEquals(ep.size(), gp.size(), fixture + ": potentials");
        for (int i = 0; i < ep.size(); i++) {
            assertTokens(fixture + " potential " + i, ep.get(i), gp.get(i));
        }
        List<List<String>> ea = sorted(block(theirs, "ATOMS"));
        List<List<String>> ga = sorted(block(ours, "ATOMS"));
        assertEquals(ea.size(), ga.size(), fixture + ": atoms");
        for (int i = 0; i < ea.size(); i++) {
            // x y z ipot tag distance (the last column is a site number in both, counted differently for images)
            for (int c = 0; c < 6; c++) {
                String e = ea.get(i).get(c);
                String g = ga.get(i).get(c);
                if (c == 4) {
                    assertEquals(e, g, fixture + " atom " + i + " tag");
                } else {
                    assertEquals(Double.parseDouble(e), Double.parseDouble(g), 1e-4, fixture + " atom " + i + " column " + c);
                }
            }
        }
    }

    /** Card lines (key and values) between the header and POTENTIALS, comments and TITLEs left out. */
    private static List<List<String>> cards(String inp) {
        List<List<String>> out = new ArrayList<>();
        for (String l : inp.split("\n")) {
            String s = l.strip();
            if (s.startsWith("POTENTIALS")) {
                break;
            }
            if (s.isEmpty() || s.startsWith("*") || s.startsWith("TITLE")) {
                continue;
            }
            out.add(List.of(s.split("\\s+")));
        }
        return out;
    }

    /** Data rows of a block (POTENTIALS or ATOMS) up to a blank line or END. */
    private static List<List<String>> block(String inp, String name) {
        List<List<String>> out = new ArrayList<>();
        boolean in = false;
        for (String l : inp.split("\n")) {
            String s = l.strip();
            if (s.equals(name)) {
                in = true;
                continue;
            }
            if (!in || s.startsWith("*")) {
                continue;
            }
            if (s.isEmpty() || s.equals("END")) {
                break;
            }
            out.add(List.of(s.split("\\s+")));
        }
        return out;
    }

    private static List<List<String>> sorted(List<List<String>> atoms) {
        List<List<String>> a = new ArrayList<>(atoms);
        a.sort(Comparator.comparingDouble((List<String> r) -> Math.round(Double.parseDouble(r.get(5)) * 1e3))
                .thenComparingDouble(r -> Math.round(Double.parseDouble(r.get(0)) * 1e3))
                .thenComparingDouble(r -> Math.round(Double.parseDouble(r.get(1)) * 1e3))
                .thenComparingDouble(r -> Math.round(Double.parseDouble(r.get(2)) * 1e3)));
        return a;
    }

    /** Same words; numbers compared as numbers (pymatgen writes 0.1000 where we write 0.1). */
    private static void assertTokens(String what, List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String g = actual.get(i);
            try {
                assertEquals(Double.parseDouble(e), Double.parseDouble(g), 1e-9, what + " value " + i);
            } catch (NumberFormatException x) {
                assertEquals(e, g, what + " word " + i);
            }
        }
    }
}
