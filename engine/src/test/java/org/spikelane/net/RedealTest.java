package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.schedule.RedealByEvents;

/**
 * Whole populations dealt again by counted events (org.spikelane.schedule.RedealByEvents), on a
 * network whose imbalance the build cannot see: two Poisson sources of one size, one at 400 Hz and
 * one at 5 Hz, each into a LIF population of one size through the same number of synapses, and the
 * two LIF populations coupled both ways. By synapses and neurons the four balance as {src_a, a} and
 * {src_b, b}; by the events a receives, a alone outweighs the other three, so the first re-deal
 * gives a a worker to itself. Spikes and v must be the bits of one thread throughout.
 */
class RedealTest {
    private static final double DT = 1e-4;
    private static final int STEPS = 3 * RedealByEvents.FIRST_WINDOW;
    private static final int SRC_A = 0, SRC_B = 1, A = 2, B = 3, N = 64, K_IN = 30, K_CROSS = 10;

    private static Network network(int threads) {
        Network net = new Network(DT).seed(11).threads(threads).plugins(TestSynapses.registry());
        Map<String, ?> lif = WholePopulationsTest.LIF, weight = WholePopulationsTest.WEIGHT, delay = WholePopulationsTest.DELAY;
        net.addPoisson("src_a", N, Map.of("rate", "400 Hz"));
        net.addPoisson("src_b", N, Map.of("rate", "5 Hz"));
        net.addLif("a", N, lif);
        net.addLif("b", N, lif);
        net.connect("src_a", "a", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", K_IN));
        net.connect("src_b", "b", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", K_IN));
        net.connect("a", "b", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", K_CROSS));
        net.connect("b", "a", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", K_CROSS));
        net.recordSpikes("src_a", "src_b", "a", "b");
        net.recordState("a", List.of("v"), null, 1);
        net.recordState("b", List.of("v"), null, 1);
        return net;
    }

    @Test
    void theBusyPopulationGetsAWorkerToItselfAndNoBitChanges() {
        try (Simulation one = network(1).build(); Simulation two = network(2).build()) {
            assertNull(one.populationWorkers());
            // the guess: a and b weigh 64 * 256 plus their 1920 + 640 synapses each, the sources 64 * 256;
            // heaviest first: a -> 0, b -> 1, src_a -> 0 (equal loads: the first), src_b -> 1
            assertArrayEquals(new int[] {0, 1, 0, 1}, two.populationWorkers());
            two.runSteps(RedealByEvents.FIRST_WINDOW - 1);
            assertEquals(0, two.redeals(), "no re-deal before the window is full");
            two.runSteps(1);
            one.runSteps(RedealByEvents.FIRST_WINDOW);

            // the window's cost of each population, as RedealByEvents defines it: 64 padded neuron
            // updates per step, plus 5 per event received (a source's spikes times its synapses per
            // source neuron, K_IN or K_CROSS, since every target draws k sources of 64)
            long[] spikes = new long[4];
            SpikeRecorder s1 = one.spikes();
            for (int row = 0; row < s1.count(); row++) spikes[s1.populationIndex(row)]++;
            long base = (long) N * RedealByEvents.FIRST_WINDOW;
            long costA = base + 5 * ((long) K_IN * spikes[SRC_A] + (long) K_CROSS * spikes[B]);
            long costB = base + 5 * ((long) K_IN * spikes[SRC_B] + (long) K_CROSS * spikes[A]);
            assertTrue(costA > 2 * base + costB, "a outweighs the three others: " + costA + " against " + (2 * base + costB));
            // so the least the heaviest worker can carry is a alone, and the old deal carried more (a with src_a)
            assertEquals(1, two.redeals());
            assertArrayEquals(new int[] {1, 1, 0, 1}, two.populationWorkers());

            one.runSteps(STEPS - RedealByEvents.FIRST_WINDOW);
            two.runSteps(STEPS - RedealByEvents.FIRST_WINDOW);
            assertTrue(s1.count() > 2 * N, "spikes " + s1.count());
            SameBits.assertSameSpikes(s1, two.spikes());
            SameBits.assertSameTraces(one, two, "v", N);
        }
    }
}
