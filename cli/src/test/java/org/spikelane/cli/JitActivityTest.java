package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JIT's activity as the warm-up copy reads it: found per compiler thread, and growing while code is compiled. */
class JitActivityTest {
    @Test
    void compilerThreadTimeGrowsWhileNewCodeGetsHot() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only: elsewhere the coarser JMX counter is used");
        JitActivity jit = new JitActivity();
        long before = jit.nanos();
        assertTrue(jit.perThread(), "the C1 and C2 compiler threads are found in /proc/self/task");
        assertTrue(before > 0, "this JVM has compiled code before the test: " + before);
        // code no earlier test ran, called far past every compile threshold: C1 and C2 compile it
        long sum = 0;
        for (int k = 0; k < 3_000_000; k++) sum += mix(k);
        long after = jit.nanos();
        assertTrue(after > before, "compiler threads' time " + before + " -> " + after + " (sum " + sum + ")");
    }

    private static long mix(long x) {
        x ^= x >>> 31;
        x *= 0x7fb5d329728ea185L;
        return x ^ (x >>> 27);
    }
}
