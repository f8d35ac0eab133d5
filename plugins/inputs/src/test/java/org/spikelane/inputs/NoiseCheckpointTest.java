package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;

/**
 * The noise inputs and the Poisson population through a checkpoint: a run restored at step 1234
 * (inside an interval of the noise, with exponential Poisson currents still decaying) continues with
 * the same spikes and recorded values, bit for bit, as the run that was never interrupted.
 */
class NoiseCheckpointTest {
    @TempDir
    Path tmp;

    private static Network network(Precision precision) {
        Network net = new Network(1e-4).seed(8).precision(precision);
        net.addLif("lif", 50, Map.of("tau_m", "10 ms", "C", "250 pF", "E_L", "-65 mV", "v_threshold", "-55 mV"));
        net.addInput("poisson", "lif", Map.of("rate", "8 kHz", "weight", "87.8 pA", "tau_syn", "0.5 ms"));
        net.addInput("poisson", "lif", Map.of("rate", "1 kHz", "weight", "0.3 mV", "stop", "200 ms"), new int[] {3, 9, 27, 40});
        net.addInput("gaussian_noise", "lif", Map.of("std", "0.3 nA", "interval", "0.7 ms"));
        net.addPoisson("src", 50, Map.of("rate", Map.of("uniform", Map.of("low", "5 Hz", "high", "50 Hz")), "start", "30 ms"));
        net.addInput("pulse", "lif", Map.of("amplitude", "1 nA", "events", Map.of("from", "src")));
        net.recordSpikes("lif", "src");
        net.recordState("lif", List.of("v", "I"), null, 3);
        return net;
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FLOAT32", "FIXED"})
    void restoredRunContinuesBitForBit(Precision precision) {
        Simulation whole = network(precision).build();
        whole.runSteps(1234);
        Path file = tmp.resolve(precision + ".ckpt");
        whole.checkpoint(file);
        whole.runSteps(2766);

        Simulation resumed = network(precision).build();
        resumed.restore(file);
        resumed.runSteps(2766);
        assertTrue(whole.spikes().count() > 200, "the network fires: " + whole.spikes().count());
        // the resumed recorder holds the samples from the restore on: the last ones of the whole run
        for (String variable : List.of("v", "I")) {
            for (int i = 0; i < 50; i++) {
                double[] all = whole.stateRecorders().getFirst().trace(variable, i);
                double[] tail = resumed.stateRecorders().getFirst().trace(variable, i);
                assertEquals(922, tail.length);
                assertArrayEquals(java.util.Arrays.copyOfRange(all, all.length - tail.length, all.length), tail, variable + " of " + i);
            }
        }
        assertEquals(spikesFrom(whole, 1234), spikesFrom(resumed, 1234), "spikes after the restore");
    }

    private static String spikesFrom(Simulation sim, long first) {
        StringBuilder out = new StringBuilder();
        var spikes = sim.spikes();
        for (int row = 0; row < spikes.count(); row++) {
            if (spikes.step(row) >= first) {
                out.append(spikes.populationIndex(row)).append(':').append(spikes.step(row)).append(':').append(spikes.neuron(row)).append(' ');
            }
        }
        return out.toString();
    }
}
