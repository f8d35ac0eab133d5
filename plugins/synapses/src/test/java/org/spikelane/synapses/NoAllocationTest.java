package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.net.Projection;
import org.spikelane.neuron.Population;

/**
 * The synaptic phases of a step, with every synapse kind, delays of several lengths and spikes in
 * flight, must not allocate: kernel updates, the spike ring, delivery of rows and the kernels'
 * receive all work on preallocated arrays. The phases are driven here in the scheduler's order
 * (projections update, populations update, projections deliver); only the projections' calls
 * are counted.
 */
class NoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void synapticPhasesWithProjectionsOfEveryKindDoNotAllocate() {
        assertNoAllocation(Precision.FLOAT32);
    }

    /** Runs the network of every synapse kind under {@code precision} and asserts the least of several rounds allocated nothing. */
    static void assertNoAllocation(Precision precision) {
        Network net = new Network(1e-4).seed(3).precision(precision);
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
        Simulation sim = net.build();
        Projection[] projections = sim.projections().toArray(Projection[]::new);
        Population[] populations = sim.populations().toArray(Population[]::new);
        long least = Long.MAX_VALUE;
        long spikes = 0;
        long step = 0;
        // the least of several rounds: only C2-compiled Vector API code is free of boxing. Only the
        // projections' calls are counted: the LIF kernel has its own allocation test.
        for (int round = 0; round < 20 && least > 0; round++) {
            spikes = 0;
            long bytes = 0;
            for (int k = 0; k < 5000; k++, step++) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                for (Projection p : projections) p.update(step, 0, p.target().padded());
                bytes += THREADS.getCurrentThreadAllocatedBytes() - before;
                for (Population p : populations) {
                    p.beginStep(step);
                    p.update(step, 0, p.padded());
                    p.finishStep();
                }
                before = THREADS.getCurrentThreadAllocatedBytes();
                for (Projection p : projections) {
                    p.pushSpikes(step);
                    p.deliver(step, 0, p.target().padded());
                }
                bytes += THREADS.getCurrentThreadAllocatedBytes() - before;
                spikes += populations[1].spikeCount();
            }
            least = Math.min(least, bytes);
        }
        assertTrue(spikes > 100, "the network should be active: " + spikes + " LIF spikes in 5000 steps");
        assertTrue(least < 256, precision + ": 5000 steps allocated " + least + " bytes");
    }
}
