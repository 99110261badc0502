package org.xasdaml.feff.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job script of a Slurm FEFF batch. It is written into the work folder, where it can be read
 * and submitted again by hand ({@code sbatch --array=0-9 feff-array.sh}; shard k = array index k,
 * or {@code potentials} as its argument for the shared-potential job). Values come from validated
 * {@link SlurmSettings}; paths and launcher words are single-quoted on the command line, and a path
 * goes into an {@code #SBATCH} line only when it has no character sbatch's directive parser would
 * split on (xasdaml passes {@code --output} on sbatch's command line as well, so its own
 * submissions log to the right place whatever the path).
 */
public final class JobScript {
    /** Its file name in the Slurm folder. */
    public static final String FILE = "feff-array.sh";

    private JobScript() {
    }

    /**
     * The script's text.
     *
     * @param s       settings
     * @param jobName job name (letters, digits, dashes)
     * @param launcher command starting xasdaml on the nodes
     * @param plan    the plan file
     * @param logs    the log folder
     */
    public static String text(SlurmSettings s, String jobName, List<String> launcher, Path plan, Path logs) {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# xasdaml FEFF batch on Slurm: array task k computes shard k of the samples listed in the plan file;\n");
        b.append("# argument 'potentials' computes the shared potentials instead. Written by xasdaml; it is submitted as\n");
        b.append("#   sbatch --array=<shards> [--dependency=afterok:<potentials job>] ").append(FILE).append('\n');
        b.append("# and may be submitted again by hand the same way. Results land in the work folder; rerunning the\n");
        b.append("# xasdaml command collects them.\n");
        for (String o : sbatchOptions(s)) {
            b.append("#SBATCH ").append(o).append('\n');
        }
        b.append("#SBATCH --job-name=").append(jobName).append('\n');
        String log = logs.resolve("feff-%A_%a.log").toString();
        if (log.matches("[A-Za-z0-9._/%+=@,:-]+")) {
            b.append("#SBATCH --output=").append(log).append('\n');
        }
        b.append("set -eu\n");
        b.append("shard=\"${1:-${SLURM_ARRAY_TASK_ID:?give a shard number or potentials}}\"\n");
        b.append("exec");
        for (String w : launcher) {
            b.append(' ').append(quote(w));
        }
        b.append(" feff shard ").append(quote(plan.toString())).append(" \"$shard\"\n");
        return b.toString();
    }

    /** The resource options of every job of the batch. */
    public static List<String> sbatchOptions(SlurmSettings s) {
        List<String> o = new ArrayList<>();
        o.add("--cpus-per-task=" + s.cpusPerTask());
        o.add("--ntasks=1");
        if (!s.partition().isEmpty()) {
            o.add("--partition=" + s.partition());
        }
        if (!s.account().isEmpty()) {
            o.add("--account=" + s.account());
        }
        if (!s.timeLimit().isEmpty()) {
            o.add("--time=" + s.timeLimit());
        }
        if (!s.memory().isEmpty()) {
            o.add("--mem=" + s.memory());
        }
        o.addAll(s.extraOptions());
        return o;
    }

    /** A word for bash, single-quoted (a quote inside becomes '\''). */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
