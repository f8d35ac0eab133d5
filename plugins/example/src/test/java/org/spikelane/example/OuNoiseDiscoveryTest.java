package org.spikelane.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.PluginRegistry;

/** The plugin is found on the class path (META-INF/services) and drives a network. */
class OuNoiseDiscoveryTest {

    @Test
    void discoveredOnTheClassPath() {
        assertInstanceOf(OuNoisePlugin.class, PluginRegistry.discover().input("ou_noise"));
    }

    @Test
    void withoutNoiseItIsAConstantCurrentAndVSettlesAtTheLifFixedPoint() {
        // sigma = 0: the current is exactly `mean`, so v -> E_L + R * mean = -70 mV + 15 mV
        Network net = new Network(1e-4);
        net.addLif("lif", 3, Map.of());
        net.addInput("ou_noise", "lif", Map.of("mean", "1.5 nA", "sigma", "0 nA", "tau", "5 ms"));
        net.recordState("lif", List.of("v", "I"), null, 1);
        Simulation sim = net.build();
        sim.run(0.2); // 25 tau_m
        StateRecorder rec = sim.stateRecorders().get(0);
        int last = rec.samples() - 1;
        for (int k = 0; k < 3; k++) {
            assertEquals(1.5e-9, rec.value(last, 1, k), 1.5e-9 * 1e-6);
            assertEquals(-55e-3, rec.value(last, 0, k), 1e-6);
        }
    }

    @Test
    void noiseAroundASubthresholdMeanMakesNeuronsFire() {
        // mean 1.8 nA alone never reaches threshold (rheobase 2.0 nA); fluctuations of 0.5 nA do
        assertEquals(0, spikesOf50NeuronsIn500ms("0 nA"));
        int spikes = spikesOf50NeuronsIn500ms("0.5 nA");
        assertTrue(spikes > 50, "spikes: " + spikes);
    }

    private static int spikesOf50NeuronsIn500ms(String sigma) {
        Network net = new Network(1e-4);
        net.addLif("lif", 50, Map.of());
        net.addInput("ou_noise", "lif", Map.of("mean", "1.8 nA", "sigma", sigma, "tau", "10 ms"));
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.5);
        return sim.spikes().count();
    }

    @Test
    void badParametersNameThePluginAndTheParameter() {
        Network net = new Network(1e-4).addLif("lif", 2, Map.of());
        ParameterException tau = assertThrows(ParameterException.class,
                () -> net.addInput("ou_noise", "lif", Map.of("sigma", "1 nA", "tau", "-2 ms")));
        assertEquals("input 'ou_noise' parameter 'tau': must be > 0 s, got -2 ms", tau.getMessage());
        assertThrows(ParameterException.class, () -> net.addInput("ou_noise", "lif", Map.of("tau", "2 ms")),
                "sigma is required");
        net.addInput("ou_noise", "lif", Map.of("sigma", "1 nA", "tau", "2 ms", "start", "10 ms", "stop", "5 ms"));
        ParameterException window = assertThrows(ParameterException.class, net::build);
        assertTrue(window.getMessage().startsWith("input 'ou_noise' parameter 'stop': must be after start"),
                window.getMessage());
    }

    /** A plugin written for float32 only (no createFixed) is named in a one-line error under fixed. */
    @Test
    void underFixedPrecisionAFloatOnlyPluginIsAClearError() {
        Network net = new Network(1e-4).precision(org.spikelane.Precision.FIXED).addLif("lif", 2, Map.of());
        net.addInput("ou_noise", "lif", Map.of("sigma", "1 nA", "tau", "2 ms"));
        ParameterException e = assertThrows(ParameterException.class, net::build);
        assertEquals("input 'ou_noise': plugin 'ou_noise' supports precision float32 only (it has no fixed-point kernel); "
                + "run with precision: float32", e.getMessage());
    }
}
