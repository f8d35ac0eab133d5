package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiPhysicalMapping;
import org.spikelane.spi.Params;

/** The physical loihi step (input quantization pass, then Loihi's step) must not allocate once compiled. */
class LoihiPhysicalNoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void vectorStepWithInputsDoesNotAllocate() {
        int n = 1000;
        Params p = LoihiLifModel.resolve("p", LoihiPhysicalMappingTest.NEURON, n, org.spikelane.random.RandomStream.root(1));
        LoihiPhysicalMapping mapping = new LoihiPhysicalMapping("p", n, 1e-4, p);
        LoihiLifState s = mapping.state();
        LoihiLifKernel kernel = new LoihiLifKernel(true);
        int[] spikes = new int[s.padded];
        long spiked = 0, least = Long.MAX_VALUE;
        for (int round = 0; round < 15 && least > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 5000; k++) {
                java.util.Arrays.fill(s.inputCurrent, 0, n, 2.5e-9f);
                spiked += kernel.step(s, k, 0, s.padded, spikes, 0);
            }
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(spiked > 0, "2.5 nA drives the neurons over threshold");
        assertTrue(least < 512, "physical loihi step allocated " + least + " bytes in 5000 steps");
    }
}
