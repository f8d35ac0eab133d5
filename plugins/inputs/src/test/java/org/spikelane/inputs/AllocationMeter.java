package org.spikelane.inputs;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;

/** Bytes a per-step kernel call allocates, as the allocation tests of this module measure it. */
final class AllocationMeter {
    private AllocationMeter() {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Bytes allocated by {@code steps} calls of {@code step} (given the step number), the least of
     * up to 60 rounds (on a loaded machine C2 compiles late): the interpreter and C1 box every Vector API value, so only compiled code can
     * be allocation-free, and C2 compiles in the background. Allocation in every round (boxing,
     * iterators, arrays) still fails.
     */
    static long leastBytes(LongConsumer step, long steps) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 60 && least > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (long n = 0; n < steps; n++) step.accept(n);
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
