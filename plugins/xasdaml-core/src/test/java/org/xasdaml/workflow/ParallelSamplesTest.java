package org.xasdaml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xasdaml.structure.SampleId;

class ParallelSamplesTest {
    @TempDir
    Path dir;

    @Test
    void oneFailureDoesNotStopTheOthers() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<String> messages = new ArrayList<>();
        BasicContext ctx = new BasicContext(3, dir, (f, m) -> {
            synchronized (messages) {
                messages.add(m);
            }
        }, null);
        List<Integer> out = ParallelSamples.map(items, i -> new SampleId(i, 0), "square", i -> {
            if (i == 17) {
                throw new IllegalStateException("two atoms at the same place", new RuntimeException("feff pot exited 1"));
            }
            return i * i;
        }, ctx);
        assertEquals(50, out.size());
        assertEquals(16 * 16, out.get(16));
        assertNull(out.get(17));
        assertEquals(49 * 49, out.get(49));
        assertEquals(List.of(new SampleFailure(new SampleId(17, 0), "square", "two atoms at the same place <- feff pot exited 1")),
                ctx.failures());
        assertEquals(50, messages.size());
        String last = messages.stream().filter(m -> m.startsWith("square: 50/50")).findFirst().orElseThrow();
        assertEquals("square: 50/50 done, 1 failed, 0 remaining, ETA 0s", last);
    }

    @Test
    void cancellationStopsNewWork() {
        BasicContext ctx = new BasicContext(1, dir, null, null);
        AtomicInteger ran = new AtomicInteger();
        assertThrows(CancelledException.class, () -> ParallelSamples.map(IntStream.range(0, 100).boxed().toList(),
                i -> new SampleId(i, 0), "work", i -> {
                    if (ran.incrementAndGet() == 5) {
                        ctx.cancel();
                    }
                    return i;
                }, ctx));
        assertEquals(5, ran.get());
    }

    @Test
    void durations() {
        assertEquals("14s", ParallelSamples.duration(14.4));
        assertEquals("3m12s", ParallelSamples.duration(192));
        assertEquals("1h02m", ParallelSamples.duration(3720));
    }
}
