package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;

/** addCurrent runs every step: it must not allocate (no boxing, no iterators, no temporary arrays). */
class NoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Bytes allocated by {@code steps} steps, the least of several rounds: the interpreter and C1
     * box every Vector API value, so only compiled code can be allocation-free, and C2 compiles in
     * the background. Allocation in every round (boxing, iterators, arrays) still fails.
     */
    private static long allocatedBy(InputKernel kernel, float[] acc, long steps) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 10 && least > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (long n = 0; n < steps; n++) kernel.addCurrent(n, acc);
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    @Test
    void noKernelAllocatesPerStep() {
        FakeInputContext subset = new FakeInputContext(1e-4, 100, new int[] {5, 50, 99}, 3);
        FakeInputContext whole = FakeInputContext.whole(100);
        FakeInputContext.ScriptedSpikes src = new FakeInputContext.ScriptedSpikes("src", 100);
        src.set(List.of(5, 7));
        whole.sources.put("src", src);
        List<InputKernel> kernels = List.of(
                whole.create(new BiasInput(), Map.of("amplitude", "1 nA")),
                subset.create(new BiasInput(), Map.of("amplitude", List.of("1 nA", "2 nA", "3 nA"))),
                whole.create(new StepInput(), Map.of("amplitude", "1 nA", "start", "1 ms", "stop", "1.5 s")),
                whole.create(new SineInput(), Map.of("amplitude", "1 nA", "frequency", "10 Hz")),
                subset.create(new RampInput(), Map.of("to", "1 nA", "stop", "1 s")),
                whole.create(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("every", "1 ms", "random_neuron", true))),
                subset.create(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("every", "0.3 ms"))),
                whole.create(new PulseInput(), Map.of("amplitude", "1 nA", "shape", "inverse", "events", Map.of("from", "src"))),
                whole.create(new PulseInput(), Map.of("amplitude", "1 nA", "events",
                        Map.of("times", List.of("1 ms", "2 ms", "1 s"), "neurons", List.of(1, 2, 3)))));
        float[] acc = new float[org.spikelane.simd.Simd.padded(100)];
        for (int k = 0; k < kernels.size(); k++) {
            long bytes = allocatedBy(kernels.get(k), acc, 20_000);
            assertTrue(bytes < 512, "kernel " + k + " allocated " + bytes + " bytes in 20000 steps");
        }
    }
}
