package org.xasdaml.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * The learning curve of one network: per epoch the training and validation loss (what the
 * optimiser minimises, L2 term included, as Keras reports it), and MSE and MAE in the targets'
 * units (for classification: of the predicted class label), and which epoch was kept.
 *
 * @param member    ensemble member
 * @param loss      per epoch: train loss, valid loss, train MSE, valid MSE, train MAE, valid MAE
 * @param bestEpoch 1-based epoch of the kept weights (lowest validation loss)
 */
public record LossCurve(int member, List<double[]> loss, int bestEpoch) {
    public static final List<String> COLUMNS = List.of("train_loss", "valid_loss", "train_mse", "valid_mse", "train_mae", "valid_mae");

    public LossCurve {
        loss = List.copyOf(loss);
    }

    public int epochs() {
        return loss.size();
    }

    /**
     * The curves of several members as one table: the row id's "frame" is the epoch (1-based) and
     * its "site" the ensemble member, so the table stores like any sample table.
     */
    public static SampleTable table(List<LossCurve> curves) {
        List<SampleId> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (LossCurve c : curves) {
            for (int e = 0; e < c.loss.size(); e++) {
                ids.add(new SampleId(e + 1, c.member));
                double[] r = java.util.Arrays.copyOf(c.loss.get(e), COLUMNS.size() + 1);
                r[COLUMNS.size()] = e + 1 == c.bestEpoch ? 1 : 0;
                rows.add(r);
            }
        }
        List<String> names = new ArrayList<>(COLUMNS);
        names.add("best");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("rows", "epoch (index) and ensemble member (site)");
        return SampleTable.ofRows(ids, names, rows.toArray(new double[0][])).withMeta(meta);
    }
}
