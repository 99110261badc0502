package org.xasdaml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xasdaml.io.Json;
import org.xasdaml.structure.SampleId;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;

/**
 * Model archives made by an earlier version still load and give the predictions they gave then
 * (the forest's to 1e-12; the network's to 1e-5, as its single-precision sums may be ordered
 * differently by another CPU's BLAS kernels): a random forest and an MLP saved on 2026-12-04
 * ({@link OldModelArchivesFixtures}).
 * A later version that changes the archive format must keep reading these.
 */
class OldModelArchivesTest {
    static final String DIR = "/fixtures/models-2026-12-04/";

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = OldModelArchivesTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    static SampleTable inputs() throws Exception {
        Map<String, Object> in = Json.parseObject(new String(resource("inputs.json"), StandardCharsets.UTF_8));
        List<Number> axis = (List<Number>) in.get("axis");
        List<List<Number>> rows = (List<List<Number>>) in.get("rows");
        double[][] x = new double[rows.size()][axis.size()];
        List<SampleId> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.add(new SampleId(i, 0));
            for (int j = 0; j < axis.size(); j++) {
                x[i][j] = rows.get(i).get(j).doubleValue();
            }
        }
        return SampleTable.spectra(ids, (String) in.get("quantity"),
                new Axis((String) in.get("axis_name"), (String) in.get("axis_unit"), axis.stream().mapToDouble(Number::doubleValue).toArray()), x);
    }

    @Test
    @SuppressWarnings("unchecked")
    void archivesOfTheFirstReleasePredictAsTheyDid() throws Exception {
        SampleTable in = inputs();
        Map<String, Object> expected = Json.parseObject(new String(resource("predictions.json"), StandardCharsets.UTF_8));
        assertEquals(List.of("rf.xasmodel", "mlp.xasmodel"), new ArrayList<>(expected.keySet()));
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            ModelArchive a;
            try (InputStream is = getClass().getResourceAsStream(DIR + e.getKey())) {
                a = ModelArchive.read(is);
            }
            assertEquals(List.of(SyntheticSpectra.CN), a.targets(), e.getKey());
            SampleTable p = a.predict(in, false);
            Map<String, Object> cols = (Map<String, Object>) e.getValue();
            assertEquals(new ArrayList<>(cols.keySet()), p.columnNames(), e.getKey());
            for (String c : cols.keySet()) {
                List<Number> want = (List<Number>) cols.get(c);
                double[] got = p.column(c);
                for (int i = 0; i < got.length; i++) {
                    assertEquals(want.get(i).doubleValue(), got[i], e.getKey().startsWith("rf") ? 1e-12 : 1e-5,
                            e.getKey() + " " + c + " row " + i);
                }
            }
        }
    }
}
