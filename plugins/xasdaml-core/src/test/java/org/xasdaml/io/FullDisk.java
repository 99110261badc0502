package org.xasdaml.io;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real small disk for tests: a 256 KiB tmpfs mounted on a test folder (root only). */
public final class FullDisk {
    private FullDisk() {
    }

    /** Mounts a 256 KiB tmpfs on {@code dir}; false (with the reason printed) when that is not possible here. */
    public static boolean mount(Path dir) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("SKIPPED full-disk check: mounting a small tmpfs needs root");
            return false;
        }
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("SKIPPED full-disk check: mount failed: " + msg.strip());
            return false;
        }
        return true;
    }

    public static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }
}
