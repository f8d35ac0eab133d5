package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * With adaptation on (the default outside the build's tests), a simulation with a team times its
 * steps both ways and runs blocks of them on the calling thread alone: the spikes and every
 * recorded sample stay the bits of the one-thread run, across the switches between the two ways
 * (a team step defers its delivery into the next step; a step alone must run it first).
 */
class AdaptiveTeamTest {
    /** TeamChoice's probe and block lengths (steps), which the assertions count with. */
    private static final int PROBE = 16, BLOCK = 1024;

    private static Network cubaLike(int threads) {
        Network net = new Network(1e-4).seed(3).threads(threads);
        net.addLif("P", 2000, Map.of("tau_m", "20 ms", "E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV",
                "refractory", "5 ms", "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), "1.62 mV", "0 ms",
                Map.of("rule", "probability", "p", 0.04, "pre", Map.of("from", 0, "to", 1600)));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "10 ms"), "-9 mV", "0.2 ms",
                Map.of("rule", "probability", "p", 0.04, "pre", Map.of("from", 1600, "to", 2000)));
        net.every(5e-3, sim -> sim.set("population 'P'", "v_threshold", 7, -50e-3)); // a hook: delivery must be complete before it
        net.recordSpikes("P");
        net.recordState("P", List.of("v", "I_syn"), new int[] {0, 1, 1999}, 3);
        return net;
    }

    private static String trace(Simulation sim) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < sim.spikes().count(); row++) out.append(sim.spikes().step(row)).append('/').append(sim.spikes().neuron(row)).append(' ');
        StateRecorder r = sim.stateRecorders().get(0);
        for (int t = 0; t < r.samples(); t++) {
            for (int v = 0; v < r.variables().size(); v++) {
                for (int k = 0; k < r.neurons().length; k++) out.append(Double.doubleToLongBits(r.value(t, v, k))).append(',');
            }
        }
        return out.toString();
    }

    @Test
    void stepsAloneAndOnTheTeamGiveTheOneThreadBits() {
        int steps = 3 * (2 * PROBE + BLOCK);
        Simulation one = cubaLike(1).build();
        one.runSteps(steps);
        assertTrue(one.spikes().count() > 1000, "the network should fire: " + one.spikes().count());
        String previous = System.getProperty("spikelane.threads.adaptive");
        System.setProperty("spikelane.threads.adaptive", "true");
        try (Simulation two = cubaLike(2).build()) {
            // in pieces, so that calls end and begin in either way
            for (int done = 0; done < steps; done += 700) two.runSteps(Math.min(700, steps - done));
            assertEquals(2, two.activeThreads());
            assertTrue(two.stepsAlone() >= 3 * PROBE, "every probe runs steps alone: " + two.stepsAlone());
            assertTrue(two.stepsAlone() <= steps - 3 * PROBE, "every probe runs steps on the team: " + two.stepsAlone());
            assertEquals(trace(one), trace(two));
        } finally {
            if (previous == null) System.clearProperty("spikelane.threads.adaptive");
            else System.setProperty("spikelane.threads.adaptive", previous);
        }
    }
}
