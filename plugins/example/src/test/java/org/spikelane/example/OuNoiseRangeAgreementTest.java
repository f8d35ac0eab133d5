package org.spikelane.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * {@code ou_noise} on the whole population and on an unsorted subset with per-neuron values: a
 * step split into neuron ranges, run in ascending order, gives the recorded input current and
 * spikes of the whole-population step to the bit.
 */
class OuNoiseRangeAgreementTest {
    private static final int STEPS = 2000;

    private static Network network() {
        Network net = new Network(1e-4);
        net.addLif("lif", 70, Map.of());
        net.addInput("ou_noise", "lif", Map.of("mean", "2.5 nA", "sigma", "1 nA", "tau", "5 ms"));
        net.addInput("ou_noise", "lif", Map.of("mean", List.of("1 nA", "0.5 nA", "2 nA"), "sigma", "0.5 nA", "tau", "2 ms"),
                new int[] {65, 3, 30});
        net.recordSpikes("lif");
        net.recordState("lif", List.of("I", "v"), java.util.stream.IntStream.range(0, 70).toArray(), 3);
        return net;
    }

    @Test
    void rangesGiveTheWholeStepToTheBit() {
        Simulation whole = network().build();
        whole.runSteps(STEPS);
        assertTrue(whole.spikes().count() > 50, "the noise should make neurons fire");
        for (int[] cuts : new int[][] {{16, 48}, {8, 24, 40, 64}, {4, 12, 36, 68}}) {
            Simulation split = network().build();
            for (int n = 0; n < STEPS; n++) split.stepInRanges(cuts);
            assertArrayEquals(samples(whole), samples(split), "recorded I and v, cuts " + java.util.Arrays.toString(cuts));
            assertArrayEquals(spikeSteps(whole), spikeSteps(split), "spikes, cuts " + java.util.Arrays.toString(cuts));
        }
    }

    private static double[] samples(Simulation sim) {
        StateRecorder r = sim.stateRecorders().getFirst();
        int neurons = r.neurons().length;
        double[] out = new double[r.samples() * 2 * neurons];
        for (int t = 0, at = 0; t < r.samples(); t++) {
            for (int v = 0; v < 2; v++) {
                for (int k = 0; k < neurons; k++) out[at++] = r.value(t, v, k);
            }
        }
        return out;
    }

    private static long[] spikeSteps(Simulation sim) {
        long[] out = new long[sim.spikes().count()];
        for (int row = 0; row < out.length; row++) out[row] = sim.spikes().step(row) * 100 + sim.spikes().neuron(row);
        return out;
    }
}
