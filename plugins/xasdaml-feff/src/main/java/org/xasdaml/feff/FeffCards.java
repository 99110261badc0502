package org.xasdaml.feff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The control cards of a Feff8L EXAFS calculation, as written into {@code feff.inp}.
 *
 * <p>Defaults follow the XASDAML reference (module 1: {@code CONTROL 1 1 1 1 1 1}, {@code EXAFS 20},
 * {@code RPATH 7}, {@code SCF 6.8 0 30 0.1 1}, {@code EXCHANGE 0 0 0.6}, {@code NLEGS 8},
 * {@code CRITERIA 0 1.5}, {@code S02 1}) with two physics choices made differently, each a parameter:
 * <ul>
 * <li>the edge is K: the reference's Cu L3 gives almost no EXAFS signal beyond k ≈ 8 Å⁻¹;</li>
 * <li>no DEBYE card: frames from molecular dynamics already carry their thermal disorder, so a
 * correlated-Debye σ² on top would count it twice.</li>
 * </ul>
 * {@link #reference()} gives the reference's cards exactly (L3, {@code DEBYE 300 160}, {@code CFAVERAGE 1 1 0}).
 * {@code CFAVERAGE} is written only when asked ({@code cfaverage}): Feff8L reads its first number as the
 * potential index of the absorbing atoms, so {@code CFAVERAGE 1 1 0} names potential 1 (the other Cu
 * atoms), not the absorber at the origin; measured effect in the module README.
 *
 * @param edge      absorption edge: K, L1, L2, L3, M1 ... M5
 * @param s02       amplitude reduction factor S0²
 * @param kmax      EXAFS card: largest k (Å⁻¹); Feff8L writes χ on 0 … kmax by 0.05
 * @param rpath     RPATH: longest half path length (Å)
 * @param nlegs     NLEGS: most legs per scattering path
 * @param critCurved  CRITERIA, curved-wave importance cut-off (%)
 * @param critPlane   CRITERIA, plane-wave importance cut-off (%)
 * @param scf       the SCF card, or null for none (overlapped free-atom potentials, no self-consistency)
 * @param exchange  EXCHANGE: ixc (0 = Hedin-Lundqvist)
 * @param vr        EXCHANGE: real shift of the self-energy (eV)
 * @param vi        EXCHANGE: imaginary part, extra broadening (eV)
 * @param debye     the DEBYE card, or null for none
 * @param cfaverage write the reference's {@code CFAVERAGE 1 1 0} card
 */
public record FeffCards(String edge, double s02, double kmax, double rpath, int nlegs, double critCurved, double critPlane,
                        Scf scf, int exchange, double vr, double vi, Debye debye, boolean cfaverage) {

    /** Edges Feff8L knows by name. */
    public static final Set<String> EDGES = Set.of("K", "L1", "L2", "L3", "M1", "M2", "M3", "M4", "M5");

    /**
     * SCF card: self-consistent potentials over a cluster of radius {@code rfms} (Å).
     *
     * @param rfms  radius of the cluster for the full multiple scattering of the SCF loop (Å)
     * @param lfms  0 = solid (each potential in its own cluster), 1 = molecule
     * @param nscmt largest number of iterations
     * @param ca    convergence (mixing) factor
     * @param nmix  number of iterations with Broyden mixing
     */
    public record Scf(double rfms, int lfms, int nscmt, double ca, int nmix) {
        public Scf {
            if (!(rfms > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "SCF radius %s must be positive", rfms));
            }
            if (nscmt < 1) {
                throw new IllegalArgumentException("SCF iterations must be at least 1, got " + nscmt);
            }
        }

        /** The reference's {@code SCF 6.8 0 30 0.1 1}. */
        public static Scf reference() {
            return new Scf(6.8, 0, 30, 0.1, 1);
        }
    }

    /**
     * DEBYE card: correlated-Debye σ² for every path.
     *
     * @param temperature sample temperature (K)
     * @param debyeTemperature Debye temperature (K)
     */
    public record Debye(double temperature, double debyeTemperature) {
        public Debye {
            if (!(temperature >= 0) || !(debyeTemperature > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "DEBYE needs temperature >= 0 and Debye temperature > 0, got %s and %s", temperature, debyeTemperature));
            }
        }
    }

    public FeffCards {
        edge = edge.strip().toUpperCase(Locale.ROOT);
        if (!EDGES.contains(edge)) {
            throw new IllegalArgumentException("unknown edge '" + edge + "'; Feff8L knows " + new java.util.TreeSet<>(EDGES));
        }
        if (!(kmax > 0 && kmax <= 20)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "EXAFS kmax %s must be in (0, 20] Å⁻¹ (Feff8L's limit)", kmax));
        }
        if (!(rpath > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "RPATH %s must be positive", rpath));
        }
        if (nlegs < 2 || nlegs > 8) {
            throw new IllegalArgumentException("NLEGS must be 2 to 8, got " + nlegs);
        }
        if (!(s02 > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "S02 %s must be positive", s02));
        }
    }

    /** Cards without {@code CFAVERAGE}. */
    public FeffCards(String edge, double s02, double kmax, double rpath, int nlegs, double critCurved, double critPlane, Scf scf,
                     int exchange, double vr, double vi, Debye debye) {
        this(edge, s02, kmax, rpath, nlegs, critCurved, critPlane, scf, exchange, vr, vi, debye, false);
    }

    /** This project's defaults: the reference's cards at the K edge and without DEBYE. */
    public static FeffCards defaults() {
        return new FeffCards("K", 1.0, 20.0, 7.0, 8, 0.0, 1.5, Scf.reference(), 0, 0.0, 0.6, null);
    }

    /** The reference's cards exactly: Cu L3 and {@code DEBYE 300 160}. */
    public static FeffCards reference() {
        return new FeffCards("L3", 1.0, 20.0, 7.0, 8, 0.0, 1.5, Scf.reference(), 0, 0.0, 0.6, new Debye(300, 160), true);
    }

    /** The same cards without self-consistency. */
    public FeffCards withoutScf() {
        return new FeffCards(edge, s02, kmax, rpath, nlegs, critCurved, critPlane, null, exchange, vr, vi, debye, cfaverage);
    }

    /** The same cards with another SCF card (null = none). */
    public FeffCards withScf(Scf other) {
        return new FeffCards(edge, s02, kmax, rpath, nlegs, critCurved, critPlane, other, exchange, vr, vi, debye, cfaverage);
    }

    /**
     * local-scf mode's narrowing, the one place it is made (the step and the benches): the SCF card's radius, most
     * iterations and convergence factor replaced by the local ones, its lfms and nmix kept, every other card unchanged.
     */
    public FeffCards withLocalScf(double radius, int iterations, double ca) {
        if (scf == null) {
            throw new IllegalArgumentException("no SCF card to narrow to the local one");
        }
        return withScf(new Scf(radius, scf.lfms(), iterations, ca, scf.nmix()));
    }

    /** The same cards with or without {@code CFAVERAGE 1 1 0}. */
    public FeffCards withCfaverage(boolean on) {
        return new FeffCards(edge, s02, kmax, rpath, nlegs, critCurved, critPlane, scf, exchange, vr, vi, debye, on);
    }

    /** The card lines, in the reference's order. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("CONTROL 1 1 1 1 1 1");
        l.add("EDGE " + edge);
        l.add(f("EXAFS %s", kmax));
        l.add("PRINT 0 0 0 0 0 0");
        l.add(f("RPATH %s", rpath));
        l.add(f("S02 %s", s02));
        if (scf != null) {
            l.add(f("SCF %s %d %d %s %d", scf.rfms(), scf.lfms(), scf.nscmt(), scf.ca(), scf.nmix()));
        }
        l.add(f("EXCHANGE %d %s %s", exchange, vr, vi));
        l.add("NLEGS " + nlegs);
        if (debye != null) {
            l.add(f("DEBYE %s %s", debye.temperature(), debye.debyeTemperature()));
        }
        if (cfaverage) {
            l.add("CFAVERAGE 1 1 0");
        }
        l.add(f("CRITERIA %s %s", critCurved, critPlane));
        return l;
    }

    private static String f(String template, Object... args) {
        Object[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof Double d) {
                a[i] = number(d);
            }
        }
        return String.format(Locale.ROOT, template, a);
    }

    /** A number without trailing zeros (6.8, 20.0 → "20", 0.1). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
