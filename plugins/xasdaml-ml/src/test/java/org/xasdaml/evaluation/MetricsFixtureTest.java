package org.xasdaml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.io.Json;

/** Metrics against scikit-learn 1.2.1 (fixtures made by make_sklearn_fixtures.py), to 1e-9. */
class MetricsFixtureTest {
    private static final double TOL = 1e-9;

    private static Map<String, Object> fixtures() throws Exception {
        try (InputStream in = MetricsFixtureTest.class.getResourceAsStream("sklearn_metrics.json")) {
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static double[] doubles(Object o) {
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }

    static int[] ints(Object o) {
        double[] d = doubles(o);
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (int) d[i];
        }
        return r;
    }

    static double num(Map<?, ?> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    @Test
    void regressionMatchesSklearn() throws Exception {
        List<?> cases = (List<?>) fixtures().get("regression");
        assertEquals(4, cases.size());
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            String name = (String) c.get("name");
            RegressionMetrics m = RegressionMetrics.of(doubles(c.get("truth")), doubles(c.get("prediction")));
            assertEquals(num(c, "mse"), m.mse(), TOL, name);
            assertEquals(num(c, "rmse"), m.rmse(), TOL, name);
            assertEquals(num(c, "mae"), m.mae(), TOL, name);
            assertEquals(num(c, "mape"), m.mape(), Math.max(TOL, 1e-12 * Math.abs(num(c, "mape"))), name);
            assertEquals(num(c, "explained_variance"), m.explainedVariance(), TOL, name);
            assertEquals(num(c, "max_error"), m.maxError(), TOL, name);
            assertEquals(num(c, "r2"), m.r2(), TOL, name);
        }
    }

    @Test
    void classificationMatchesSklearn() throws Exception {
        List<?> cases = (List<?>) fixtures().get("classification");
        assertEquals(3, cases.size());
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            String name = (String) c.get("name");
            int k = (int) num(c, "classes");
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                labels.add(Integer.toString(i));
            }
            List<?> probRows = (List<?>) c.get("probability");
            double[][] prob = new double[probRows.size()][];
            for (int i = 0; i < prob.length; i++) {
                prob[i] = doubles(probRows.get(i));
            }
            ClassificationMetrics m = ClassificationMetrics.of(ints(c.get("truth")), ints(c.get("prediction")), prob, labels);
            assertEquals(num(c, "accuracy"), m.accuracy(), TOL, name);
            assertEquals(num(c, "precision_macro"), m.precisionMacro(), TOL, name);
            assertEquals(num(c, "recall_macro"), m.recallMacro(), TOL, name);
            assertEquals(num(c, "f1_macro"), m.f1Macro(), TOL, name);
            assertEquals(num(c, "f1_weighted"), m.f1Weighted(), TOL, name);
            assertEquals(num(c, "roc_auc_ovr_macro"), m.rocAuc(), TOL, name);
            double[] f1 = doubles(c.get("f1"));
            int[] support = ints(c.get("support"));
            for (int j = 0; j < k; j++) {
                assertEquals(f1[j], m.f1()[j], TOL, name + " f1 of class " + j);
                assertEquals(support[j], m.support()[j], name);
            }
            List<?> cm = (List<?>) c.get("confusion_matrix");
            for (int i = 0; i < k; i++) {
                int[] row = ints(cm.get(i));
                for (int j = 0; j < k; j++) {
                    assertEquals(row[j], m.confusion().count(i, j), name + " confusion " + i + "," + j);
                }
            }
        }
    }
}
