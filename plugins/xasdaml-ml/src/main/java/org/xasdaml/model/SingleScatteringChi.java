package org.xasdaml.model;

import java.util.ArrayList;
import java.util.List;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * A fast stand-in for FEFF on real structures: χ(k) of the absorbing atom from the EXAFS equation in
 * the plane-wave single-scattering form, summed over every atom within {@code rmax}:
 * <pre>
 *   χ(k) = Σ_j S0² / (k r_j²) · exp(−2 σ² k²) · exp(−2 r_j / λ) · sin(2 k r_j + φ0 − 0.08 k)
 * </pre>
 * with one neighbour amplitude and phase for all atoms (no multiple scattering, no backscattering
 * amplitude shape). The returned spectrum is k²·χ(k). The geometry of each snapshot, and therefore
 * the information on coordination and distances, is real; the scattering physics is crude. It serves
 * benchmarks and examples that need spectra of real structures without hours of FEFF; it is no
 * substitute for FEFF in results.
 *
 * @param kmin   first k (Å⁻¹)
 * @param kmax   last k (Å⁻¹)
 * @param kstep  k spacing (Å⁻¹)
 * @param rmax   neighbours up to this distance (Å)
 * @param sigma2 extra Debye–Waller factor σ² (Å²) on top of the snapshot's own disorder
 * @param s02    amplitude reduction factor S0²
 * @param lambda mean free path λ (Å)
 * @param phi0   constant phase shift (rad)
 */
public record SingleScatteringChi(double kmin, double kmax, double kstep, double rmax, double sigma2, double s02,
                                  double lambda, double phi0) {

    /** Cu-like settings on k = 2..12 Å⁻¹ (0.05 Å⁻¹), atoms up to 5.5 Å. */
    public static SingleScatteringChi copper() {
        return new SingleScatteringChi(2.0, 12.0, 0.05, 5.5, 0.002, 0.9, 8.0, -0.3);
    }

    public Axis axis() {
        int n = (int) Math.round((kmax - kmin) / kstep) + 1;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kmin + i * kstep;
        }
        return new Axis("k", "Å⁻¹", k);
    }

    /** k²χ(k) of one absorbing site of a frame (positions taken as they are: a cluster, no periodic images). */
    public double[] k2chi(Frame f, int site) {
        double[] k = axis().values();
        double[] y = new double[k.length];
        double x0 = f.x(site);
        double y0 = f.y(site);
        double z0 = f.z(site);
        for (int j = 0; j < f.size(); j++) {
            if (j == site) {
                continue;
            }
            double dx = f.x(j) - x0;
            double dy = f.y(j) - y0;
            double dz = f.z(j) - z0;
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (r > rmax || r < 0.5) {
                continue;
            }
            double a = s02 / (r * r) * Math.exp(-2 * r / lambda);
            for (int i = 0; i < k.length; i++) {
                double kk = k[i];
                y[i] += a * kk * Math.exp(-2 * sigma2 * kk * kk) * Math.sin(2 * kk * r + phi0 - 0.08 * kk);
            }
        }
        return y;
    }

    /** Spectra of every sample of a structure set. */
    public SampleTable table(StructureSet structures) {
        List<Sample> samples = structures.sampleList();
        List<org.xasdaml.structure.SampleId> ids = new ArrayList<>();
        double[][] rows = new double[samples.size()][];
        for (int i = 0; i < rows.length; i++) {
            ids.add(samples.get(i).id());
            rows[i] = k2chi(samples.get(i).frame(), samples.get(i).site());
        }
        return SampleTable.spectra(ids, "chi_k2", axis(), rows);
    }
}
