package org.xasdaml.cli;

import java.nio.file.Path;
import org.xasdaml.io.FolderLock;

/** A second process for tests: locks the folder named by its argument, says "locked", and holds it until its input closes. */
public final class HoldLock {
    private HoldLock() {
    }

    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold
            }
        }
    }
}
