package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.TableColumns;

/**
 * Removes samples whose labels lie outside ranges (paper M7), leaving the inputs untouched: the
 * kept samples become new tables, the excluded ones a table naming the rule that excluded each,
 * and a summary counts the exclusions per rule.
 */
public final class FilterStep implements Step<FilterStep.Options> {

    public static final Port<SampleTable> LABELS = Port.of("labels", PortTypes.TABLE,
            "Labels per sample (CN_<method>, CR_<method> columns, e.g. from the descriptors step)");
    public static final Port<SampleTable> DATA = Port.optional("data", PortTypes.TABLE,
            "Any other table of the same samples (e.g. spectra) to filter alongside the labels");
    public static final Port<SampleTable> KEPT = Port.of("labels-kept", PortTypes.TABLE, "Labels of the samples kept");
    public static final Port<SampleTable> DATA_KEPT = Port.optional("data-kept", PortTypes.TABLE,
            "Rows of the data table for the samples kept (samples without labels are dropped too)");
    public static final Port<SampleTable> EXCLUDED = Port.of("excluded", PortTypes.TABLE,
            "Excluded samples with the first rule each broke (text column 'rule') and the offending value");
    public static final Port<Summary> COUNTS = Port.of("counts", CurationPorts.SUMMARY,
            "Samples in, kept, and excluded per rule");

    /** Parameters of filtering. */
    public record Options(
            @Param(label = "Label methods", columnsOf = "labels", columnPrefix = "CN_", description = "Label methods whose CN and CR columns are checked (CN_<method>, CR_<method>)")
            List<String> methods,
            @Param(label = "Smallest coordination number", group = "Ranges", description = "Smallest coordination number kept", min = 0)
            double cnMin,
            @Param(label = "Largest coordination number", group = "Ranges", description = "Largest coordination number kept", min = 0)
            double cnMax,
            @Param(label = "Smallest mean bond length", group = "Ranges", description = "Smallest mean bond length kept", unit = "Å", min = 0)
            double crMin,
            @Param(label = "Largest mean bond length", group = "Ranges", description = "Largest mean bond length kept", unit = "Å", min = 0)
            double crMax,
            @Param(label = "Further rules (column:min:max)", group = "Ranges", description = "More rules as column:min:max, e.g. CN_VoronoiNN:3:12")
            List<String> rules) {
        public Options {
            methods = List.copyOf(methods);
            rules = List.copyOf(rules);
            if (cnMax < cnMin) {
                throw InvalidParameterException.of("cnMax", "cnMax %s is below cnMin %s", cnMax, cnMin);
            }
            if (crMax < crMin) {
                throw InvalidParameterException.of("crMax", "crMax %s is below crMin %s", crMax, crMin);
            }
            for (String r : rules) {
                try {
                    LabelFilter.parse(r);
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException("rules", e.getMessage());
                }
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("filter", List.of("dataset", "filter"), "Filter Samples by Label", Category.DATASET_OPTIMIZATION, "M7",
                "Keeps the samples whose CN and CR lie in given ranges and lists the excluded ones with the rule they broke.",
                """
                For each chosen method, CN_<method> must lie in [cnMin, cnMax] and CR_<method> in [crMin, crMax] \
                (defaults as the reference: CN 2-12, CR 2.4-3.2 Å); further rules column:min:max may be added. \
                A missing label breaks its rule. The input tables are not changed: the kept samples are new \
                tables, the excluded samples are listed with the first rule each broke and its value, and a \
                summary counts samples per rule.""",
                List.of(LABELS, DATA), List.of(KEPT, DATA_KEPT, EXCLUDED, COUNTS));
    }

    @Override
    public Options defaults() {
        return new Options(List.of("JmolNN"), 2, 12, 2.4, 3.2, List.of());
    }

    /** The rules the options give for a table, skipping CN/CR columns the table lacks (at least one must exist). */
    static List<LabelFilter> rules(Options o, SampleTable labels) {
        List<LabelFilter> rules = new ArrayList<>();
        for (String m : o.methods()) {
            if (labels.hasColumn("CN_" + m)) {
                rules.add(new LabelFilter("CN_" + m, o.cnMin(), o.cnMax()));
            }
            if (labels.hasColumn("CR_" + m)) {
                rules.add(new LabelFilter("CR_" + m, o.crMin(), o.crMax()));
            }
        }
        for (String r : o.rules()) {
            LabelFilter f = LabelFilter.parse(r);
            labels.columnIndex(f.column()); // names the missing column
            rules.add(f);
        }
        if (rules.isEmpty()) {
            throw new InvalidParameterException("methods", "the labels have no CN_/CR_ column for methods " + o.methods()
                    + "; columns: " + labels.columnNames());
        }
        return rules;
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        SampleTable labels = inputs.get(LABELS);
        List<LabelFilter> rules = rules(o, labels);
        List<double[]> cols = new ArrayList<>();
        for (LabelFilter f : rules) {
            cols.add(labels.column(f.column()));
        }
        int[] broken = LabelFilter.firstBroken(rules, cols);
        List<SampleId> kept = new ArrayList<>();
        List<SampleId> excluded = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        int[] perRule = new int[rules.size()];
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] < 0) {
                kept.add(labels.ids().get(i));
            } else {
                excluded.add(labels.ids().get(i));
                why.add(rules.get(broken[i]).describe());
                value.add(cols.get(broken[i])[i]);
                perRule[broken[i]]++;
            }
        }
        double[] v = value.stream().mapToDouble(Double::doubleValue).toArray();
        SampleTable ex = SampleTable.ofColumns(excluded, List.of("value"), new double[][] {v})
                .withText("rule", why.toArray(new String[0]));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("all samples", labels.rows()));
        for (int r = 0; r < rules.size(); r++) {
            rows.add(List.of("excluded by " + rules.get(r).describe(), perRule[r]));
        }
        rows.add(List.of("kept", kept.size()));
        Map<String, String> meta = new LinkedHashMap<>(labels.meta());
        meta.put("filter.rules", String.join("; ", rules.stream().map(LabelFilter::describe).toList()));
        StepData out = StepData.empty().with(KEPT, labels.selectIds(kept).withMeta(meta)).with(EXCLUDED, ex)
                .with(COUNTS, new Summary(List.of("what", "samples"), rows));
        SampleTable data = inputs.find(DATA);
        if (data != null) {
            List<SampleId> keep = new ArrayList<>();
            int unlabelled = 0;
            for (SampleId id : data.ids()) {
                int r = labels.rowOf(id);
                if (r < 0) {
                    unlabelled++;
                } else if (broken[r] < 0) {
                    keep.add(id);
                }
            }
            if (unlabelled > 0) {
                context.warn(unlabelled + " samples of the data table have no labels and were dropped");
            }
            out = out.with(DATA_KEPT, data.selectIds(keep).withMeta(Map.of("filter.rules", meta.get("filter.rules"))));
        }
        context.progress(1, "kept " + kept.size() + " of " + labels.rows() + " samples");
        return out;
    }

    /** Kept rows keep their table's columns; each excluded row names its value and the rule it broke. */
    @Override
    public TableColumns outputColumns(String output, Options o,
                                                           Map<String, TableColumns> inputs) {
        if (output.equals(EXCLUDED.name())) {
            return new TableColumns(List.of("value"), List.of("rule"));
        }
        if (output.equals(KEPT.name())) {
            return inputs.get(LABELS.name());
        }
        return output.equals(DATA_KEPT.name()) ? inputs.get(DATA.name()) : null;
    }
}
