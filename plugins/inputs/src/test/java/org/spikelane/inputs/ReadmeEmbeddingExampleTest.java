package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.Variable;

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
        float[] v = sim.lif("lif").state().v;                              // direct access (float32 only), volts
        Variable v0 = sim.stateRegistry().recordable("population 'lif'", "v"); // every format: v0.value(i), volts
        sim.run(1.0);                                                      // seconds, or sim.runSteps(n)
        // --- end ---
        assertEquals(sim.spikes().count(), listened[0]);
        assertEquals(v[0], v0.value(0), 0, "the registry reads the same array");
        assertTrue(v[0] < -0.049 && v[0] > -0.0651, "v in volts between reset and threshold: " + v[0]);
        // 2.2 nA * 10 Mohm = 22 mV above E_L: every neuron fires; neuron 7 runs on 3 nA from t = 0
        long[] driven = sim.spikes().steps("lif", 7);
        long[] other = sim.spikes().steps("lif", 8);
        assertTrue(driven.length > other.length, driven.length + " vs " + other.length);
        assertTrue(other.length > 5);
    }

    /** The README's format-free read, under fixed: state() refuses, the registry's variable reads v in volts. */
    @Test
    void theRegistryReadsVWhereStateRefuses() {
        Network net = new Network(0.1e-3).seed(1).precision(org.spikelane.Precision.FIXED);
        net.addLif("lif", 10, Map.of("R", "10 Mohm", "E_L", "-70 mV", "v_threshold", "-50 mV"));
        net.addInput("bias", "lif", Map.of("amplitude", "1 nA"));
        Simulation sim = net.build();
        Variable v0 = sim.stateRegistry().recordable("population 'lif'", "v");
        sim.run(0.1);
        assertThrows(IllegalStateException.class, () -> sim.lif("lif").state());
        // 1 nA * 10 Mohm: v settles 10 mV above E_L, below threshold
        assertEquals(-0.060, v0.value(3), 0.5e-3);
    }
}
