package org.xasdaml.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;

import static org.xasdaml.cli.ReportHtml.num;

/**
 * What the report needs of a model archive, read from its JSON entries only: loading the
 * networks themselves would start the native BLAS and cost seconds per model.
 *
 * @param kind       mlp, cnn or rf
 * @param input      the input grid and transform in words
 * @param calibrated whether the archive holds a calibration (intervals, domain score)
 * @param metrics    validation and test metrics stored at training
 */
record ModelArchiveInfo(String kind, String input, boolean calibrated, Map<String, Object> metrics) {
    @SuppressWarnings("unchecked")
    static ModelArchiveInfo read(Path file) throws IOException {
        Map<String, Object> h = null;
        boolean cal = false;
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (java.util.zip.ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals("archive.json")) {
                    h = Json.parseObject(new String(z.readAllBytes(), StandardCharsets.UTF_8));
                } else if (e.getName().equals("calibration.json")) {
                    cal = true;
                }
            }
        }
        if (h == null) {
            throw new IOException(file + " has no archive.json");
        }
        String input;
        if (h.get("input_grid") instanceof Map<?, ?> g && g.get("values") instanceof List<?> v && !v.isEmpty()) {
            input = g.get("name") + " " + num(v.get(0)) + "–" + num(v.get(v.size() - 1)) + " " + g.get("unit");
        } else {
            input = (h.get("input_columns") instanceof List<?> c ? c.size() : 0) + " columns";
        }
        if (h.get("transform") instanceof Map<?, ?> t && t.get("pca") instanceof Map<?, ?> p
                && p.get("components") instanceof List<?> comps) {
            input += ", PCA " + comps.size();
        }
        Object m = h.get("metrics");
        return new ModelArchiveInfo(String.valueOf(h.get("kind")), input, cal,
                m instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of());
    }
}
