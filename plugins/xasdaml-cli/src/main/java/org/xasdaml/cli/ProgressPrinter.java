package org.xasdaml.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Prints step progress to the terminal at most a few times a second, so a FEFF batch of hours
 * shows where it is without flooding a log file.
 */
final class ProgressPrinter implements BiConsumer<Double, String> {
    private final PrintStream out;
    private final String prefix;
    private final long intervalNanos;
    private long last;
    private String lastMessage = "";

    ProgressPrinter(PrintStream out, String prefix, double intervalSeconds) {
        this.out = out;
        this.prefix = prefix;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    @Override
    public synchronized void accept(Double fraction, String message) {
        long now = System.nanoTime();
        boolean done = fraction != null && fraction >= 1.0;
        if (!done && now - last < intervalNanos) {
            lastMessage = message;
            return;
        }
        last = now;
        lastMessage = "";
        out.println(String.format(Locale.ROOT, "[%s %5.1f%%] %s", prefix, 100 * fraction, message));
        out.flush();
    }

    /** Prints a message that was held back by the rate limit. */
    synchronized void flush() {
        if (!lastMessage.isEmpty()) {
            out.println("[" + prefix + "] " + lastMessage);
            lastMessage = "";
        }
    }
}
