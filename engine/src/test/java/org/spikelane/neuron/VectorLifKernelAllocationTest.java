package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The vector kernel must compile to SIMD code that allocates nothing: a vector that escapes into
 * a non-inlined call, or an operator chosen at run time, is boxed on every step.
 */
class VectorLifKernelAllocationTest {

    /**
     * Every loop: per-neuron (no fused current), general (conductance, fused currents, fused
     * conductances written out and looped beyond two, alpha currents), uniform (shared
     * parameters, CUBA's shape).
     */
    @ParameterizedTest(name = "conductance={0} fused={1} fusedConductances={2} uniform={3}")
    @org.junit.jupiter.params.provider.CsvSource({"false,false,0,false", "true,false,0,false", "false,true,0,false", "true,true,0,false",
                                                  "false,false,2,false", "false,true,3,false", "true,true,1,false", "false,true,0,true"})
    void warmKernelAllocatesNothing(boolean conductance, boolean fused, int fusedConductances, boolean uniform) {
        LifState s = uniform ? LifStates.shared(4099, 3, false) : LifStates.random(4099, 3, false);
        if (conductance) s.enableConductance();
        if (fused && uniform) LifStates.addSharedFusedCurrents(s, 2);
        else if (fused) LifStates.addFusedCurrents(s); // the channel loop carries a vector across its iterations
        LifStates.addFusedConductances(s, fusedConductances);
        if (fusedConductances > 0) LifStates.addAlphaCurrents(s);
        assertEquals(uniform, VectorCurrentLoops.uniform(s), "the loop under test");
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
