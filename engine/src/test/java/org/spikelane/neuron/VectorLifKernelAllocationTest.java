package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The vector kernel must compile to SIMD code that allocates nothing: a vector that escapes into
 * a non-inlined call, or an operator chosen at run time, is boxed on every step.
 */
class VectorLifKernelAllocationTest {

    @ParameterizedTest(name = "conductance={0} fused={1} fusedConductances={2}")
    @org.junit.jupiter.params.provider.CsvSource({"false,false,0", "true,false,0", "false,true,0", "true,true,0", "false,false,2",
                                                  "false,true,3", "true,true,1"})
    void warmKernelAllocatesNothing(boolean conductance, boolean fused, int fusedConductances) {
        LifState s = LifStates.random(4099, 3, false);
        if (conductance) s.enableConductance();
        if (fused) LifStates.addFusedCurrents(s); // the channel loop carries a vector across its iterations
        // fused conductances (written out, then looped beyond two) and, with them, the alpha currents' loop
        LifStates.addFusedConductances(s, fusedConductances);
        if (fusedConductances > 0) LifStates.addAlphaCurrents(s);
        LifKernel<LifState> kernel = new VectorLifKernel();
        int[] spikes = new int[s.size];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int round = 0; round < 30; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int step = 0; step < 1000; step++) {
                for (int i = 0; i < s.size; i += 97) {
                    s.current[i] = 3e-9f;
                    if (conductance) s.g[i] = 5e-9f;
                    if (fused) s.fused.state[1][i] += 1e-3f;
                    if (fusedConductances > 0) s.conductances.state[0][i] += 2e-9f;
                }
                kernel.step(s, step, 0, s.padded, spikes, 0);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (allocated == 0) break; // compiled by C2 and allocation-free
        }
        assertEquals(0, allocated, "bytes allocated by 1000 warm steps");
    }
}
