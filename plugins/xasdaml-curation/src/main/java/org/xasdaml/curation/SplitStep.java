package org.xasdaml.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/**
 * Divides the samples of a table into training, validation and test sets (paper M8), at random
 * or by group ({@link DatasetSplit}); the sets are saved as a table of sample ids with a text
 * column "set", so every later step joins on ids and every prediction traces back to its frame.
 */
public final class SplitStep implements Step<SplitStep.Options> {

    public static final Port<SampleTable> SAMPLES = Port.of("samples", PortTypes.TABLE,
            "The samples to divide (any table keyed by sample: labels, spectra); rows are taken in sample-id order");
    public static final Port<SampleTable> GROUPS = Port.optional("groups", PortTypes.TABLE,
            "A table holding the group column (e.g. MD run or temperature), when the samples table does not");
    public static final Port<SampleTable> SPLIT = Port.of("split", PortTypes.TABLE,
            "Sample ids with text column 'set' (train, valid, test) and, for a group split, 'group'");
    public static final Port<SampleTable> TRAIN = Port.of("train", PortTypes.TABLE, "The samples table's training rows");
    public static final Port<SampleTable> VALID = Port.of("valid", PortTypes.TABLE, "The samples table's validation rows");
    public static final Port<SampleTable> TEST = Port.of("test", PortTypes.TABLE, "The samples table's test rows");

    /** Parameters of division. */
    public record Options(
            @Param(description = "Fraction of samples for training", min = 0, max = 1)
            double train,
            @Param(description = "Fraction of samples for validation", min = 0, max = 1)
            double valid,
            @Param(description = "Fraction of samples for testing", min = 0, max = 1)
            double test,
            @Param(description = "Seed of the shuffle (NumPy's legacy Mersenne Twister: 42 reproduces the reference's sets)",
                    min = 0, max = 4294967295.0)
            long seed,
            @Param(description = "Column (text or numeric) whose values are groups kept whole within one set; empty = "
                    + "random split of samples")
            String groupColumn,
            @Param(description = "Without a group column: blocks of this many consecutive frames form groups "
                    + "(0 = no blocks)", min = 0)
            int frameBlock) {
        public Options {
            if (Math.abs(train + valid + test - 1) > 1e-9) {
                throw InvalidParameterException.of("test", "train %s + valid %s + test %s must sum to 1", train, valid, test);
            }
            if (train <= 0) {
                throw InvalidParameterException.of("train", "the training fraction must be positive, got %s", train);
            }
            if (groupColumn == null) {
                groupColumn = "";
            }
            if (!groupColumn.isEmpty() && frameBlock > 0) {
                throw new InvalidParameterException("frameBlock", "give a group column or a frame block size, not both");
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("split", List.of("dataset", "split"), "Split Dataset", Category.DATASET_OPTIMIZATION, "M8",
                "Divides samples into training, validation and test sets (7:2:1 by default), seeded, optionally by group.",
                """
                Random split as the reference: the samples (in sample-id order) are shuffled with NumPy's legacy \
                Mersenne Twister, the first floor(0.7 N) go to training, the next floor(0.2 N) to validation, the \
                rest to test; seed 42 gives the reference's sets.

                Group split: whole groups (values of a column such as MD run or temperature, or blocks of \
                consecutive frames) are shuffled and assigned to one set each, so near-identical neighbouring \
                frames never sit on both sides. The split is saved as sample ids with a 'set' column.""",
                List.of(SAMPLES, GROUPS), List.of(SPLIT, TRAIN, VALID, TEST));
    }

    @Override
    public Options defaults() {
        return new Options(0.7, 0.2, 0.1, 42, "", 0);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        SampleTable table = inputs.get(SAMPLES);
        List<SampleId> ids = new ArrayList<>(table.ids());
        ids.sort(null);
        table = table.selectIds(ids);
        DatasetSplit.Fractions f = new DatasetSplit.Fractions(o.train(), o.valid(), o.test());
        String[] groups = null;
        if (!o.groupColumn().isEmpty()) {
            SampleTable g = inputs.find(GROUPS);
            groups = groupValues(g != null ? g : table, o.groupColumn(), ids);
        } else if (hasVariants(table)) {
            groups = groupValues(table, SOURCE_SAMPLE, ids);
        } else if (o.frameBlock() > 0) {
            groups = new String[ids.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = "frames " + (ids.get(i).frame() / o.frameBlock() * o.frameBlock()) + "+";
            }
        }
        String[] sets = groups == null ? DatasetSplit.random(ids.size(), f, o.seed()) : DatasetSplit.byGroup(groups, f, o.seed());
        SampleTable split = SampleTable.ofColumns(ids, List.of(), new double[0][]).withText("set", sets);
        if (groups != null) {
            split = split.withText("group", groups);
        }
        int[] c = DatasetSplit.counts(sets);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("split.seed", Long.toString(o.seed()));
        meta.put("split.fractions", String.format(Locale.ROOT, "%s/%s/%s", o.train(), o.valid(), o.test()));
        meta.put("split.counts", c[0] + "/" + c[1] + "/" + c[2]);
        meta.put("split.kind", groups == null ? "random" : !o.groupColumn().isEmpty() ? "by group column " + o.groupColumn()
                : hasVariants(table) ? "by source sample (augmented variants)"
                : "frame blocks of " + o.frameBlock());
        split = split.withMeta(meta);
        context.progress(1, "train " + c[0] + ", valid " + c[1] + ", test " + c[2]);
        return StepData.empty().with(SPLIT, split)
                .with(TRAIN, subset(table, sets, DatasetSplit.TRAIN))
                .with(VALID, subset(table, sets, DatasetSplit.VALID))
                .with(TEST, subset(table, sets, DatasetSplit.TEST));
    }

    /**
     * Text column naming each row's source sample (augmented variants, the features step): a
     * table carrying it is always split by it, so the variants of one sample never land in two sets.
     */
    public static final String SOURCE_SAMPLE = "source_sample";

    /** Whether the table holds several rows of one source sample (then the split groups by it). */
    static boolean hasVariants(SampleTable t) {
        if (!t.textColumnNames().contains(SOURCE_SAMPLE)) {
            return false;
        }
        String[] s = t.text(SOURCE_SAMPLE);
        return java.util.Arrays.stream(s).distinct().count() < s.length;
    }

    static SampleTable subset(SampleTable table, String[] sets, String which) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            if (sets[i].equals(which)) {
                rows.add(i);
            }
        }
        return table.selectRows(rows.stream().mapToInt(Integer::intValue).toArray()).withMeta(Map.of("split.set", which));
    }

    /** The group of each sample from a text or numeric column. */
    static String[] groupValues(SampleTable t, String column, List<SampleId> ids) {
        String[] out = new String[ids.size()];
        boolean text = t.textColumnNames().contains(column);
        if (!text && !t.hasColumn(column)) {
            throw new InvalidParameterException("groupColumn", "no column '" + column + "' in the groups table; columns: "
                    + t.columnNames() + ", text columns: " + t.textColumnNames());
        }
        String[] tv = text ? t.text(column) : null;
        double[] nv = text ? null : t.column(column);
        for (int i = 0; i < out.length; i++) {
            int r = t.rowOf(ids.get(i));
            if (r < 0) {
                throw new IllegalArgumentException("sample " + ids.get(i) + " has no row in the groups table");
            }
            out[i] = text ? tv[r] : (Double.isNaN(nv[r]) ? null : Double.toString(nv[r]));
            if (out[i] == null || out[i].isBlank()) {
                throw new IllegalArgumentException("sample " + ids.get(i) + " has no value in group column " + column);
            }
        }
        return out;
    }
}
