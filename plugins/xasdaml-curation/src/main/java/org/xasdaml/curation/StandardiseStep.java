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

/**
 * Standardises features (paper M9): fits a {@link Standardizer} on the training rows only and
 * applies it unchanged to every sample; or applies a transform fitted earlier (for new spectra).
 */
public final class StandardiseStep implements Step<StandardiseStep.Options> {

    public static final Port<SampleTable> FEATURES = Port.of("features", PortTypes.TABLE,
            "Features per sample: spectra on a grid or descriptor columns");
    public static final Port<SampleTable> SPLIT = Port.optional("split", PortTypes.TABLE,
            "The split (text column 'set'); the transform is fitted on the 'train' rows only");
    public static final Port<Standardizer> TRANSFORM_IN = Port.optional("fitted", CurationPorts.TRANSFORM,
            "A transform fitted earlier, applied as it is instead of fitting a new one");
    public static final Port<SampleTable> STANDARDISED = Port.of("standardised", PortTypes.TABLE,
            "Transformed features of every sample (the split's 'set' column is carried along when connected)");
    public static final Port<Standardizer> TRANSFORM = Port.of("transform", CurationPorts.TRANSFORM,
            "The fitted transform (JSON): scaling, optional PCA, and the grid it was fitted on");

    /** Parameters of standardisation. */
    public record Options(
            @Param(label = "Feature scaling", description = "Per-feature scaling fitted on the training set", choices = {"zscore", "minmax", "none"})
            String scaling,
            @Param(label = "Principal components kept", group = "Principal components", description = "Principal components kept after scaling (0 = no PCA by count)", min = 0)
            int pcaComponents,
            @Param(label = "Explained variance to keep", group = "Principal components", description = "Keep the fewest principal components explaining more than this fraction of the variance "
                    + "(0 = off)", min = 0, max = 0.999999)
            double pcaVariance) {
        public Options {
            try {
                new Standardizer.Options(Standardizer.Scaling.parse(scaling), pcaComponents, pcaVariance);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(pcaComponents > 0 && pcaVariance > 0 ? "pcaVariance" : "scaling", e.getMessage());
            }
        }

        Standardizer.Options kernel() {
            return new Standardizer.Options(Standardizer.Scaling.parse(scaling), pcaComponents, pcaVariance);
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("standardise", List.of("dataset", "standardise"), "Standardise Features", Category.DATASET_OPTIMIZATION,
                "M9", "Fits z-score or min-max scaling (and optional PCA) on the training set and applies it to all samples.",
                """
                z-score (scikit-learn StandardScaler: mean and population standard deviation; constant features \
                keep scale 1) or min-max scaling, then optionally PCA to a number of components or a fraction of the \
                variance, all fitted on the training rows of the split only and applied unchanged to validation, \
                test and any new spectra. The fitted transform is saved as JSON with the grid it was fitted on; \
                connect it as 'fitted' to apply it to new data, where spectra on another grid are refused.""",
                List.of(FEATURES, SPLIT, TRANSFORM_IN), List.of(STANDARDISED, TRANSFORM));
    }

    @Override
    public Options defaults() {
        return new Options("zscore", 0, 0);
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        SampleTable x = inputs.get(FEATURES);
        SampleTable split = inputs.find(SPLIT);
        Standardizer s = inputs.find(TRANSFORM_IN);
        if (s == null) {
            if (split == null) {
                throw new IllegalArgumentException("connect the split (to fit on its training rows) or a fitted transform");
            }
            List<SampleId> train = new ArrayList<>();
            String[] sets = split.text("set");
            for (int i = 0; i < sets.length; i++) {
                if (DatasetSplit.TRAIN.equals(sets[i])) {
                    train.add(split.ids().get(i));
                }
            }
            if (train.isEmpty()) {
                throw new IllegalArgumentException("the split has no training samples");
            }
            SampleTable tr = x.selectIds(train);
            s = Standardizer.fit(tr.matrix(), o.kernel(), x.axis(), x.columnNames());
            context.progress(0.5, "fitted on " + train.size() + " training samples: " + s);
        } else {
            if (s.inputDimension() != x.numericColumns()) {
                throw new IllegalArgumentException("the fitted transform takes " + s.inputDimension() + " features, the table has "
                        + x.numericColumns());
            }
            if (s.grid() != null && (x.axis() == null || !s.grid().sameGrid(x.axis(), 1e-9))) {
                throw new IllegalArgumentException("the features are on grid " + x.axis() + " but the transform was fitted on "
                        + s.grid() + "; put them on the dataset's grid first (reconcile with the grid input)");
            }
        }
        double[][] z = s.apply(x.matrix());
        SampleTable out = s.pca() == null && x.axis() != null
                ? SampleTable.spectra(x.ids(), x.meta().getOrDefault("quantity", "x"), x.axis(), z)
                : SampleTable.ofRows(x.ids(), s.outputNames(), z);
        Map<String, String> meta = new LinkedHashMap<>(x.meta());
        meta.put("standardised", s.toString());
        out = out.withMeta(meta);
        if (split != null) {
            String[] set = new String[out.rows()];
            for (int i = 0; i < set.length; i++) {
                int r = split.rowOf(out.ids().get(i));
                set[i] = r < 0 ? "" : split.text(r, "set");
            }
            out = out.withText("set", set);
        }
        return StepData.empty().with(STANDARDISED, out).with(TRANSFORM, s);
    }

    /**
     * Scaling keeps the feature columns (numeric ones; text columns are dropped) and adds set when a
     * split is connected; principal components are counted on the data, so they are not known.
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        org.xasdaml.workflow.TableColumns f = inputs.get(FEATURES.name());
        if (!output.equals(STANDARDISED.name()) || f == null || o.pcaComponents() > 0 || o.pcaVariance() > 0) {
            return null;
        }
        return new org.xasdaml.workflow.TableColumns(f.numeric(), inputs.containsKey(SPLIT.name()) ? List.of("set") : List.of());
    }
}
