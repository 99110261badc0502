package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSetTest {
    enum Window { HANNING, KAISER_BESSEL }

    record Options(
            @Param(description = "Lower k", unit = "Å⁻¹", min = 0) double kmin,
            @Param(description = "Upper k", unit = "Å⁻¹", min = 0, max = 30) double kmax,
            @Param(description = "Weight", min = 0, max = 3) int kweight,
            @Param(description = "Window") Window window,
            @Param(description = "Methods", choices = {"JmolNN", "VoronoiNN"}) List<String> methods,
            @Param(description = "Skip bad frames") boolean skipBadFrames) {
        Options {
            if (kmax <= kmin) {
                throw InvalidParameterException.of("kmax", "kmax %s must exceed kmin %s", kmax, kmin);
            }
        }
    }

    final ParameterSet<Options> set = ParameterSet.of(new Options(2, 12, 2, Window.HANNING, List.of("JmolNN"), false));

    @Test
    void specsComeFromTheRecord() {
        List<ParameterSpec> s = set.specs();
        assertEquals(List.of("kmin", "kmax", "kweight", "window", "methods", "skipBadFrames"), s.stream().map(ParameterSpec::name).toList());
        assertEquals(ParameterSpec.Kind.CHOICE, s.get(3).kind());
        assertEquals(List.of("hanning", "kaiser-bessel"), s.get(3).choices());
        assertEquals(ParameterSpec.Kind.TEXT_LIST, s.get(4).kind());
        assertEquals("--skip-bad-frames", s.get(5).option());
        assertEquals("Skip bad frames", s.get(5).label());
        assertEquals("Upper k. Unit: Å⁻¹. Range: 0 to 30. Default: 12.", s.get(1).fullDescription());
    }

    @Test
    void textRoundTrip() {
        Options o = set.fromText(Map.of("kmax", "14.5", "window", "kaiser-bessel", "methods", "JmolNN, VoronoiNN", "skipBadFrames", "yes"));
        assertEquals(new Options(2, 14.5, 2, Window.KAISER_BESSEL, List.of("JmolNN", "VoronoiNN"), true), o);
        assertEquals(o, set.fromText(set.toText(o)));
        assertEquals("JmolNN,VoronoiNN", set.toText(o).get("methods"));
    }

    @Test
    void errorsNameTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("kmax", "40")));
        assertEquals("kmax = 40 is outside the allowed range 0 to 30 Å⁻¹", e.getMessage());
        assertEquals("kmax", e.parameter());
        assertEquals("kweight needs a whole number, got '2.5'",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("kweight", "2.5"))).getMessage());
        assertEquals("kmax 1.5 must exceed kmin 2.0",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("kmax", "1.5"))).getMessage());
        assertEquals("methods: 'CrystalNN' is not one of JmolNN, VoronoiNN",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("methods", "CrystalNN"))).getMessage());
        assertEquals("window: 'welch' is not one of hanning, kaiser-bessel",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("window", "welch"))).getMessage());
        assertEquals("unknown parameter 'kmaxx'; known: kmin, kmax, kweight, window, methods, skipBadFrames",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("kmaxx", "1"))).getMessage());
        assertEquals("kmin must be a number, not NaN",
                assertThrows(InvalidParameterException.class, () -> set.fromText(Map.of("kmin", "NaN"))).getMessage());
    }

    /** A parameter group: one declaration shared by two steps' options. */
    record Grid(@Param(description = "Start", unit = "eV") double emin,
                @Param(description = "End", unit = "eV") double emax,
                @Param(description = "Points", min = 2) int points) {
        Grid {
            if (emax <= emin) {
                throw InvalidParameterException.of("emax", "emax %s must exceed emin %s", emax, emin);
            }
        }
    }

    record WithGroup(@Param(description = "Mode", choices = {"clamp", "refuse"}) String mode, Grid grid,
                     @Param(description = "Largest k", min = 0) double kmax) {
    }

    record Twice(@Param(description = "Points") int points, Grid grid) {
    }

    @Test
    void aGroupsMembersAreParametersUnderTheirOwnNames() {
        ParameterSet<WithGroup> g = ParameterSet.of(new WithGroup("clamp", new Grid(-10, 200, 1000), 0));
        assertEquals(List.of("mode", "emin", "emax", "points", "kmax"), g.specs().stream().map(ParameterSpec::name).toList());
        assertEquals("-10", g.spec("emin").defaultValue());
        assertEquals(Map.of("mode", "clamp", "emin", "-10", "emax", "200", "points", "1000", "kmax", "0"),
                g.toText(g.defaults()));
        WithGroup o = g.fromText(Map.of("emax", "150", "kmax", "12"));
        assertEquals(new WithGroup("clamp", new Grid(-10, 150, 1000), 12), o);
        assertEquals(o, g.fromText(g.toText(o)), "text round trip");
        InvalidParameterException range = assertThrows(InvalidParameterException.class, () -> g.fromText(Map.of("points", "1")));
        assertEquals("points", range.parameter());
        InvalidParameterException rel = assertThrows(InvalidParameterException.class, () -> g.fromText(Map.of("emax", "-20")));
        assertEquals("emax", rel.parameter(), "the group's own check names its parameter");
        assertThrows(InvalidParameterException.class, () -> g.validate(new WithGroup("clamp", new Grid(-10, 200, 1), 0)));
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(new Twice(3, new Grid(0, 1, 2))), "a name declared twice");
    }
}
