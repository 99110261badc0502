package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A step whose grid once was emin/emax relative to E0, now a group of distances below and above E0. */
    record Span(@Param(description = "Below", unit = "eV") double below, @Param(description = "Above", unit = "eV") double above) {
    }

    record Renamed(@FormerName(value = "weight", since = "2026-12-05") @Param(description = "Weight", min = 0, max = 3) int kweight,
                   @FormerName(value = "emin", member = "below", factor = -1) @FormerName(value = "emax", member = "above") Span span) {
    }

    record SameSpanNoHistory(@Param(description = "Weight") int kweight, Span span) {
    }

    record FactorOnInt(@FormerName(value = "w", factor = 2) @Param(description = "Weight") int kweight) {
    }

    record FormerIsCurrent(@FormerName("above") @Param(description = "Weight") int kweight, Span span) {
    }

    record NoSuchMember(@FormerName(value = "emin", member = "start") Span span) {
    }

    @Test
    void formerNamesStillLoadWithAWarning() {
        ParameterSet<Renamed> r = ParameterSet.of(new Renamed(2, new Span(10, 200)));
        List<String> warnings = new java.util.ArrayList<>();
        Map<String, String> current = r.withCurrentNames(Map.of("emin", "-20", "emax", "150", "weight", "3"), warnings::add);
        assertEquals(Map.of("below", "20", "above", "150", "kweight", "3"), current);
        assertEquals(3, warnings.size());
        assertTrue(warnings.contains("'emin' is the former name of 'below': read as below = 20 (below = -1 × emin). "
                + "The old name is deprecated; use below."), String.valueOf(warnings));
        assertTrue(warnings.contains("'weight' is the former name of 'kweight' (renamed 2026-12-05): read as kweight = 3. "
                + "The old name is deprecated; use kweight."), String.valueOf(warnings));
        assertEquals(new Renamed(3, new Span(20, 150)), r.fromText(Map.of("emin", "-20", "emax", "150", "weight", "3")));
        assertEquals(r.fromText(current), r.fromText(Map.of("emin", "-20", "emax", "150", "weight", "3")));
        assertEquals(List.of("emin"), r.spec("below").formerNames().stream().map(ParameterSpec.Former::name).toList());
        assertEquals(-1, r.spec("below").formerNames().get(0).factor());
        assertEquals("--emin", r.spec("below").formerNames().get(0).option());
        assertEquals("Below. Unit: eV. Default: 10. Formerly emin (old value × -1).", r.spec("below").fullDescription(),
                "help and node descriptions name the old name");
        // the current names alone: no warning, and what a run records uses them
        List<String> none = new java.util.ArrayList<>();
        r.withCurrentNames(Map.of("below", "5"), none::add);
        assertEquals(List.of(), none);
        assertEquals(List.of("kweight", "below", "above"), List.copyOf(r.toText(r.defaults()).keySet()));

        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> r.fromText(Map.of("emin", "-20", "below", "20")));
        assertEquals("both 'below' and its former name 'emin' are given; keep only below", both.getMessage());
        assertEquals("emin (the former name of below) needs a number, got 'low'",
                assertThrows(InvalidParameterException.class, () -> r.fromText(Map.of("emin", "low"))).getMessage());
        assertEquals("kweight = 5 is outside the allowed range 0 to 3",
                assertThrows(InvalidParameterException.class, () -> r.fromText(Map.of("weight", "5"))).getMessage(),
                "an old value is checked as a new one is");
    }

    @Test
    void formerNamesOnAGroupBelongToTheStepThatDeclaresThem() {
        ParameterSet<SameSpanNoHistory> other = ParameterSet.of(new SameSpanNoHistory(2, new Span(10, 200)));
        assertEquals(List.of(), other.spec("below").formerNames());
        assertEquals("emin", assertThrows(InvalidParameterException.class, () -> other.fromText(Map.of("emin", "-20"))).parameter());
    }

    @Test
    void badFormerNameDeclarationsAreRefusedWhenTheStepLoads() {
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(new FactorOnInt(1)), "a factor on a whole number");
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(new FormerIsCurrent(1, new Span(1, 2))),
                "a former name that is a current name");
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(new NoSuchMember(new Span(1, 2))), "member names no member");
    }
}
