package org.xasdaml.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.table.SampleTable;

/**
 * Made the committed fixtures of {@link OldModelArchivesTest} once (2026-12-04): a random forest and
 * an MLP trained on a seeded synthetic set, the first 10 spectra of that set, and each model's
 * predictions on them. Kept so the fixtures' origin is known; not run by the build (re-running it
 * would replace the old archives with new ones, which is not the point of the test).
 *
 * <p>{@code java -cp <test classpath> org.xasdaml.model.OldModelArchivesFixtures <folder>}
 */
final class OldModelArchivesFixtures {
    private OldModelArchivesFixtures() {
    }

    static final int ROWS = 10;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        SyntheticSpectra.Dataset data = SyntheticSpectra.of(200, 3).generate();
        SampleTable inputs = data.spectra().selectIds(data.spectra().ids().subList(0, ROWS));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("axis_name", inputs.axis().name());
        in.put("axis_unit", inputs.axis().unit());
        in.put("quantity", inputs.meta().getOrDefault("quantity", "chi"));
        List<Double> grid = new ArrayList<>();
        for (double v : inputs.axis().values()) {
            grid.add(v);
        }
        in.put("axis", grid);
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            List<Double> r = new ArrayList<>();
            for (int j = 0; j < inputs.numericColumns(); j++) {
                r.add(inputs.value(i, j));
            }
            rows.add(r);
        }
        in.put("rows", rows);
        Files.writeString(dir.resolve("inputs.json"), Json.write(in));
        Map<String, Object> predictions = new LinkedHashMap<>();
        for (ModelKind kind : List.of(ModelKind.RF, ModelKind.MLP)) {
            NetworkOptions no = ModelArchiveTest.smallNet(12);
            ForestOptions fo = ForestOptions.defaults(5).withTrees(25);
            ModelArchive a = ModelTraining.train(data.spectra(), data.labels(), data.split(), null,
                    new ModelTraining.Spec(kind, Task.REGRESSION, List.of(SyntheticSpectra.CN), no, fo, null, 1, 1),
                    NetworkTrainer.Monitor.NONE, w -> {
                    }).archive();
            String name = kind.id() + ".xasmodel";
            a.write(dir.resolve(name));
            SampleTable p = ModelArchive.read(dir.resolve(name)).predict(inputs, false);
            Map<String, Object> cols = new LinkedHashMap<>();
            for (String c : p.columnNames()) {
                List<Double> v = new ArrayList<>();
                for (double x : p.column(c)) {
                    v.add(x);
                }
                cols.put(c, v);
            }
            predictions.put(name, cols);
        }
        Files.writeString(dir.resolve("predictions.json"), Json.write(predictions));
    }
}
