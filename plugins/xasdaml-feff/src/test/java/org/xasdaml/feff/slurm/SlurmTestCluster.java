package org.xasdaml.feff.slurm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Slurm cluster for tests: munged with a key generated here, slurmctld and slurmd
 * in the foreground (no systemd), every file under one temporary folder (state, spool, pid files,
 * logs, the munge socket), on free non-default ports, proctrack/linuxproc, task/none, no accounting
 * daemon. {@link #close()} cancels its jobs and stops exactly the three daemons it started.
 */
final class SlurmTestCluster implements AutoCloseable {
    private final Path dir;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();

    private SlurmTestCluster(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** Why a cluster cannot start here, or null when it can. */
    static String cannotStart() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the test Slurm cluster needs root (slurmd runs jobs as their user); running as "
                    + System.getProperty("user.name");
        }
        for (String p : List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch",
                "/usr/bin/squeue", "/usr/bin/scontrol", "/usr/bin/scancel", "/usr/bin/sinfo")) {
            if (!Files.isExecutable(Path.of(p))) {
                return p + " is missing: install slurmctld, slurmd, slurm-client and munge (scripts/install-deps.sh test)";
            }
        }
        return null;
    }

    /** The slurm.conf to pass to the client commands. */
    Path conf() {
        return conf;
    }

    Path dir() {
        return dir;
    }

    /** Starts munged, slurmctld and slurmd and waits until the node is idle. */
    static SlurmTestCluster start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("xasdaml-slurm-");
        SlurmTestCluster c = new SlurmTestCluster(dir);
        try {
            c.startDaemons();
            return c;
        } catch (IOException | RuntimeException | InterruptedException e) {
            c.close();
            throw e;
        }
    }

    private void startDaemons() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path munge = Files.createDirectories(dir.resolve("munge"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwx--x--x"));
        for (String d : List.of("state", "spool", "log")) {
            Files.createDirectories(dir.resolve(d));
        }
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = munge.resolve("munge.key");
        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        Path socket = munge.resolve("munge.socket");
        start("munged", List.of("/usr/sbin/munged", "--foreground", "--force", "--socket=" + socket, "--key-file=" + keyFile,
                "--log-file=" + munge.resolve("munged.log"), "--pid-file=" + munge.resolve("munged.pid"),
                "--seed-file=" + munge.resolve("munged.seed")));
        waitFor(() -> Files.exists(socket), 20, "munged did not create its socket; see " + dir.resolve("log"));

        String host = InetAddress.getLocalHost().getHostName();
        host = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        int cpus = Runtime.getRuntime().availableProcessors();
        long memMb = machineMemoryMb();
        long realMemory = Math.max(256, Math.min(memMb / 2, 8192));
        int[] ports = freePorts(2);
        String text = String.join("\n",
                "# test cluster written by SlurmTestCluster",
                "ClusterName=xasdamltest",
                "SlurmctldHost=" + host + "(127.0.0.1)",
                "SlurmctldPort=" + ports[0],
                "SlurmdPort=" + ports[1],
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "SlurmUser=root",
                "SlurmdUser=root",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log").resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log").resolve("slurmd.log"),
                "MailProg=/bin/true",
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "MpiDefault=none",
                "SchedulerType=sched/backfill",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "ReturnToService=2",
                "MinJobAge=3600",
                "SlurmdTimeout=300",
                String.format(Locale.ROOT, "NodeName=%s NodeAddr=127.0.0.1 CPUs=%d RealMemory=%d State=UNKNOWN", host, cpus, realMemory),
                "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
                "");
        Files.writeString(conf, text);
        start("slurmctld", List.of("/usr/sbin/slurmctld", "-D", "-f", conf.toString()));
        start("slurmd", List.of("/usr/sbin/slurmd", "-D", "-f", conf.toString(), "-N", host));
        SlurmClient client = new SlurmClient(conf.toString());
        waitFor(() -> {
            SlurmClient.Result r = client.call(List.of("sinfo", "--noheader", "--format=%T"));
            return r.exit() == 0 && r.out().strip().equals("idle");
        }, 60, "the test node did not become idle; see the logs in " + dir.resolve("log"));
    }

    private void start(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("log").resolve(name + ".out").toFile());
        daemons.add(pb.start());
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws IOException;
    }

    private void waitFor(Check check, int seconds, String failure) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new IOException(p.info().command().orElse("a daemon") + " exited with " + p.exitValue() + "; " + failure);
                }
            }
            if (check.ok()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException(failure);
    }

    private static long machineMemoryMb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        }
        return 1024;
    }

    private static int[] freePorts(int n) throws IOException {
        int[] out = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                open.add(s);
                out[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return out;
    }

    /** Cancels the cluster's jobs, stops the daemons this object started (slurmd first) and deletes its folder. */
    @Override
    public void close() {
        if (daemons.size() == 3) {
            try {
                new SlurmClient(conf.toString()).call(List.of("scancel", "--user=root"));
                Thread.sleep(1000);
            } catch (RuntimeException | InterruptedException ignored) {
                // stopping goes on
            }
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (System.getenv("XASDAML_KEEP_SLURM_TEST") == null) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
