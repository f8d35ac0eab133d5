package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.spi.Params;

/**
 * The fixed-point kernels run every step: once compiled they must not allocate. This guards the
 * shape of {@link FixedLifKernel#vectorStep}: a version with helpers taking vector arguments
 * boxed 64 to 320 bytes per lane group per step when C2 ran out of its inlining node budget.
 */
class FixedNoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Least bytes over several rounds: the interpreter and C1 box vectors; C2 compiles in the background. */
    private static long allocatedBy(IntSupplier step, int steps) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 15 && least > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int n = 0; n < steps; n++) step.getAsInt();
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    @Test
    void fixedAndLoihiVectorKernelsDoNotAllocate() {
        int n = 1000;
        LifState s = new LifPopulation("p", n, 1e-4, Params.resolve("p", LifModel.PARAMS, Map.of(), n), null).state();
        FixedLifState f = new FixedLifState("p", s.parameters(), ArithmeticProfile.FIXED, 1);
        int[] spikes = new int[s.padded];
        long[] step = {0};
        long fixedBytes = allocatedBy(() -> {
            java.util.Arrays.fill(f.driveSum, 0, n, (int) Math.round(2.5e-9 * f.lsbPerAmpere(0)));
            return FixedLifKernel.vectorStep(f, step[0]++, 0, s.padded, spikes, 0);
        }, 5000);
        assertTrue(fixedBytes < 512, "fixed kernel allocated " + fixedBytes + " bytes in 5000 steps");
        LifState c = new LifPopulation("p", n, 1e-4, Params.resolve("p", LifModel.PARAMS, Map.of(), n), null).state();
        FixedLifState fc = new FixedLifState("p", c.parameters(), ArithmeticProfile.FIXED, 1);
        fc.enableConductance();
        long conductanceBytes = allocatedBy(() -> {
            java.util.Arrays.fill(fc.g, 0, n, 5e-9f);
            return FixedLifKernel.vectorStep(fc, step[0]++, 0, c.padded, spikes, 0);
        }, 5000);
        assertTrue(conductanceBytes < 512, "conductance path allocated " + conductanceBytes + " bytes in 5000 steps");
        FixedLifState g = new FixedLifState("p", s.parameters(), ArithmeticProfile.FIXED.withRounding(Rounding.STOCHASTIC), 1);
        long stochasticBytes = allocatedBy(() -> FixedLifKernel.vectorStep(g, step[0]++, 0, s.padded, spikes, 0), 5000);
        assertTrue(stochasticBytes < 512, "stochastic rounding allocated " + stochasticBytes + " bytes in 5000 steps");
        LoihiLifState l = new LoihiLifState(n, LoihiLifModel.resolve("p", Map.of("du", 100, "dv", 200, "bias_mant", 100,
                "bias_exp", 3, "vth", 1000), n, org.spikelane.random.RandomStream.root(1)));
        long loihiBytes = allocatedBy(() -> LoihiLifKernel.vectorStep(l, 0, l.padded, spikes, 0), 5000);
        assertTrue(loihiBytes < 512, "loihi kernel allocated " + loihiBytes + " bytes in 5000 steps");
    }
}
