package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.curation.statistics.Density;
import org.xasdaml.curation.statistics.Describe;
import org.xasdaml.plot.Chart;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.Figure;
import org.xasdaml.workflow.FigureSet;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;

/**
 * Descriptive statistics of labels and descriptors (paper M5): a CSV with pandas'
 * {@code describe()} (plus variance) per column and subset, and histograms, densities and box
 * plots; subsets are all samples, the filtered samples, and each set of a split when connected.
 */
public final class StatisticsStep implements Step<StatisticsStep.Options> {

    public static final Port<SampleTable> LABELS = Port.of("labels", PortTypes.TABLE, "Labels or descriptors per sample");
    public static final Port<SampleTable> FILTERED = Port.optional("filtered", PortTypes.TABLE,
            "The samples kept by the filter step, for statistics after filtering");
    public static final Port<SampleTable> SPLIT = Port.optional("split", PortTypes.TABLE,
            "A split (text column 'set'), for statistics per training, validation and test set");
    public static final Port<Summary> STATISTICS = Port.of("statistics", CurationPorts.SUMMARY,
            "count, mean, std, var, min, 25%, 50%, 75%, max per column and subset (std and var with n - 1)");
    public static final Port<FigureSet> FIGURES = Port.of("figures", PortTypes.FIGURES,
            "Histogram per column and subset; density and box plots per column with all subsets");

    /** Parameters of the statistics. */
    public record Options(
            @Param(label = "Columns described", columnsOf = "labels", description = "Columns to describe (empty = every numeric column)")
            List<String> columns,
            @Param(label = "CN histogram bin width", group = "Histograms", description = "Histogram bin width (count step) for CN columns", min = 0.001)
            double cnStep,
            @Param(label = "CR histogram bin width", group = "Histograms", description = "Histogram bin width (count step) for CR columns", unit = "Å", min = 0.0001)
            double crStep,
            @Param(label = "Bins for other columns", group = "Histograms", description = "Number of histogram bins for other columns", min = 1, max = 1000)
            int bins,
            @Param(label = "Also write SVG files", description = "Also write SVG files")
            boolean svg) {
        public Options {
            columns = List.copyOf(columns);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("statistics", List.of("toolkit", "statistics"), "Descriptor Statistics", Category.TOOLKITS, "M5",
                "Tabulates and plots the distribution of each label or descriptor, before and after filtering and per split set.",
                """
                For every chosen column: count, mean, standard deviation and variance (n - 1), minimum, quartiles \
                and median (linear interpolation, as pandas describe) and maximum, written as a CSV; a histogram \
                per subset (CN columns with bins of cnStep, CR columns of crStep, others with a number of bins), \
                a Gaussian kernel density (Scott's bandwidth) and box plots comparing the subsets.""",
                List.of(LABELS, FILTERED, SPLIT), List.of(STATISTICS, FIGURES));
    }

    @Override
    public Options defaults() {
        return new Options(List.of(), 1.0, 0.1, 30, true);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        SampleTable labels = inputs.get(LABELS);
        Map<String, SampleTable> subsets = new LinkedHashMap<>();
        subsets.put("all", labels);
        SampleTable kept = inputs.find(FILTERED);
        if (kept != null) {
            subsets.put("filtered", labels.selectIds(kept.ids().stream().filter(id -> labels.rowOf(id) >= 0).toList()));
        }
        SampleTable split = inputs.find(SPLIT);
        if (split != null) {
            String[] sets = split.text("set");
            for (String name : List.of(DatasetSplit.TRAIN, DatasetSplit.VALID, DatasetSplit.TEST)) {
                List<SampleId> ids = new ArrayList<>();
                for (int i = 0; i < sets.length; i++) {
                    if (sets[i].equals(name) && labels.rowOf(split.ids().get(i)) >= 0) {
                        ids.add(split.ids().get(i));
                    }
                }
                subsets.put(name, labels.selectIds(ids));
            }
        }
        List<String> columns = o.columns().isEmpty() ? labels.columnNames() : o.columns();
        List<String> header = new ArrayList<>(List.of("column", "subset"));
        header.addAll(List.of(Describe.FIELDS));
        List<List<Object>> rows = new ArrayList<>();
        List<Figure> figs = new ArrayList<>();
        int done = 0;
        for (String col : columns) {
            context.checkCancelled();
            labels.columnIndex(col);
            Chart density = new Chart().title("Density of " + col).xLabel(col, unitOf(col)).yLabel("density", "").svg(o.svg());
            List<String> names = new ArrayList<>();
            List<double[]> groups = new ArrayList<>();
            for (Map.Entry<String, SampleTable> e : subsets.entrySet()) {
                double[] v = e.getValue().column(col);
                Describe d = Describe.of(v);
                List<Object> row = new ArrayList<>(List.of(col, e.getKey()));
                for (double x : d.values()) {
                    row.add(x);
                }
                rows.add(row);
                Chart h = new Chart().title(col + " (" + e.getKey() + ", n = " + d.count() + ")").xLabel(col, unitOf(col))
                        .yLabel("count", "").legend(false).svg(o.svg());
                if (col.startsWith("CN")) {
                    h.histogramWidth(col, v, o.cnStep());
                } else if (col.startsWith("CR")) {
                    h.histogramWidth(col, v, o.crStep());
                } else {
                    h.histogram(col, v, o.bins());
                }
                figs.add(h.render(safe(col + "_" + e.getKey() + "_hist")));
                double[][] kde = Density.of(v, 200);
                if (kde[0].length > 0) {
                    density.line(e.getKey(), kde[0], kde[1]);
                }
                names.add(e.getKey() + " (" + d.count() + ")");
                groups.add(v);
            }
            figs.add(density.render(safe(col + "_density")));
            figs.add(new Chart().title("Box plots of " + col).yLabel(col, unitOf(col)).svg(o.svg()).boxes(names, groups)
                    .render(safe(col + "_box")));
            context.progress(++done / (double) columns.size(), "described " + col);
        }
        return StepData.empty().with(STATISTICS, new Summary(header, rows)).with(FIGURES, new FigureSet(figs));
    }

    static String unitOf(String column) {
        return column.startsWith("CR") ? "Å" : "";
    }

    /** A plain file name from a column name. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
