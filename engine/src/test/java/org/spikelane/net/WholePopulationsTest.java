package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;

/**
 * Whole populations per worker (org.spikelane.schedule.PopulationOwners) against one thread, the
 * reference: two Poisson sources and two LIF populations of one size, coupled both ways through
 * drawn weights (so the order of the float adds shows) and drawn delays (so they deliver ahead).
 * The four balance on two workers, so each worker takes a source and a LIF population whole;
 * spikes and v must agree bit for bit.
 */
class WholePopulationsTest {
    private static final double DT = 1e-4;
    private static final int STEPS = 600;
    /** The LIF populations, and the drawn weights and delays of every projection (also RedealTest's). */
    static final Map<String, ?> LIF = Map.of("E_L", "-70 mV", "v_init", "-70 mV", "tau_m", "10 ms", "v_threshold", "-55 mV",
            "v_reset", "-70 mV");
    static final Map<String, ?> WEIGHT = Map.of("normal", Map.of("mean", "0.7 mV", "sd", "0.3 mV"));
    static final Map<String, ?> DELAY = Map.of("uniform", Map.of("low", "0.1 ms", "high", "2 ms"));

    private static Network network(int threads) {
        Network net = new Network(DT).seed(5).threads(threads).plugins(TestSynapses.registry());
        Map<String, ?> lif = LIF, weight = WEIGHT, delay = DELAY;
        for (String s : List.of("a", "b")) {
            net.addPoisson("src_" + s, 64, Map.of("rate", "400 Hz"));
            net.addLif(s, 64, lif);
            net.connect("src_" + s, s, "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", 30));
        }
        net.connect("a", "b", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", 20));
        net.connect("b", "a", "jump_ahead", null, weight, delay, Map.of("rule", "in_degree", "k", 20));
        net.recordSpikes("a", "b");
        net.recordState("b", List.of("v"), null, 1);
        return net;
    }

    @Test
    void twoWorkersTakeWholePopulationsAndChangeNoBit() {
        Simulation one = network(1).build();
        Simulation two = network(2).build();
        assertFalse(one.wholePopulationsPerWorker());
        assertTrue(two.wholePopulationsPerWorker(), "four populations of two equal pairs balance on two workers");
        one.runSteps(STEPS);
        two.runSteps(STEPS);
        // the network is active: well over one spike per neuron of a and b in 60 ms
        assertTrue(one.spikes().count() > 128, "spikes " + one.spikes().count());
        SameBits.assertSameSpikes(one.spikes(), two.spikes());
        SameBits.assertSameTraces(one, two, "v", 64);
        one.close();
        two.close();
    }
}
