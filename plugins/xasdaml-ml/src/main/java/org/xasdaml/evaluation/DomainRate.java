package org.xasdaml.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.SampleTable;

/**
 * How many evaluated samples a model calls inside its domain: the check of the domain score's
 * calibration. The score is calibrated so that 95 % of validation spectra are inside; spectra of the
 * same kind that the model has not seen (the test set, a separate FEFF run) should be inside at
 * about that rate, and a much lower rate on such spectra means the threshold is too tight to tell
 * a measured spectrum outside the domain from an ordinary new one.
 *
 * @param n        samples counted
 * @param inDomain fraction of them with {@code in_domain} = 1
 */
public record DomainRate(int n, double inDomain) {

    /** The rate over the given samples, or null when the predictions carry no {@code in_domain} column. */
    public static DomainRate of(SampleTable predictions, List<SampleId> ids) {
        if (!predictions.hasColumn("in_domain")) {
            return null;
        }
        double[] in = predictions.selectIds(ids).column("in_domain");
        int k = 0;
        for (double v : in) {
            if (v == 1) {
                k++;
            }
        }
        return new DomainRate(in.length, in.length == 0 ? Double.NaN : (double) k / in.length);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("in_domain_fraction", inDomain);
        return m;
    }
}
