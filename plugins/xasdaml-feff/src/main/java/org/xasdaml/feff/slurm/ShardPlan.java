package org.xasdaml.feff.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xasdaml.io.Json;
import org.xasdaml.structure.SampleId;

/**
 * What the array tasks of a batch read: the step's options as text (the same declaration the
 * command line parses), the stored structures, the work folder and the samples of every shard.
 * JSON, written atomically; tasks never deserialise Java objects.
 *
 * @param workDir    the batch's work folder (on the shared file system)
 * @param structures base path of the stored structure set
 * @param options    the FEFF step's options as text
 * @param cpus       CPUs per task (workers when SLURM_CPUS_PER_TASK is not set)
 * @param shards     samples of each shard, in input order
 */
public record ShardPlan(Path workDir, Path structures, Map<String, String> options, int cpus, List<List<SampleId>> shards) {
    /** Its file name in the Slurm folder. */
    public static final String FILE = "plan.json";

    public ShardPlan {
        options = new TreeMap<>(options);
        shards = shards.stream().map(List::copyOf).toList();
    }

    public void write(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workDir", workDir.toString());
        m.put("structures", structures.toString());
        m.put("options", options);
        m.put("cpus", cpus);
        List<Object> sh = new ArrayList<>();
        for (List<SampleId> s : shards) {
            sh.add(s.stream().map(SampleId::toString).toList());
        }
        m.put("shards", sh);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(m));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @SuppressWarnings("unchecked")
    public static ShardPlan read(Path file) throws IOException {
        Map<String, Object> m = Json.parseObject(Files.readString(file));
        Map<String, String> options = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("options")).forEach((k, v) -> options.put(k, String.valueOf(v)));
        List<List<SampleId>> shards = new ArrayList<>();
        for (Object o : (List<Object>) m.get("shards")) {
            shards.add(((List<Object>) o).stream().map(x -> SampleId.parse((String) x)).toList());
        }
        return new ShardPlan(Path.of((String) m.get("workDir")), Path.of((String) m.get("structures")), options,
                ((Number) m.get("cpus")).intValue(), shards);
    }
}
