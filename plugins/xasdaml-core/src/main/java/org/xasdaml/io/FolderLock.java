package org.xasdaml.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of an output folder by one run: an operating-system lock on
 * {@code <folder>/.xasdaml.lock}, which holds the process id of the holder.
 *
 * <p>Why: two runs into one folder (a double-click, two terminals, two KNIME nodes) interleave
 * their FEFF work folders and outputs and both end "successfully" with a mixture a later rerun
 * would reuse. The lock is the kernel's ({@code fcntl}), so it is released when the holder exits
 * however it exits, even by SIGKILL; the file itself stays and means nothing without the lock.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name; checksums of folders leave it out. */
    public static final String FILE = ".xasdaml.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (creating it) for this process.
     *
     * @throws IOException naming the folder and the process holding it when another run has it
     */
    public static FolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        AtomicFiles.refuseLink(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = holder(ch);
            ch.close();
            throw new IOException("another xasdaml run" + (holder.isEmpty() ? "" : " (process " + holder + ")") + " is writing into "
                    + folder + "; wait for it to finish, stop it, or choose another --out");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new FolderLock(ch, l);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            int n = ch.read(b, 0);
            return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
