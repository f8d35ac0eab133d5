package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.SpikeListener;

/**
 * A listener that uses only its arguments lets the threaded step keep its delivery deferred: one
 * synchronisation per step (plus one for the delivery left at the end of the call) instead of two,
 * and the same spikes handed to it as to a listener that may read state, and as on one thread.
 */
class SpikesOnlyListenerTest {
    private static final int STEPS = 300, N = 1000;

    private static Simulation simulation(int threads) {
        Network net = new Network(1e-4).seed(3).threads(threads).plugins(TestSynapses.registry());
        net.addPoisson("src", N, Map.of("rate", "400 Hz"));
        net.addLif("p", N, WholePopulationsTest.LIF);
        net.connect("src", "p", "jump", null, WholePopulationsTest.WEIGHT, "0.5 ms", Map.of("rule", "in_degree", "k", 30));
        net.connect("p", "p", "jump", null, WholePopulationsTest.WEIGHT, "0.5 ms", Map.of("rule", "in_degree", "k", 10));
        return net.build();
    }

    /** Every (step, population, neuron) the listener is handed, in order. */
    private static List<long[]> listen(Simulation sim, boolean spikesOnly) {
        List<long[]> seen = new ArrayList<>();
        SpikeListener l = (step, population, neurons, count) -> {
            for (int i = 0; i < count; i++) seen.add(new long[] {step, population.length(), neurons[i]});
        };
        sim.addSpikeListener(spikesOnly ? SpikeListener.spikesOnly(l) : l);
        return seen;
    }

    @Test
    void oneSynchronisationPerStepAndTheSameSpikes() {
        try (Simulation one = simulation(1); Simulation reads = simulation(2); Simulation only = simulation(2)) {
            assertEquals(2, only.activeThreads());
            List<long[]> s1 = listen(one, false), sReads = listen(reads, false), sOnly = listen(only, true);
            one.runSteps(STEPS);
            reads.runSteps(STEPS);
            only.runSteps(STEPS);
            // a listener that may read state: every step's delivery in a section of its own
            assertEquals(2L * STEPS, reads.synchronisations());
            // spikes only: each step's delivery runs with the next step's section, the last one at the end of the call
            assertEquals(STEPS + 1L, only.synchronisations());
            assertTrue(s1.size() > N, "spikes " + s1.size());
            assertEquals(s1.size(), sReads.size());
            assertEquals(s1.size(), sOnly.size());
            for (int k = 0; k < s1.size(); k++) {
                assertArrayEquals(s1.get(k), sReads.get(k), "spike " + k);
                assertArrayEquals(s1.get(k), sOnly.get(k), "spike " + k);
            }
            assertEquals(0, one.synchronisations());
        }
    }
}
