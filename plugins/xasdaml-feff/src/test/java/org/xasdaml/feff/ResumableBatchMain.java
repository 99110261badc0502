package org.xasdaml.feff;

import java.nio.file.Path;
import org.xasdaml.workflow.BasicContext;

/**
 * A batch in its own JVM, for {@link FeffBatchResumeTest} to kill: {@code work-folder frames}.
 * Settings are {@link FeffBatchResumeTest#SETTINGS}.
 */
public final class ResumableBatchMain {
    private ResumableBatchMain() {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        BasicContext ctx = new BasicContext(1, work, (f, m) -> System.out.println(m), System.out::println);
        FeffBatch.run(FeffFixtures.cuFrames(n).sampleList(), FeffBatchResumeTest.SETTINGS, FeffProgram.locate(null), work, ctx);
        System.out.println("finished");
    }
}
