package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * Every input plugin, whole-population and subset, float32 and fixed: a step split into neuron
 * ranges ({@link Simulation#stepInRanges}) gives the same spikes and the same recorded v and I,
 * to the bit, as the whole-population step. The splits include ranges whose sizes are not
 * multiples of 16 (at 4 and 8 lanes); the pom runs this again at 128 and 512 bits.
 */
class InputRangeAgreementTest {
    private static final int[][] SPLITS = {{16, 48}, {8, 24, 40, 56, 64}, {4, 12, 36, 60, 68}, {32}};
    private static final int STEPS = 3000;

    private static Network network(Precision precision) {
        Network net = new Network(1e-4).precision(precision);
        net.addLif("lif", 70, Map.of());
        net.addInput("bias", "lif", Map.of("amplitude", List.of("3 nA", "2.5 nA", "4 nA", "3.5 nA")), new int[] {40, 3, 69, 17});
        net.addInput("step", "lif", Map.of("amplitude", "1.2 nA", "start", "20 ms", "stop", "250 ms"));
        net.addInput("sine", "lif", Map.of("amplitude", "2 nA", "frequency", "40 Hz", "offset", "1 nA"), new int[] {5, 20, 33, 50, 64});
        net.addInput("ramp", "lif", Map.of("from", "0 nA", "to", "3 nA", "start", "0 ms", "stop", "300 ms"));
        net.addInput("pulse", "lif", Map.of("amplitude", "4 nA", "events",
                Map.of("times", List.of("5 ms", "5 ms", "30 ms", "31 ms"), "neurons", List.of(9, 60, 47, 9))));
        net.addInput("pulse", "lif", Map.of("amplitude", "3 nA", "shape", "inverse", "events",
                Map.of("every", "2 ms", "random_neuron", true)));
        net.addInput("pulse", "lif", Map.of("amplitude", "1 nA", "tau", "1 ms", "events", Map.of("from", "lif")),
                new int[] {1, 2, 15, 16, 17, 47, 48, 68});
        // the noise inputs: per-neuron counts and normals keyed by (step, neuron), and a Poisson population driving pulses
        net.addInput("poisson", "lif", Map.of("rate", "3 kHz", "weight", "0.4 mV", "start", "10 ms"));
        net.addInput("poisson", "lif", Map.of("rate", "2 kHz", "weight", "60 pA", "tau_syn", "2 ms"), new int[] {0, 7, 15, 16, 31, 47, 66});
        net.addInput("gaussian_noise", "lif", Map.of("mean", "0.5 nA", "std", "1 nA", "interval", "0.3 ms"));
        net.addPoisson("src", 70, Map.of("rate", "40 Hz"));
        net.addInput("pulse", "lif", Map.of("amplitude", "2 nA", "tau", "1 ms", "events", Map.of("from", "src")));
        net.recordSpikes("lif", "src");
        net.recordState("lif", List.of("v", "I"), java.util.stream.IntStream.range(0, 70).toArray(), 7);
        return net;
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FLOAT32", "FIXED"})
    void rangesGiveTheWholeStepToTheBit(Precision precision) {
        Simulation whole = network(precision).build();
        whole.runSteps(STEPS);
        String expected = trace(whole);
        assertTrue(whole.spikes().count() > 100, "the inputs should make the neurons fire: " + whole.spikes().count());
        for (int[] cuts : SPLITS) {
            Simulation split = network(precision).build();
            for (int n = 0; n < STEPS; n++) split.stepInRanges(cuts);
            assertEquals(expected, trace(split), "cuts " + java.util.Arrays.toString(cuts));
        }
    }

    /** Every spike (population, step, neuron) and the bits of every recorded value, as one string. */
    static String trace(Simulation sim) {
        StringBuilder out = new StringBuilder();
        var spikes = sim.spikes();
        for (int row = 0; row < spikes.count(); row++) {
            out.append(spikes.populationIndex(row)).append(':').append(spikes.step(row)).append(':').append(spikes.neuron(row)).append(' ');
        }
        for (StateRecorder r : sim.stateRecorders()) {
            int neurons = r.neurons().length, variables = r.variables().size();
            for (int t = 0; t < r.samples(); t++) {
                for (int v = 0; v < variables; v++) {
                    for (int k = 0; k < neurons; k++) out.append(Double.doubleToLongBits(r.value(t, v, k))).append(' ');
                }
            }
        }
        return out.toString();
    }
}
