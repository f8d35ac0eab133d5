package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;

/** addCurrent runs every step: it must not allocate (no boxing, no iterators, no temporary arrays). */
class NoAllocationTest {
    @Test
    void noKernelAllocatesPerStep() {
        FakeInputContext subset = new FakeInputContext(1e-4, 100, new int[] {5, 50, 99}, 3);
        FakeInputContext whole = FakeInputContext.wholeWithSpikes(100, "src", List.of(5, 7));
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
            InputKernel kernel = kernels.get(k);
            long bytes = AllocationMeter.leastBytes(n -> {
                kernel.beginStep(n);
                kernel.addCurrent(n, 0, acc.length, acc);
            }, 20_000);
            assertTrue(bytes < 512, "kernel " + k + " allocated " + bytes + " bytes in 20000 steps");
        }
    }
}
