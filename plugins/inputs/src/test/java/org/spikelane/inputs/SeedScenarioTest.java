package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * The seed forum thread, end to end through a Network: every 500 ms one random neuron of ten
 * gets a 10 nA current pulse that decays with tau = 2 ms (the accepted answer's first variant),
 * on top of a bias that a periodic hook can change (the asker's network_operation).
 */
class SeedScenarioTest {
    private static final double NA = 1e-9;
    private static final int SIZE = 10;
    private static final int EVERY = 5000; // steps of 0.1 ms

    private static Network seedNetwork(long seed) {
        Network net = new Network(1e-4).seed(seed);
        net.addLif("N", SIZE, Map.of());
        net.addInput("pulse", "N", Map.of("events", Map.of("every", "500 ms", "random_neuron", true),
                "shape", "exponential", "amplitude", "10 nA", "tau", "2 ms"));
        net.recordState("N", List.of("I"), null, 1);
        net.recordSpikes("N");
        return net;
    }

    /** The neuron that received each pulse, read from the recorded input current. */
    private static List<Integer> pulseTargets(long seed) {
        Simulation sim = seedNetwork(seed).build();
        sim.runSteps(5 * EVERY + 20);
        StateRecorder rec = sim.stateRecorders().getFirst();
        List<Integer> targets = new ArrayList<>();
        for (int event = 1; event <= 5; event++) {
            int step = event * EVERY;
            int hit = -1;
            for (int i = 0; i < SIZE; i++) {
                double[] I = rec.trace("I", i);
                assertEquals(0.0, I[step - 1], "no current just before the event, neuron " + i);
                if (I[step] != 0) {
                    assertEquals(-1, hit, "one neuron per event at step " + step);
                    hit = i;
                    assertEquals(10 * NA, I[step], 1e-6 * 10 * NA, "full height at the event's own step");
                    assertEquals(10 * NA * Math.exp(-0.5), I[step + 10], 1e-6 * 10 * NA, "1 ms = tau/2 later");
                }
            }
            assertTrue(hit >= 0 && hit < SIZE, "event at step " + step + " picked a neuron in [0, 10)");
            targets.add(hit);
        }
        return targets;
    }

    @Test
    void randomPulsesEvery500msAreReproducibleForASeed() {
        List<Integer> first = pulseTargets(2024);
        assertEquals(first, pulseTargets(2024));
        assertNotEquals(first, pulseTargets(2025), "another seed, another sequence");
    }

    @Test
    void aPulseOnTopOfA20nABiasMakesItsNeuronFireSooner() {
        Network net = seedNetwork(5);
        net.addInput("bias", "N", Map.of("amplitude", "20 nA"));
        Simulation sim = net.build();
        sim.runSteps(EVERY + 200);
        int hit = -1;
        for (int i = 0; i < SIZE; i++) if (sim.stateRecorders().getFirst().trace("I", i)[EVERY] > 25 * NA) hit = i;
        assertTrue(hit >= 0, "one neuron got the pulse");
        // 20 nA alone: every neuron fires with the same period; the pulse shortens the pulsed neuron's
        // interval around 500 ms, and leaves the others' trains untouched
        long[] quiet = sim.spikes().steps("N", (hit + 1) % SIZE);
        long[] pulsed = sim.spikes().steps("N", hit);
        long period = quiet[2] - quiet[1];
        for (int s = 2; s < quiet.length; s++) assertEquals(period, quiet[s] - quiet[s - 1]);
        // the first spike after the pulse's step: its interval is the one the pulse is part of
        int after = 0;
        while (pulsed[after] <= EVERY) after++;
        assertTrue(pulsed[after] - pulsed[after - 1] < period, "the pulse advances the next spike");
    }

    @Test
    void aHookChangesOneNeuronsBiasBetweenSteps() {
        Network net = new Network(1e-4);
        net.addLif("N", SIZE, Map.of());
        int[] bias = new int[1];
        net.every(0.5, sim -> {
            if (sim.stepCount() == EVERY) sim.input(bias[0]).set("amplitude", 3, 25e-9);
        });
        bias[0] = net.addInput("bias", "N", Map.of("amplitude", "20 nA"));
        net.recordState("N", List.of("I"), new int[] {2, 3}, 1);
        Simulation sim = net.build();
        sim.runSteps(EVERY + 2);
        double[] three = sim.stateRecorders().getFirst().trace("I", 3);
        double[] two = sim.stateRecorders().getFirst().trace("I", 2);
        assertEquals(20e-9, three[EVERY - 1], 1e-15);
        assertEquals(25e-9, three[EVERY], 1e-15, "the hook runs before the step it is due at");
        assertEquals(20e-9, two[EVERY + 1], 1e-15);
    }

    @Test
    void spikeTriggeredPulsesShowFromTheStepAfterTheSpike() {
        Network net = new Network(1e-4);
        net.addSpikeGenerator("src", 3, new double[] {1e-3, 1.5e-3}, new int[] {1, 2}, 0);
        net.addLif("lif", 3, Map.of());
        net.addInput("pulse", "lif", Map.of("shape", "inverse", "amplitude", "4 nA", "events", Map.of("from", "src")));
        net.recordState("lif", List.of("I"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(40);
        StateRecorder rec = sim.stateRecorders().getFirst();
        double[] expected1 = new double[40];
        double[] expected2 = new double[40];
        for (int n = 11; n < 40; n++) expected1[n] = 4 * NA / (1 + 1000 * (n - 11) * 1e-4);
        for (int n = 16; n < 40; n++) expected2[n] = 4 * NA / (1 + 1000 * (n - 16) * 1e-4);
        assertArrayEquals(expected1, rec.trace("I", 1), 1e-6 * 4 * NA);
        assertArrayEquals(expected2, rec.trace("I", 2), 1e-6 * 4 * NA);
        assertArrayEquals(new double[40], rec.trace("I", 0));
    }
}
