package org.xasdaml.structure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;
import org.xasdaml.workflow.Codec;

/**
 * A structure set on disk: {@code <name>.extxyz} (all frames, full precision, readable by ASE)
 * and {@code <name>.json} (frame indices, samples, source, checksum, skipped frames).
 */
public final class StructureSetCodec implements Codec<StructureSet> {

    @Override
    public void write(StructureSet set, Path base) throws IOException {
        Path xyz = base.resolveSibling(base.getFileName() + ".extxyz");
        org.xasdaml.io.AtomicFiles.write(xyz, os -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            for (Frame f : set.frames()) {
                w.write(Integer.toString(f.size()));
                w.write('\n');
                StringBuilder c = new StringBuilder();
                if (f.lattice() != null) {
                    c.append("Lattice=\"");
                    double[][] m = f.lattice().matrix();
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            c.append(i + j > 0 ? " " : "").append(m[i][j]);
                        }
                    }
                    c.append("\" ");
                }
                c.append("Properties=species:S:1:pos:R:3");
                boolean[] p = f.pbc();
                c.append(" pbc=\"").append(p[0] ? 'T' : 'F').append(' ').append(p[1] ? 'T' : 'F').append(' ')
                        .append(p[2] ? 'T' : 'F').append('"');
                c.append(" frame=").append(f.index());
                w.write(c.toString());
                w.write('\n');
                for (int i = 0; i < f.size(); i++) {
                    w.write(f.element(i).symbol() + " " + f.x(i) + " " + f.y(i) + " " + f.z(i) + "\n");
                }
            }
            w.flush();
        });
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("source", set.source());
        meta.put("sha256", set.sha256());
        meta.put("frameIndices", set.frames().stream().map(Frame::index).toList());
        List<String> samples = new ArrayList<>();
        for (SampleId id : set.samples()) {
            samples.add(id.toString());
        }
        meta.put("samples", samples);
        meta.put("skipped", set.skipped());
        org.xasdaml.io.AtomicFiles.writeString(base.resolveSibling(base.getFileName() + ".json"), Json.write(meta));
    }

    @Override
    @SuppressWarnings("unchecked")
    public StructureSet read(Path base) throws IOException {
        Path xyz = base.resolveSibling(base.getFileName() + ".extxyz");
        Map<String, Object> meta = Json.parseObject(Files.readString(base.resolveSibling(base.getFileName() + ".json")));
        List<Frame> raw = new XyzReader().read(xyz, ReadOptions.DEFAULT).frames();
        List<Object> indices = (List<Object>) meta.get("frameIndices");
        List<Frame> frames = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Frame f = raw.get(i);
            int idx = ((Number) indices.get(i)).intValue();
            frames.add(new Frame(idx, f.elements(), f.positions(), f.lattice(), f.pbc()));
        }
        List<SampleId> samples = ((List<Object>) meta.get("samples")).stream().map(o -> SampleId.parse((String) o)).toList();
        List<String> skipped = ((List<Object>) meta.getOrDefault("skipped", List.of())).stream().map(String::valueOf).toList();
        return new StructureSet(frames, samples, (String) meta.get("source"), (String) meta.get("sha256"), skipped);
    }

    @Override
    public boolean exists(Path base) {
        return Files.exists(base.resolveSibling(base.getFileName() + ".extxyz"))
                && Files.exists(base.resolveSibling(base.getFileName() + ".json"));
    }
}
