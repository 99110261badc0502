package org.xasdaml.feff.slurm;

import java.util.List;
import java.util.regex.Pattern;
import org.xasdaml.workflow.InvalidParameterException;

/**
 * How a batch goes to a Slurm cluster. Every value that ends up in the job script is checked here,
 * before anything is written or submitted, so that no user text can add a line or a command to the
 * script: names and sizes must match Slurm's own syntax, extra lines must be single {@code --option}s
 * without control characters, and launcher words are single-quoted in the script.
 *
 * @param partition      partition, or empty for the cluster's default
 * @param account        account, or empty
 * @param timeLimit      wall-time limit per array task (minutes, H:MM:SS, D-HH[:MM[:SS]]), or empty
 * @param cpusPerTask    CPUs per array task; the task runs that many FEFF workers
 * @param memory         memory per array task (e.g. 4G), or empty
 * @param samplesPerTask samples packed into one array task
 * @param extraOptions   further sbatch options written as {@code #SBATCH} lines
 * @param launcher       command starting xasdaml on the nodes, word by word (empty = this installation's script)
 * @param conf           slurm.conf for the client commands, or empty
 * @param waitForJobs    wait until the jobs end and collect (false = submit and return)
 * @param pollSeconds    seconds between looks at the queue
 */
public record SlurmSettings(String partition, String account, String timeLimit, int cpusPerTask, String memory,
                            int samplesPerTask, List<String> extraOptions, List<String> launcher, String conf,
                            boolean waitForJobs, double pollSeconds) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._,+-]*");
    private static final Pattern TIME = Pattern.compile("|\\d+|\\d+:\\d{1,2}(:\\d{1,2})?|\\d+-\\d{1,2}(:\\d{1,2}(:\\d{1,2})?)?");
    private static final Pattern MEMORY = Pattern.compile("|\\d+[KMGT]?");
    private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*(=[^\\p{Cntrl}]*)?");

    public SlurmSettings {
        check("slurmPartition", partition, NAME, "a partition name (letters, digits, . _ , + -)");
        check("slurmAccount", account, NAME, "an account name (letters, digits, . _ , + -)");
        check("slurmTime", timeLimit, TIME, "minutes, H:MM:SS or D-HH:MM:SS");
        check("slurmMemory", memory, MEMORY, "a size such as 4G or 2000M");
        if (cpusPerTask < 1) {
            throw InvalidParameterException.of("slurmCpus", "CPUs per task %d must be >= 1", cpusPerTask);
        }
        if (samplesPerTask < 1) {
            throw InvalidParameterException.of("samplesPerTask", "samples per task %d must be >= 1", samplesPerTask);
        }
        if (!(pollSeconds > 0)) {
            throw InvalidParameterException.of("slurmPoll", "poll interval %s must be positive", pollSeconds);
        }
        extraOptions = List.copyOf(extraOptions);
        for (String o : extraOptions) {
            if (!OPTION.matcher(o).matches()) {
                throw InvalidParameterException.of("slurmExtra", "'%s' is not one sbatch option such as --qos=short", o);
            }
            for (String own : List.of("--array", "--output", "--error", "--dependency", "--job-name", "-a", "-o", "-e", "-d", "-J")) {
                if (o.equals(own) || o.startsWith(own + "=")) {
                    throw InvalidParameterException.of("slurmExtra", "'%s' is set by xasdaml itself and cannot be given", o);
                }
            }
        }
        launcher = List.copyOf(launcher);
        for (String w : launcher) {
            if (w.isEmpty() || w.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw InvalidParameterException.of("slurmLauncher", "launcher word '%s' is empty or holds control characters", w);
            }
        }
        if (conf.chars().anyMatch(c -> c < 0x20)) {
            throw InvalidParameterException.of("slurmConf", "the configuration path holds control characters");
        }
    }

    private static void check(String param, String value, Pattern p, String what) {
        if (value == null || !p.matcher(value).matches()) {
            throw InvalidParameterException.of(param, "'%s' is not %s", value, what);
        }
    }
}
