package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;

/** The README's embedding example, line for line, so that it keeps compiling and working. */
class ReadmeEmbeddingExampleTest {

    @Test
    void readmeExampleRunsAndTheHookChangesOneNeuronsBias() {
        long[] listened = {0};
        // --- as in README.md ---
        Network net = new Network(0.1e-3).seed(1);                         // dt = 0.1 ms
        net.addLif("lif", 1000, Map.of(
                "tau_m", Map.of("normal", Map.of("mean", "20 ms", "sd", "2 ms")),
                "R", "10 Mohm", "E_L", "-70 mV", "v_threshold", "-50 mV"));
        int bias = net.addInput("bias", "lif", Map.of("amplitude", "2.2 nA"));
        net.every(0.5, s -> s.input(bias).set("amplitude", 7, 3e-9));     // between steps, like network_operation
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.addSpikeListener((step, pop, neurons, count) -> listened[0] += count);
        float[] v = sim.lif("lif").state().v;                              // direct access, SI units (volts)
        sim.run(1.0);                                                      // seconds, or sim.runSteps(n)
        // --- end ---
        assertEquals(sim.spikes().count(), listened[0]);
        assertTrue(v[0] < -0.049 && v[0] > -0.0651, "v in volts between reset and threshold: " + v[0]);
        // 2.2 nA * 10 Mohm = 22 mV above E_L: every neuron fires; neuron 7 runs on 3 nA from t = 0
        long[] driven = sim.spikes().steps("lif", 7);
        long[] other = sim.spikes().steps("lif", 8);
        assertTrue(driven.length > other.length, driven.length + " vs " + other.length);
        assertTrue(other.length > 5);
    }
}
