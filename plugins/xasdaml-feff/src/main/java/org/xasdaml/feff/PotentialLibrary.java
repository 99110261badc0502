package org.xasdaml.feff;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.xasdaml.io.FileDigest;

/**
 * Self-consistent potentials kept across runs: one entry per representative structure, so a later run
 * on new structures of the same kind takes the potentials it needs from here instead of computing
 * new ones, and two runs of the same kind use the same potentials.
 *
 * <p>Layout: {@code <library>/<key digest>/<entry digest>/} with the representative's {@code feff.inp},
 * Feff8L's {@code phase.pad} and {@code xsect.json} (what pathfinder, genfmt and ff2x of every member
 * read), {@code environment.txt} (key, source sample, seconds, environment vector) and
 * {@code entry.done}, written last. The key digest is the SHA-256 of the sharing key (cards, cluster
 * radius, absorber, potentials list with stoichiometry), the entry digest that of the representative's
 * {@code feff.inp}: an entry is found again only for the same cards and structure.
 *
 * <p>Safe under concurrent use by several runs (processes or threads): an entry is computed in a
 * private {@code tmp-*} folder while its {@code <entry>.lock} file is locked, then moved into place
 * atomically; a run that finds the lock taken waits and then takes the finished entry. A killed run
 * leaves at most a {@code tmp-*} folder, never a half entry.
 */
public final class PotentialLibrary {
    /** Marker of a finished entry (written last). */
    static final String DONE = "entry.done";
    static final String ENVIRONMENT = "environment.txt";

    private final Path folder;

    /** A library in a folder (created when the first entry is written). */
    public PotentialLibrary(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * One set of potentials.
     *
     * @param id          entry digest (16 hex digits of the SHA-256 of the representative's feff.inp)
     * @param folder      its folder
     * @param descriptor  the representative's environment
     * @param source      which sample of which run made it (for the record)
     * @param seconds     wall time of rdinp + pot + xsph when it was made (s)
     */
    public record Entry(String id, Path folder, EnvironmentDescriptor descriptor, String source, double seconds) {
    }

    /** The folder of one sharing key. */
    Path keyFolder(String key) {
        return folder.resolve(FileDigest.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    /** Entry id of a representative input. */
    static String idOf(FeffInput input) {
        return FileDigest.sha256(input.text().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The finished entries of a key, by id; damaged entries are passed over. */
    public List<Entry> entries(String key) {
        Path kf = keyFolder(key);
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(kf)) {
            return out;
        }
        try (Stream<Path> s = Files.list(kf)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve(DONE))) {
                    Entry e = read(p);
                    if (e != null && e.descriptor().key().equals(key)) {
                        out.add(e);
                    }
                }
            }
        } catch (IOException e) {
            throw new FeffException("potential library " + kf + " cannot be listed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The entry in a finished folder, or null when it is damaged. */
    static Entry read(Path entry) {
        try {
            List<String> lines = Files.readAllLines(entry.resolve(ENVIRONMENT));
            String key = lines.get(0).substring("key ".length());
            String source = lines.get(1).substring("source ".length());
            double seconds = Double.parseDouble(lines.get(2).substring("seconds ".length()));
            String[] v = lines.get(3).substring("vector ".length()).strip().split(" ");
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = Double.parseDouble(v[i]);
            }
            for (String f : FeffBatch.SHARED_FILES) {
                if (!Files.isRegularFile(entry.resolve(f))) {
                    return null;
                }
            }
            return new Entry(entry.getFileName().toString(), entry, new EnvironmentDescriptor(key, x), source, seconds);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The entry for a representative: taken from the library when there, else computed now (rdinp, pot
     * and xsph of Feff8L on its feff.inp) and stored.
     *
     * @throws IOException or {@link FeffException} when Feff8L fails; nothing is stored then
     */
    public Entry obtain(FeffInput input, EnvironmentDescriptor d, String source, FeffProgram feff, double timeLimit,
                        BooleanSupplier cancelled) throws IOException {
        Path kf = keyFolder(d.key());
        Files.createDirectories(kf);
        String id = idOf(input);
        Path target = kf.resolve(id);
        Entry done = Files.isRegularFile(target.resolve(DONE)) ? read(target) : null;
        if (done != null) {
            return done;
        }
        try (FileChannel ch = FileChannel.open(kf.resolve(id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(ch, cancelled)) {
            done = Files.isRegularFile(target.resolve(DONE)) ? read(target) : null;
            if (done != null) {
                return done; // another run made it while this one waited
            }
            Path tmp = kf.resolve("tmp-" + UUID.randomUUID());
            Files.createDirectories(tmp);
            try {
                Files.writeString(tmp.resolve("feff.inp"), input.text());
                long t0 = System.nanoTime();
                feff.run(tmp, List.of(FeffStage.RDINP, FeffStage.POT, FeffStage.XSPH), t0 + (long) (timeLimit * 1e9), timeLimit,
                        cancelled);
                double secs = (System.nanoTime() - t0) / 1e9;
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.toList()) {
                        String n = f.getFileName().toString();
                        if (!FeffBatch.SHARED_FILES.contains(n) && !n.equals("feff.inp") && !n.equals(FeffProgram.LOG)) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
                StringBuilder sb = new StringBuilder();
                sb.append("key ").append(d.key()).append('\n').append("source ").append(source).append('\n')
                        .append(String.format(Locale.ROOT, "seconds %.3f%n", secs)).append("vector");
                for (double x : d.vector()) {
                    sb.append(' ').append(x);
                }
                sb.append('\n');
                Files.writeString(tmp.resolve(ENVIRONMENT), sb.toString());
                Files.writeString(tmp.resolve(DONE), id + "\n");
                if (Files.exists(target)) {
                    FeffBatch.recreate(target);
                    Files.delete(target); // a damaged folder of an earlier run (no marker)
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    throw new IOException("cannot move " + tmp + " to " + target + ": " + e.getMessage(), e);
                }
                Entry e = read(target);
                if (e == null) {
                    throw new IOException("potential library entry " + target + " cannot be read back");
                }
                return e;
            } finally {
                if (Files.exists(tmp)) {
                    delete(tmp);
                }
            }
        }
    }

    /** Waits for the lock; a lock held by this JVM (another thread) is waited for too. */
    private static FileLock lock(FileChannel ch, BooleanSupplier cancelled) throws IOException {
        while (true) {
            try {
                FileLock l = ch.tryLock();
                if (l != null) {
                    return l;
                }
            } catch (OverlappingFileLockException e) {
                // held by another thread of this JVM: wait as for another process
            }
            if (cancelled.getAsBoolean()) {
                throw new org.xasdaml.workflow.CancelledException();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.xasdaml.workflow.CancelledException();
            }
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
