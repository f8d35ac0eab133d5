package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * Every synapse plugin, float32 and fixed, with delivery over a random feed-forward projection and
 * a delayed recurrent one: a step split into target ranges ({@link Simulation#stepInRanges}: rows
 * narrowed by binary search, kernels updated per range) gives the same spikes and recorded
 * {@code v} and {@code I_syn} (or {@code g}), to the bit, as the whole-population step.
 */
class SynapseRangeAgreementTest {
    private static final int[][] SPLITS = {{16, 48}, {8, 24, 40, 56, 64}, {4, 12, 36, 60, 68}};
    private static final int STEPS = 2000;

    private static Network network(String synapse, Precision precision) {
        Network net = new Network(1e-4).precision(precision);
        SplittableRandom random = new SplittableRandom(11);
        int events = 400;
        double[] times = new double[events];
        int[] neurons = new int[events];
        for (int k = 0; k < events; k++) {
            times[k] = k * 0.5e-3;
            neurons[k] = random.nextInt(60);
        }
        net.addSpikeGenerator("src", 60, times, neurons, 0.2);
        net.addLif("lif", 70, Map.of());
        boolean conductance = synapse.endsWith("conductance");
        String drive = conductance ? "150 nS" : synapse.equals("delta") ? "6 mV" : "15 mV";
        String recurrent = conductance ? "5 nS" : "0.5 mV";
        // biexp_conductance defaults to an inhibitory E_rev; made excitatory here so the targets fire
        Map<String, ?> params = synapse.equals("biexp_conductance") ? Map.of("E_rev", "0 mV") : Map.of();
        net.connect("src", "lif", synapse, params, Map.of("uniform", Map.of("low", drive, "high", drive)), null,
                Map.of("rule", "probability", "p", 0.3));
        net.connect("lif", "lif", synapse, params, recurrent, Map.of("uniform", Map.of("low", "0.5 ms", "high", "2 ms")), Map.of("rule", "probability", "p", 0.2));
        net.recordSpikes("lif");
        net.recordState("lif", synapse.equals("delta") ? List.of("v") : List.of("v", conductance ? "g" : "I_syn"), java.util.stream.IntStream.range(0, 70).toArray(), 5);
        return net;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"delta,FLOAT32", "exp_current,FLOAT32", "alpha_current,FLOAT32", "exp_conductance,FLOAT32",
                "biexp_conductance,FLOAT32", "delta,FIXED", "exp_current,FIXED", "alpha_current,FIXED",
                "exp_conductance,FIXED"})
    void rangesGiveTheWholeStepToTheBit(String synapse, Precision precision) {
        Simulation whole = network(synapse, precision).build();
        whole.runSteps(STEPS);
        String expected = trace(whole);
        assertTrue(whole.spikes().count() > 50, synapse + " should make the targets fire: " + whole.spikes().count());
        for (int[] cuts : SPLITS) {
            Simulation split = network(synapse, precision).build();
            for (int n = 0; n < STEPS; n++) split.stepInRanges(cuts);
            assertEquals(expected, trace(split), synapse + ", cuts " + java.util.Arrays.toString(cuts));
        }
    }

    /** The spike rows, then the bits of every sample of every recorder, as text. */
    private static String trace(Simulation sim) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < sim.spikes().count(); row++) {
            out.append(sim.spikes().step(row)).append('/').append(sim.spikes().neuron(row)).append(' ');
        }
        for (StateRecorder r : sim.stateRecorders()) {
            for (int t = 0; t < r.samples(); t++) {
                for (int v = 0; v < r.variables().size(); v++) {
                    for (int k = 0; k < r.neurons().length; k++) out.append(Double.doubleToLongBits(r.value(t, v, k))).append(',');
                }
            }
        }
        return out.toString();
    }
}
