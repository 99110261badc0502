package org.xasdaml.curation.recipe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.xasdaml.table.Axis;
import org.xasdaml.xafs.AutobkBackground;
import org.xasdaml.xafs.CauchyWavelet;
import org.xasdaml.xafs.ChiSpectrum;
import org.xasdaml.xafs.EdgeNormalization;
import org.xasdaml.xafs.EnergyBroadening;
import org.xasdaml.xafs.ExafsVariation;
import org.xasdaml.xafs.FourierWindow;
import org.xasdaml.xafs.GridInterpolation;
import org.xasdaml.xafs.MuSpectrum;
import org.xasdaml.xafs.XafsConstants;
import org.xasdaml.xafs.XafsFourierTransform;

/**
 * The one implementation of a {@link FeatureRecipe}: μ(E) or χ(k) of one spectrum in, one row of
 * model features and the values used (E0, edge step, shift, and the variation drawn) out. The
 * features step (training spectra, simulated or measured) and {@code predict-measured} both call
 * this, so a spectrum becomes the same features whichever way it comes.
 *
 * <p>Order of operations (each one xafs kernel): [energy broadening of μ(E)] → pre_edge (E0, edge
 * step, norm) → [alignment shift; ΔE0] → autobk (χ(k) from E0 + ΔE0) → [S0², Δσ², noise on χ(k)]
 * → k-weight and k window, or xftf → |χ(R)| on the R window, or Cauchy wavelet. A simulated χ(k)
 * (FEFF's chi.dat) enters at the χ(k) stage; there ΔE0 is applied by {@link ExafsVariation#shiftE0}
 * and broadening by convolving χ(E) (E = KTOE·k² above FEFF's E0), which equals broadening μ(E)
 * where FEFF's μ0(E) is smooth.
 */
public final class SpectrumFeatures {
    private SpectrumFeatures() {
    }

    /**
     * The variation applied to one spectrum; {@link #NONE} for measured spectra and unaugmented
     * simulated ones (S0² is separate: see {@link #fromChi}).
     */
    public record Variation(double s02, double de0, double dsigma2, double fwhm, double noise, long seed) {
        public static final Variation NONE = new Variation(1, 0, 0, 0, 0, 0);

        /** Draws variant {@code v} of a sample from the recipe's augmentation (seeded by seed, sample key and v). */
        public static Variation draw(FeatureRecipe r, long sampleKey, int v) {
            FeatureRecipe.Augmentation a = r.augmentation();
            SplittableRandom g = new SplittableRandom(a.seed() * 1_000_003L + sampleKey * 7919L + v);
            double s02 = r.s02() + (2 * g.nextDouble() - 1) * r.s02Uncertainty();
            double de0 = r.simulatedE0Shift() + (2 * g.nextDouble() - 1) * a.de0();
            double ds = a.dsigma2Min() + g.nextDouble() * (a.dsigma2Max() - a.dsigma2Min());
            double fwhm = g.nextDouble() * a.fwhmMax();
            return new Variation(s02, de0, ds, fwhm, a.noise(), g.nextLong());
        }
    }

    /**
     * One spectrum's features and the values used.
     *
     * @param e0       E0 used (eV; for simulated χ NaN, FEFF's own)
     * @param edgeStep edge step (NaN for simulated χ)
     * @param shift    energy shift applied by the alignment (eV)
     */
    public record Row(double[] features, double e0, double edgeStep, double shift, Variation variation) {
    }

    /** The axis of the features the recipe makes (energy, k, R, or column index for chi-chir and wavelet). */
    public static Axis axis(FeatureRecipe r) {
        FeatureRecipe.Xftf x = r.xftf();
        switch (r.quantity()) {
            case "mu":
            case "norm": {
                double ref = r.alignE0();
                if (!(ref > 0)) {
                    throw new IllegalArgumentException("the recipe's energy grid needs its reference E0 (alignE0)");
                }
                return energyAxis(r.energyGrid(), ref, ref);
            }
            case "chi":
                return new Axis("k", "Å⁻¹", kGrid(x.kmin(), x.kmax()));
            case "chi-chir": {
                // one row, two quantities on different axes: the axis is the column index (k columns first)
                int n = kGrid(x.kmin(), x.kmax()).length + chirAxis(r).size();
                double[] idx = new double[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                return new Axis("column", "k-weighted χ(k) then |χ(R)|", idx);
            }
            case "chir":
                return chirAxis(r);
            default: {
                int n = waveletColumns(r).size();
                double[] idx = new double[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                return new Axis("wavelet", "column", idx);
            }
        }
    }

    /**
     * The median of a set of edge energies (the middle one, or the mean of the two middle ones): the
     * one reference-E0 rule of energy-grid features, alignment to a table, the measured files' common
     * grid and predict-measured's training edge.
     */
    public static double medianE0(double[] e0) {
        if (e0.length == 0) {
            throw new IllegalArgumentException("no E0 to take the median of");
        }
        double[] s = e0.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * Refuses a table whose axis name or unit is not the one expected (χ(k) given for μ(E), keV for
     * eV): spectra are never interpolated across quantities. The one axis check of the features,
     * reconcile and processing steps.
     *
     * @param port the input's name, for the message
     */
    public static void requireAxis(org.xasdaml.table.SampleTable t, String port, String name, String unit) {
        Axis a = t.axis();
        if (a == null || !a.name().equals(name) || !a.unit().equals(unit)) {
            throw new IllegalArgumentException("input " + port + " must be spectra on a " + name + " axis (" + unit + "), got "
                    + (a == null ? "a table without axis" : a.name() + " (" + a.unit() + ")") + "; refusing the wrong quantity");
        }
    }

    /**
     * The energy grid lowE0 + emin .. highE0 + emax in {@code points} points: for μ features one
     * reference E0 (low = high), for a reconciled dataset its lowest and highest E0 (the reference's
     * {@code linspace(min E0 - 10, max E0 + 200, 1000)}).
     */
    public static Axis energyAxis(FeatureRecipe.EnergyGrid g, double lowE0, double highE0) {
        if (!Double.isFinite(lowE0) || !Double.isFinite(highE0) || highE0 < lowE0) {
            throw new IllegalArgumentException("an energy grid needs finite edge energies, got " + lowE0 + " .. " + highE0);
        }
        return new Axis("energy", "eV", GridInterpolation.linspace(lowE0 + g.emin(), highE0 + g.emax(), g.points()));
    }

    /**
     * pre_edge of one μ(E) with the recipe's arguments (E0, edge step, normalised μ), refusing a
     * spectrum without an edge: the one normalisation of training, reconciled and measured spectra.
     */
    public static EdgeNormalization.Result preEdge(MuSpectrum spectrum, FeatureRecipe.PreEdge p) {
        EdgeNormalization.Result pe = EdgeNormalization.preEdge(spectrum, preEdgeOptions(p));
        if (!(pe.edgeStep() > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no edge found (edge step %.3g at E0 %.2f eV)",
                    pe.edgeStep(), pe.e0()));
        }
        return pe;
    }

    /**
     * y(E) on an energy grid by linear interpolation: the one way spectra reach an energy grid.
     * Where the grid reaches beyond the data the spectrum is refused, naming both ranges, unless
     * {@code clamp} (end values repeated, as NumPy's interp): FEFF's μ(E) starts at its Fermi level,
     * a few eV below E0, so simulated spectra are clamped there; measured ones never are.
     *
     * @param what names the spectrum in the message (sample, file, shift applied)
     */
    public static double[] onEnergyGrid(String what, double[] energy, double[] y, Axis grid, boolean clamp) {
        return new org.xasdaml.curation.SpectrumGrid(grid).map(what, energy, y,
                clamp ? GridInterpolation.Extrapolation.CLAMP : GridInterpolation.Extrapolation.REFUSE);
    }

    /** The R axis of |χ(R)| features: xftf's R grid inside the R window. */
    private static Axis chirAxis(FeatureRecipe r) {
        FeatureRecipe.Xftf x = r.xftf();
        List<Double> keep = new ArrayList<>();
        for (double v : rGrid(x.kmax())) {
            if (v >= x.rmin() - 1e-9 && v <= x.rmax() + 1e-9) {
                keep.add(v);
            }
        }
        return new Axis("r", "Å", keep.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** k = kmin, kmin + 0.05, …, kmax (rounded onto the 0.05 Å⁻¹ grid). */
    static double[] kGrid(double kmin, double kmax) {
        int i0 = (int) Math.ceil(kmin / FeatureRecipe.KSTEP - 1e-9);
        int i1 = (int) Math.floor(kmax / FeatureRecipe.KSTEP + 1e-9);
        double[] k = new double[i1 - i0 + 1];
        for (int i = 0; i < k.length; i++) {
            k[i] = (i0 + i) * FeatureRecipe.KSTEP;
        }
        return k;
    }

    /** xftf's R grid with the recipe's transform settings (Larch's rmax_out, nfft and kstep), from the kernel itself. */
    static double[] rGrid(double kmax) {
        XafsFourierTransform.ForwardOptions f = XafsFourierTransform.ForwardOptions.of(0, kmax, 0, 0, FourierWindow.Shape.HANNING);
        return XafsFourierTransform.rGrid(f.rmaxOut(), f.nfft(), f.kstep());
    }

    // ------------------------------------------------------------------ μ(E) in

    /**
     * Features of a μ(E) spectrum (measured, or simulated with simulatedChi autobk).
     *
     * @param simulated multiply χ by the variation's S0² (FEFF's S02 is 1); false for measured spectra
     */
    public static Row fromMu(double[] energy, double[] mu, FeatureRecipe r, Variation v, boolean simulated) {
        MuSpectrum spec = new MuSpectrum(energy, mu);
        if (v.fwhm() > 0) {
            spec = new MuSpectrum(energy, EnergyBroadening.convolve(energy, mu, v.fwhm(), shape(r)));
        }
        EdgeNormalization.Result pe = preEdge(spec, r.preEdge());
        double e0 = pe.e0();
        double shift = 0;
        if (r.energyFeatures()) {
            if (!r.alignment().equals("none")) {
                shift = r.alignE0() - e0;
            }
            double[] e = ExafsVariation.shiftEnergy(energy, shift + v.de0());
            double[] y = r.quantity().equals("norm") ? pe.norm() : spec.mu();
            if (v.noise() > 0) {
                double sigma = r.quantity().equals("norm") ? v.noise() : v.noise() * pe.edgeStep();
                y = ExafsVariation.noise(y, sigma, new SplittableRandom(v.seed()));
            }
            // FEFF's grid starts at its Fermi level, a few eV below E0: simulated spectra repeat their end values there
            double[] f = onEnergyGrid(String.format(Locale.ROOT, "spectrum shifted by %.2f eV", shift + v.de0()), e, y, axis(r),
                    simulated);
            return new Row(f, e0, pe.edgeStep(), shift, v);
        }
        FeatureRecipe.Autobk a = r.autobk();
        double e0used = e0 + v.de0();
        double kmaxData = Math.sqrt(Math.max(0, energy[energy.length - 1] - e0used) * XafsConstants.ETOK);
        if (kmaxData < r.xftf().kmax()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "data reach k = %.2f Å⁻¹ above E0 %.2f eV, the recipe needs k up to %.2f Å⁻¹ (energy range too short)",
                    kmaxData, e0used, r.xftf().kmax()));
        }
        AutobkBackground.Options ao = new AutobkBackground.Options(a.rbkg(), null, e0used, pe.edgeStep(), a.kmin(),
                Double.isNaN(a.kmax()) ? null : a.kmax(), a.kweight(), a.dk(), FourierWindow.Shape.of(a.window()), 2048,
                FeatureRecipe.KSTEP, 3, 0, 1, preEdgeOptions(r.preEdge()));
        AutobkBackground.Result bk = AutobkBackground.autobk(spec, ao);
        double[] chi = bk.chi().chi();
        if (simulated) {
            chi = ExafsVariation.amplitude(chi, v.s02());
        }
        return new Row(fromChiArrays(bk.chi().k(), chi, r, v), e0used, pe.edgeStep(), 0, v);
    }

    // ------------------------------------------------------------------ χ(k) in

    /**
     * Features of a simulated χ(k) (FEFF's chi.dat, k from FEFF's E0): ΔE0 and broadening as
     * described in the class comment, then S0² (the variation's), Δσ² and noise.
     */
    public static Row fromChi(double[] k, double[] chi, FeatureRecipe r, Variation v) {
        if (r.energyFeatures()) {
            throw new IllegalArgumentException("the recipe makes " + r.quantity() + " features on an energy grid; a χ(k) "
                    + "table cannot give them (give μ(E))");
        }
        double[] c = chi;
        if (v.fwhm() > 0) {
            double[] e = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                e[i] = XafsConstants.ktoe(k[i]);
            }
            c = EnergyBroadening.convolve(e, c, v.fwhm(), shape(r));
        }
        if (v.de0() != 0) {
            c = ExafsVariation.shiftE0(k, c, v.de0());
        }
        c = ExafsVariation.amplitude(c, v.s02());
        return new Row(fromChiArrays(k, c, r, v), Double.NaN, Double.NaN, 0, v);
    }

    /** Δσ², noise, then the quantity's transform. */
    private static double[] fromChiArrays(double[] k, double[] chi, FeatureRecipe r, Variation v) {
        FeatureRecipe.Xftf x = r.xftf();
        if (k[k.length - 1] < x.kmax() - 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "χ(k) reaches k = %.2f Å⁻¹, the recipe needs %.2f Å⁻¹",
                    k[k.length - 1], x.kmax()));
        }
        // onto the uniform grid from 0 (χ(0) = 0 by definition where the data start later)
        double[] kg = kGrid(0, Math.max(x.kmax() + 2 * Math.max(x.dk(), 0), x.kmax()));
        double[] kk = kg;
        if (kg[kg.length - 1] > k[k.length - 1]) {
            kk = kGrid(0, x.kmax());
        }
        double[] c = GridInterpolation.linear(k, chi, kk, GridInterpolation.Extrapolation.CLAMP);
        for (int i = 0; i < kk.length; i++) {
            if (kk[i] < k[0] - 1e-9) {
                c[i] = 0;
            }
        }
        if (v.dsigma2() != 0) {
            c = ExafsVariation.debyeWaller(kk, c, v.dsigma2());
        }
        if (v.noise() > 0) {
            c = ExafsVariation.noise(c, v.noise(), new SplittableRandom(v.seed()));
        }
        switch (r.quantity()) {
            case "chi":
                return x.filtered() ? filteredChi(kk, c, x) : weightedChi(kk, c, x);
            case "chir":
                return chirMagnitude(transform(kk, c, x), r);
            case "chi-chir": {
                XafsFourierTransform.ChiR cr = transform(kk, c, x);
                double[] a = x.filtered() ? filteredChi(kk, c, x) : weightedChi(kk, c, x);
                double[] b = chirMagnitude(cr, r);
                double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, out, a.length, b.length);
                return out;
            }
            case "wavelet": {
                CauchyWavelet.Magnitude m = wavelet(kk, c, r);
                List<int[]> cols = waveletColumns(r, m); // from this map's own grids: no second transform
                double[] out = new double[cols.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = m.at(cols.get(i)[0], cols.get(i)[1]); // one value: mag() would copy the whole map
                }
                return out;
            }
            default:
                throw new IllegalStateException(r.quantity());
        }
    }

    /** k^kweight·χ(k) on the k window's grid. */
    private static double[] weightedChi(double[] kk, double[] c, FeatureRecipe.Xftf x) {
        double[] kw = kGrid(x.kmin(), x.kmax());
        double[] out = GridInterpolation.linear(kk, c, kw, GridInterpolation.Extrapolation.CLAMP);
        for (int i = 0; i < out.length; i++) {
            out[i] *= Math.pow(kw[i], x.kweight());
        }
        return out;
    }

    /** xftf of the windowed k^kweight·χ(k) with the recipe's transform settings: the one forward transform of the features. */
    private static XafsFourierTransform.ChiR transform(double[] kk, double[] c, FeatureRecipe.Xftf x) {
        return XafsFourierTransform.xftf(new ChiSpectrum(kk, c), XafsFourierTransform.ForwardOptions
                .of(x.kmin(), x.kmax(), x.kweight(), x.dk(), FourierWindow.Shape.of(x.window())));
    }

    /**
     * The Fourier-filtered k features: Re χ(q) (Larch's xftr of χ(R) over rmin..rfilter, Hanning,
     * dR {@link FeatureRecipe.Xftf#RFILTER_DR}) on the k window's grid. The forward transform of the
     * filter runs over kmin − dk .. kmax + dk (as far as the data reach), wider than the features:
     * over kmin..kmax itself, χ(q) would be window(k)·kⁿχ(k), its first and last 0.5 Å⁻¹ damped by
     * the taper (to half at kmin), and the low-k end carries the cluster CN information. With the
     * wider range the features' k range lies inside the window's flat top, so χ(q) is kⁿχ(k) with
     * only the distances rmin..rfilter left in it.
     */
    private static double[] filteredChi(double[] kk, double[] c, FeatureRecipe.Xftf x) {
        double dk = Math.max(x.dk(), 0);
        XafsFourierTransform.ChiR cr = XafsFourierTransform.xftf(new ChiSpectrum(kk, c), XafsFourierTransform.ForwardOptions
                .of(Math.max(0, x.kmin() - dk), Math.min(kk[kk.length - 1], x.kmax() + dk), x.kweight(), x.dk(),
                        FourierWindow.Shape.of(x.window())));
        XafsFourierTransform.ChiQ q = XafsFourierTransform.xftr(cr, XafsFourierTransform.ReverseOptions.of(x.rmin(), x.rfilter(),
                FeatureRecipe.Xftf.RFILTER_DR, FourierWindow.Shape.HANNING));
        return GridInterpolation.linear(q.q(), q.re(), kGrid(x.kmin(), x.kmax()), GridInterpolation.Extrapolation.REFUSE);
    }

    /** |χ(R)| on the R window. */
    private static double[] chirMagnitude(XafsFourierTransform.ChiR cr, FeatureRecipe r) {
        FeatureRecipe.Xftf x = r.xftf();
        double[] rr = cr.r();
        double[] mag = cr.mag();
        double[] out = new double[chirAxis(r).size()];
        int j = 0;
        for (int i = 0; i < rr.length && j < out.length; i++) {
            if (rr[i] >= x.rmin() - 1e-9 && rr[i] <= x.rmax() + 1e-9) {
                out[j++] = mag[i];
            }
        }
        return out;
    }

    /** Wavelet strides: every 4th k point (0.2 Å⁻¹) and every 2nd R point. */
    static final int WAVELET_K_STRIDE = 4;
    static final int WAVELET_R_STRIDE = 2;

    private static CauchyWavelet.Magnitude wavelet(double[] kk, double[] c, FeatureRecipe r) {
        int n = (int) Math.round(r.xftf().kmax() / FeatureRecipe.KSTEP) + 1;
        double[] k0 = java.util.Arrays.copyOf(kk, Math.min(n, kk.length));
        double[] c0 = java.util.Arrays.copyOf(c, k0.length);
        return CauchyWavelet.magnitudeSubsampled(new ChiSpectrum(k0, c0),
                new CauchyWavelet.Options(r.xftf().kweight(), r.xftf().rmax() + 0.5, 2048), 0, WAVELET_K_STRIDE, WAVELET_R_STRIDE);
    }

    /** (R index, k index) of the wavelet columns inside the k and R windows, R-major. */
    static List<int[]> waveletColumns(FeatureRecipe r) {
        double[] kk = kGrid(0, r.xftf().kmax());
        return waveletColumns(r, wavelet(kk, new double[kk.length], r));
    }

    /** As {@link #waveletColumns(FeatureRecipe)}, read off a map the recipe made. */
    private static List<int[]> waveletColumns(FeatureRecipe r, CauchyWavelet.Magnitude m) {
        List<int[]> out = new ArrayList<>();
        float[] ks = m.k();
        float[] rs = m.r();
        for (int i = 0; i < rs.length; i++) {
            for (int j = 0; j < ks.length; j++) {
                if (ks[j] >= r.xftf().kmin() - 1e-6 && ks[j] <= r.xftf().kmax() + 1e-6 && rs[i] >= r.xftf().rmin() - 1e-6
                        && rs[i] <= r.xftf().rmax() + 1e-6) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    private static EnergyBroadening.Shape shape(FeatureRecipe r) {
        return r.augmentation().broadening().equals("lorentzian") ? EnergyBroadening.Shape.LORENTZIAN : EnergyBroadening.Shape.GAUSSIAN;
    }

    static EdgeNormalization.Options preEdgeOptions(FeatureRecipe.PreEdge p) {
        return new EdgeNormalization.Options(nn(p.e0()), null, p.nnorm() < 0 ? null : p.nnorm(), 0, nn(p.pre1()), nn(p.pre2()),
                nn(p.norm1()), nn(p.norm2()), true);
    }

    private static Double nn(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
