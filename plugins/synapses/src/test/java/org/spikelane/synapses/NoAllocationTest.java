package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;

/**
 * A whole step with every synapse kind, delays of several lengths and spikes in flight must not
 * allocate: update, the spike ring, delivery of rows and the kernels' receive are all on
 * preallocated arrays.
 */
class NoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void stepsWithProjectionsOfEveryKindDoNotAllocate() {
        Network net = new Network(1e-4).seed(3);
        net.addSpikeGenerator("src", 50, new double[] {0, 1e-3, 2.5e-3}, new int[] {0, 17, 42}, 5e-3);
        net.addLif("lif", 300, Map.of("E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV", "tau_m", "20 ms",
                "refractory", "2 ms", "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        Map<String, Object> sparse = Map.of("rule", "probability", "p", 0.1);
        Object delays = Map.of("uniform", Map.of("low", "0 ms", "high", "3 ms"));
        net.connect("src", "lif", "delta", null, "0.5 mV", "1 ms", sparse);
        net.connect("src", "lif", "exp_current", null, "50 pA", delays, sparse);
        net.connect("lif", "lif", "alpha_current", null, "-0.5 mV", "0.5 ms", sparse);
        net.connect("lif", "lif", "exp_conductance", null, "1 nS", delays, sparse);
        net.connect("src", "lif", "biexp_conductance", Map.of("a", 0.5), "2 nS", "2 ms", sparse);
        net.recordState("lif", List.of("v", "g", "I_syn"), new int[] {0, 1}, 1000);
        net.recordSpikes("lif");
        Simulation sim = net.build();
        long least = Long.MAX_VALUE;
        long spikes = 0;
        // the least of several rounds: only C2-compiled Vector API code is free of boxing
        for (int round = 0; round < 10 && least > 0; round++) {
            int before = sim.spikes().count();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            sim.runSteps(5000);
            long used = THREADS.getCurrentThreadAllocatedBytes() - bytes;
            spikes = sim.spikes().count() - before;
            least = Math.min(least, used);
        }
        assertTrue(spikes > 100, "the network should be active: " + spikes + " spikes in 5000 steps");
        // recorders grow their arrays by doubling, so some rounds allocate; the least must not
        assertTrue(least < 1024, "5000 steps allocated " + least + " bytes");
    }
}
