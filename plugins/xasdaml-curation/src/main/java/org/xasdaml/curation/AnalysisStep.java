package org.xasdaml.curation;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xasdaml.curation.analysis.Elbow;
import org.xasdaml.curation.analysis.KMeans;
import org.xasdaml.curation.analysis.PrincipalComponents;
import org.xasdaml.plot.Chart;
import org.xasdaml.plot.ColorMap;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.CancelledException;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/**
 * Unsupervised analysis of spectra (paper M6): PCA (explained variance, loadings, scores coloured
 * by cluster and by labels) and K-means with an elbow curve whose automatic choice
 * ({@link Elbow}) the user may override, cluster labels, per-cluster spectra and label box plots.
 */
public final class AnalysisStep implements Step<AnalysisStep.Options> {

    public static final Port<SampleTable> SPECTRA = Port.of("spectra", PortTypes.TABLE,
            "Spectra on a common grid (or any numeric features) per sample");
    public static final Port<SampleTable> LABELS = Port.optional("labels", PortTypes.TABLE,
            "Labels (CN_<method>, CR_<method>) for colouring scores and for box plots per cluster");
    public static final Port<SampleTable> CLUSTERS = Port.of("clusters", PortTypes.TABLE,
            "Cluster of each sample (1 .. k, as the reference's CSV)");
    public static final Port<SampleTable> SCORES = Port.of("scores", PortTypes.TABLE, "Principal component scores per sample");
    public static final Port<Summary> VARIANCE = Port.of("pca-variance", CurationPorts.SUMMARY,
            "Explained variance and its ratio per component");
    public static final Port<Summary> LOADINGS = Port.of("pca-loadings", CurationPorts.SUMMARY,
            "Loadings (component weights) per feature");
    public static final Port<Summary> ELBOW = Port.of("elbow", CurationPorts.SUMMARY,
            "K-means inertia for k = 1 .. maxClusters, the automatic choice and the k used");
    public static final Port<FigureSet> FIGURES = Port.of("figures", PortTypes.FIGURES,
            "Explained variance, loadings, score scatters, elbow curve, per-cluster spectra and label box plots");

    /** Parameters of the analysis. */
    public record Options(
            @Param(label = "Principal components computed", group = "Principal components", description = "Principal components computed (scores and loadings; at least 2)", min = 2, max = 100)
            int pcaComponents,
            @Param(label = "Largest number of clusters tried", group = "Clustering", description = "Largest k of the elbow curve (the reference: 12 to 20)", min = 1, max = 100)
            int maxClusters,
            @Param(label = "Number of clusters", group = "Clustering", description = "Number of clusters used; 0 = the automatic elbow choice", min = 0, max = 100)
            int clusters,
            @Param(label = "Cluster on", group = "Clustering", description = "Cluster the spectra themselves (as the reference's elbow part) or their PCA scores",
                    choices = {"spectra", "pca"})
            String clusterOn,
            @Param(label = "Random seed", group = "Clustering", description = "Seed of the k-means++ starts", min = 0)
            long seed,
            @Param(label = "K-means restarts", group = "Clustering", description = "K-means restarts; the run of lowest inertia is kept", min = 1, max = 100)
            int nInit,
            @Param(label = "Spectra drawn per cluster", group = "Figures", description = "Most spectra drawn per cluster overlay (a seeded random subset beyond that)", min = 1)
            int overlayMax,
            @Param(label = "Also write SVG files", group = "Figures", description = "Also write SVG files")
            boolean svg) {
        public Options {
            if (clusters > maxClusters) {
                throw InvalidParameterException.of("clusters", "clusters %d exceeds maxClusters %d", clusters, maxClusters);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("analysis", List.of("toolkit", "analysis"), "PCA and K-means", Category.TOOLKITS, "M6",
                "PCA of spectra and K-means clustering with an elbow curve, cluster labels and plots.",
                """
                PCA (as scikit-learn, full SVD): explained variance ratios, loadings of the first components and \
                score scatters coloured by cluster and by each CN/CR label. K-means (Lloyd, seeded k-means++, \
                nInit restarts, as scikit-learn): inertia for k = 1 .. maxClusters, the elbow chosen automatically \
                (largest distance below the chord of the normalised curve) unless 'clusters' is given, then cluster \
                labels, an overlay of each cluster's spectra with its mean, and box plots of the labels per cluster.""",
                List.of(SPECTRA, LABELS), List.of(CLUSTERS, SCORES, VARIANCE, LOADINGS, ELBOW, FIGURES));
    }

    @Override
    public Options defaults() {
        return new Options(2, 12, 0, "spectra", 42, KMeans.DEFAULT_N_INIT, 200, true);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) throws Exception {
        SampleTable spectra = inputs.get(SPECTRA);
        SampleTable labels = inputs.find(LABELS);
        double[][] x = spectra.matrix();
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("analysis needs at least 2 samples, got " + n);
        }
        int rank = Math.min(n, spectra.numericColumns());
        int nComp = Math.min(rank, Math.max(o.pcaComponents(), Math.min(10, rank)));
        context.progress(0.02, "PCA of " + n + " samples x " + spectra.numericColumns() + " features");
        PrincipalComponents pca = PrincipalComponents.fit(x, nComp);
        double[][] scoresAll = pca.transform(x);
        int keep = Math.min(o.pcaComponents(), nComp);
        List<String> pcNames = new ArrayList<>();
        for (int k = 1; k <= keep; k++) {
            pcNames.add("PC" + k);
        }
        double[][] scores = new double[n][keep];
        for (int i = 0; i < n; i++) {
            System.arraycopy(scoresAll[i], 0, scores[i], 0, keep);
        }
        double[][] clusterInput = o.clusterOn().equals("pca") ? scores : x;
        int kmax = Math.min(o.maxClusters(), n);
        int[] ks = new int[kmax];
        double[] inertia = new double[kmax];
        KMeans[] fits = new KMeans[kmax];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(context.workers(), kmax)));
        try {
            List<Future<KMeans>> fs = new ArrayList<>();
            for (int k = 1; k <= kmax; k++) {
                final int kk = k;
                fs.add(pool.submit(() -> {
                    if (context.isCancelled()) {
                        throw new CancelledException();
                    }
                    return KMeans.fit(clusterInput, kk, o.seed(), o.nInit(), KMeans.DEFAULT_MAX_ITER, KMeans.DEFAULT_TOL);
                }));
            }
            for (int k = 1; k <= kmax; k++) {
                fits[k - 1] = fs.get(k - 1).get();
                ks[k - 1] = k;
                inertia[k - 1] = fits[k - 1].inertia();
                context.progress(0.1 + 0.7 * k / kmax, "k-means k = " + k + ": inertia " + inertia[k - 1]);
            }
        } finally {
            pool.shutdownNow();
        }
        int auto = Elbow.choose(ks, inertia);
        int chosen = o.clusters() > 0 ? o.clusters() : auto;
        if (chosen > kmax) {
            throw InvalidParameterException.of("clusters", "%d clusters requested but only %d samples", chosen, n);
        }
        KMeans km = fits[chosen - 1];
        int[] lab = km.labels();
        // a label, not a quantity: a text column, so tables show "2" (not 2.0) and KNIME takes it as nominal
        String[] cluster = new String[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = Integer.toString(lab[i] + 1);
        }
        SampleTable clusters = SampleTable.ofColumns(spectra.ids(), List.of(), new double[0][]).withText("cluster", cluster)
                .withMeta(java.util.Map.of("kmeans", String.format(Locale.ROOT, "k = %d (%s), on %s, seed %d, n_init %d, inertia %s",
                        chosen, o.clusters() > 0 ? "given" : "elbow", o.clusterOn(), o.seed(), o.nInit(), km.inertia())));
        SampleTable scoreTable = SampleTable.ofRows(spectra.ids(), pcNames, scores);

        List<List<Object>> varRows = new ArrayList<>();
        double cum = 0;
        double[] ev = pca.explainedVariance();
        double[] ratio = pca.explainedVarianceRatio();
        for (int k = 0; k < nComp; k++) {
            cum += ratio[k];
            varRows.add(List.of("PC" + (k + 1), ev[k], ratio[k], cum));
        }
        Summary variance = new Summary(List.of("component", "explained_variance", "explained_variance_ratio", "cumulative_ratio"), varRows);
        Axis axis = spectra.axis();
        double[][] comps = pca.components();
        List<String> lh = new ArrayList<>(List.of("feature", axis == null ? "index" : axis.name()));
        lh.addAll(pcNames);
        List<List<Object>> lrows = new ArrayList<>();
        for (int j = 0; j < spectra.numericColumns(); j++) {
            List<Object> r = new ArrayList<>(List.of(spectra.columnNames().get(j), axis == null ? (double) j : axis.get(j)));
            for (int k = 0; k < keep; k++) {
                r.add(comps[k][j]);
            }
            lrows.add(r);
        }
        List<List<Object>> erows = new ArrayList<>();
        for (int k = 0; k < kmax; k++) {
            erows.add(List.of(ks[k], inertia[k], ks[k] == auto ? "elbow" : "", ks[k] == chosen ? "used" : ""));
        }
        Summary elbow = new Summary(List.of("k", "inertia", "automatic", "used"), erows);

        context.progress(0.85, "drawing figures");
        List<Figure> figs = figures(o, spectra, labels, pca, scores, lab, chosen, ks, inertia, auto);
        return StepData.empty().with(CLUSTERS, clusters).with(SCORES, scoreTable).with(VARIANCE, variance)
                .with(LOADINGS, new Summary(lh, lrows)).with(ELBOW, elbow).with(FIGURES, new FigureSet(figs));
    }

    private static List<Figure> figures(Options o, SampleTable spectra, SampleTable labels, PrincipalComponents pca,
                                        double[][] scores, int[] lab, int k, int[] ks, double[] inertia, int auto) {
        List<Figure> figs = new ArrayList<>();
        double[] ratio = pca.explainedVarianceRatio();
        List<String> comp = new ArrayList<>();
        double[] pct = new double[ratio.length];
        for (int i = 0; i < ratio.length; i++) {
            comp.add("PC" + (i + 1));
            pct[i] = 100 * ratio[i];
        }
        figs.add(new Chart().title("Explained variance").yLabel("explained variance", "%").svg(o.svg()).legend(false)
                .bar("ratio", comp, pct).render("pca_explained_variance"));
        Axis axis = spectra.axis();
        double[] xs = axis != null ? axis.values() : index(spectra.numericColumns());
        String xq = axis != null ? PlotsStep.axisLabel(axis) : "feature";
        String xu = axis != null ? axis.unit() : "";
        double[][] comps = pca.components();
        Chart load = new Chart().title("PCA loadings").xLabel(xq, xu).yLabel("loading", "").svg(o.svg());
        for (int c = 0; c < scores[0].length; c++) {
            load.line(String.format(Locale.ROOT, "PC%d (%.2f %%)", c + 1, pct[c]), xs, comps[c]);
        }
        figs.add(load.render("pca_loadings"));
        double[] pc1 = column(scores, 0);
        double[] pc2 = column(scores, 1);
        String xl = String.format(Locale.ROOT, "PC1 (%.2f %%)", pct[0]);
        String yl = String.format(Locale.ROOT, "PC2 (%.2f %%)", pct[1]);
        Chart byCluster = new Chart().title("PCA scores by cluster").xLabel(xl, "").yLabel(yl, "").svg(o.svg());
        for (int c = 0; c < k; c++) {
            List<Integer> rows = members(lab, c);
            byCluster.scatter("cluster " + (c + 1) + " (" + rows.size() + ")", pick(pc1, rows), pick(pc2, rows),
                    ColorMap.series(c), 3);
        }
        figs.add(byCluster.render("pca_scores_clusters"));
        figs.add(new Chart().title("K-means elbow").xLabel("number of clusters k", "").yLabel("inertia", "").svg(o.svg())
                .line("inertia", index1(ks), toDouble(inertia)).scatter(null, index1(ks), toDouble(inertia), ColorMap.series(0), 3.5)
                .vline("elbow k = " + auto + (auto == k ? "" : ", used k = " + k), k).render("kmeans_elbow"));
        for (int c = 0; c < k; c++) {
            List<Integer> rows = members(lab, c);
            Chart ov = new Chart().title("Cluster " + (c + 1) + " (" + rows.size() + " spectra)").xLabel(xq, xu)
                    .yLabel(PlotsStep.quantityLabel(spectra.meta().getOrDefault("quantity", "value")), "").svg(o.svg());
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(o.seed() + c);
            List<Integer> drawn = new ArrayList<>(rows);
            while (drawn.size() > o.overlayMax()) {
                drawn.remove(rnd.nextInt(drawn.size()));
            }
            double[] mean = new double[xs.length];
            for (int r : rows) {
                double[] v = spectra.row(r);
                for (int j = 0; j < v.length; j++) {
                    mean[j] += v[j] / rows.size();
                }
            }
            Color faint = new Color(ColorMap.series(c).getRed(), ColorMap.series(c).getGreen(), ColorMap.series(c).getBlue(), 60);
            for (int r : drawn) {
                ov.line(null, xs, spectra.row(r), faint, 0.8f, false);
            }
            ov.line("mean of " + rows.size(), xs, mean, Color.BLACK, 2f, false);
            figs.add(ov.render("cluster_" + (c + 1) + "_spectra"));
        }
        if (labels != null) {
            for (String col : labels.columnNames()) {
                double[] v = new double[spectra.rows()];
                for (int i = 0; i < v.length; i++) {
                    int r = labels.rowOf(spectra.ids().get(i));
                    v[i] = r < 0 ? Double.NaN : labels.value(r, labels.columnIndex(col));
                }
                String safe = StatisticsStep.safe(col);
                figs.add(new Chart().title("PCA scores coloured by " + col).xLabel(xl, "").yLabel(yl, "").svg(o.svg())
                        .legend(false).scatter(col, pc1, pc2, v, col + (col.startsWith("CR") ? " (Å)" : "")).render("pca_scores_" + safe));
                List<String> names = new ArrayList<>();
                List<double[]> groups = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    List<Integer> rows = members(lab, c);
                    names.add((c + 1) + " (" + rows.size() + ")");
                    groups.add(pick(v, rows));
                }
                figs.add(new Chart().title(col + " per cluster").xLabel("cluster (samples)", "")
                        .yLabel(col, StatisticsStep.unitOf(col)).svg(o.svg()).boxes(names, groups).render("box_" + safe + "_clusters"));
            }
        }
        return figs;
    }

    private static double[] index(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i;
        }
        return d;
    }

    private static double[] index1(int[] ks) {
        double[] d = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            d[i] = ks[i];
        }
        return d;
    }

    private static double[] toDouble(double[] v) {
        return v.clone();
    }

    private static double[] column(double[][] m, int c) {
        double[] d = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            d[i] = m[i][c];
        }
        return d;
    }

    private static List<Integer> members(int[] lab, int c) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] == c) {
                l.add(i);
            }
        }
        return l;
    }

    private static double[] pick(double[] v, List<Integer> rows) {
        double[] d = new double[rows.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = v[rows.get(i)];
        }
        return d;
    }

    /** The cluster of each sample; the number of principal components depends on the data's rank. */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           java.util.Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        return output.equals(CLUSTERS.name()) ? new org.xasdaml.workflow.TableColumns(List.of(), List.of("cluster")) : null;
    }
}
