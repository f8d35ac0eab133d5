package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.random;
import static org.spikelane.nir.Graphs.randomSpikes;
import static org.spikelane.nir.Graphs.v;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;
import org.spikelane.nir.net.NirNetwork;
import org.spikelane.nir.net.NirNetworks;

/**
 * Graphs ending in a readout (LI, CubaLI, I) read into the engine's Network (docs/nir.md, "A graph
 * as an engine Network"): the readout is a population that never fires, and its v, at the
 * executor's step plus the population's shift, is the executor's v.
 */
class NirNetworkReadoutTest {
    /** Largest |v_network - v_executor| allowed: float32 rounding of two algebraically equal recurrences, v of order 1. */
    private static final double V_TOLERANCE = 1e-5;

    static Stream<Arguments> readouts() {
        return Stream.of("LI", "CubaLI", "I").flatMap(t -> Arrays.stream(Integration.values()).map(i -> Arguments.of(t, i)));
    }

    /**
     * A recurrent LIF layer (bias, a 2-step Delay on the input) feeding a readout of 3 neurons
     * through an Affine with a bias, and the input feeding the readout directly through a Linear
     * (a source two layers shallower, so its synapses wait in delays): 300 steps of random spikes,
     * the readout's v within {@link #V_TOLERANCE} of the executor's at every step, the hidden
     * layer's spikes the executor's.
     */
    @ParameterizedTest
    @MethodSource("readouts")
    void aGraphEndingInAReadoutHasTheExecutorsV(String type, Integration integration) {
        Random rnd = new Random(23);
        NirGraph graph = readoutGraph(type, rnd);
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        assertEquals(List.of("ro"), n.readouts());
        // a LIF layer runs one step late, the readout one more, except CubaLI under euler (its current reaches v a step late in NIR too)
        assertEquals(type.equals("CubaLI") && integration == Integration.EULER ? 1 : 2, n.stepShift().get("ro"));
        CompiledGraph g = CompiledGraph.compile(graph, options);
        SampleResult r = SampleRunner.run(g, input, 0, steps, List.of(Probe.parse(g, "ro:v")));
        assertTrue(r.spikeCount() > 100, "the hidden layer spikes: " + r.spikeCount());
        double largest = agreeOnV(n, r, "ro", 3, steps, V_TOLERANCE, type + " " + integration);
        assertTrue(largest > 0.1, "the readout moves: largest |v| " + largest);
    }

    /**
     * The same graphs given the engine's fixed format: the readout's threshold, twice the largest
     * |v| it can reach, leaves LSB_v small, so v stays within 1e-3 of the executor's float v (for
     * v up to about 2; 1.7e-4 seen, the format's own rounding of decays and weights). A float-max
     * threshold would make LSB_v about 1e31 V: the engine refuses the LI and CubaLI populations
     * (their E_L would round to 0) and the I's v stays 0.
     */
    @ParameterizedTest
    @ValueSource(strings = {"LI", "CubaLI", "I"})
    void underTheFixedFormatAReadoutKeepsItsDigits(String type) {
        Random rnd = new Random(23);
        NirGraph graph = readoutGraph(type, rnd);
        RunOptions options = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        n.network().precision(Precision.FIXED);
        CompiledGraph g = CompiledGraph.compile(graph, options);
        SampleResult r = SampleRunner.run(g, input, 0, steps, List.of(Probe.parse(g, "ro:v")));
        double largest = agreeOnV(n, r, "ro", 3, steps, 1e-3, type + " fixed");
        assertTrue(largest > 0.1, "the readout moves: largest |v| " + largest);
    }

    /** A recurrent LIF layer and a skip from the input into a 3-neuron readout of the given type. */
    private static NirGraph readoutGraph(String type, Random rnd) {
        Graphs b = new Graphs().input("in", 4).node("d", "Delay", "delay", v(2e-3, 0, 0, 2e-3))
                .node("fc1", "Affine", "weight", matrix(6, 4, random(rnd, 24, 3.0)), "bias", random(rnd, 6, 0.2))
                .node("l1", "LIF", "tau", v(5e-3, 5e-3, 8e-3, 8e-3, 1e-2, 1e-2), "r", v(1, 1, 1, 2, 2, 2), "v_leak", v(0, 0, 0.05, 0, 0, 0),
                        "v_threshold", v(0.3), "v_reset", v(0))
                .node("rec", "Linear", "weight", matrix(6, 6, random(rnd, 36, 0.8)))
                .node("fc2", "Affine", "weight", matrix(3, 6, random(rnd, 18, 1.0)), "bias", v(0.3, -0.2, 0.1))
                .node("skip", "Linear", "weight", matrix(3, 4, random(rnd, 12, 0.5)));
        switch (type) {
            case "LI" -> b.node("ro", "LI", "tau", v(4e-3, 6e-3, 1e-2), "r", v(1, 2, 1), "v_leak", v(0, 0.05, -0.02));
            case "CubaLI" -> b.node("ro", "CubaLI", "tau_mem", v(4e-3, 6e-3, 1e-2), "tau_syn", v(2e-3, 2e-3, 3e-3), "r", v(1, 2, 1),
                    "v_leak", v(0, 0.05, -0.02), "w_in", v(1.5, 1, 2));
            default -> b.node("ro", "I", "r", v(1, 2, 0.5));
        }
        return b.output("out", 3).edge("in", "d").edge("d", "fc1").edge("fc1", "l1").edge("l1", "rec").edge("rec", "l1")
                .edge("l1", "fc2").edge("fc2", "ro").edge("in", "skip").edge("skip", "ro").edge("ro", "out").build();
    }

    /**
     * The paper/03_rnn braille graph with its output layer made a CubaLI (its parameters kept,
     * threshold and reset dropped) on the first 4 committed input samples: v of all 7 readout
     * neurons within {@link #V_TOLERANCE} of the executor's at every step.
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void brailleWithACubaLiReadoutHasTheExecutorsV(Integration integration) {
        NirGraph spiking = NirReader.read(TestData.path("braille_noDelay_bias_zero.nir"));
        Map<String, NirNode> nodes = new LinkedHashMap<>(spiking.nodes());
        Map<String, NirArray> params = new LinkedHashMap<>(nodes.get("lif2").params());
        params.remove("v_threshold");
        params.remove("v_reset");
        nodes.put("lif2", new NirNode("lif2", "CubaLI", params, null));
        NirGraph graph = new NirGraph(spiking.version(), new LinkedHashMap<>(nodes), spiking.edges());
        NpyArray inputs = Npy.read(TestData.path("braille/inputs.npy"));
        int steps = inputs.shape()[1], row = inputs.shape()[2];
        RunOptions options = new RunOptions(1e-4, integration, ResetMode.VALUE);
        CompiledGraph g = CompiledGraph.compile(graph, options);
        for (int s = 0; s < 4; s++) {
            float[] input = Arrays.copyOfRange(inputs.data(), s * steps * row, (s + 1) * steps * row);
            NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
            assertEquals(List.of("lif2"), n.readouts());
            SampleResult r = SampleRunner.run(g, input, 0, steps, List.of(Probe.parse(g, "lif2:v")));
            double largest = agreeOnV(n, r, "lif2", 7, steps, V_TOLERANCE, integration + " sample " + s);
            assertTrue(largest > 0.1, "the readout moves: largest |v| " + largest);
        }
    }

    /** Runs the Network, asserts the readout's v against the executor's probe at every step; returns the largest |v| seen. */
    private static double agreeOnV(NirNetwork n, SampleResult r, String readout, int size, int steps, double tolerance, String what) {
        n.network().recordState(readout, List.of("v"), null, 1);
        int shift = n.stepShift().get(readout);
        double worst = 0, largest = 0;
        try (Simulation sim = n.network().build()) {
            sim.runSteps(steps + shift + 1);
            for (int i = 0; i < size; i++) {
                double[] trace = sim.stateRecorders().get(0).trace("v", i);
                for (int t = 0; t < steps; t++) {
                    double expected = r.traces()[0][t * size + i];
                    double d = Math.abs(trace[t + shift + 1] - expected);
                    worst = Math.max(worst, d);
                    largest = Math.max(largest, Math.abs(expected));
                    assertTrue(d <= tolerance, what + " neuron " + i + " step " + t + ": " + trace[t + shift + 1] + " against " + expected);
                }
            }
        }
        System.out.printf("%s: largest |dv| %.3g, largest |v| %.3g%n", what, worst, largest);
        return largest;
    }

    @Test
    void aReadoutFeedingANeuronIsOneLineNamingBoth() {
        NirGraph graph = new Graphs().input("in", 1).node("li", "LI", "tau", v(1e-3), "r", v(1), "v_leak", v(0)).node("fc", "Linear", "weight", matrix(1, 1, 1))
                .node("l", "LIF", "tau", v(1e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(1)).output("out", 1)
                .edge("in", "li").edge("li", "fc").edge("fc", "l").edge("l", "out").build();
        NirException e = assertThrows(NirException.class,
                () -> NirNetworks.toNetwork(graph, new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE), new float[1], 1));
        assertEquals("node 'li' (LI) feeds 'fc'; a readout's output is its v, not spikes, so in a Network it may feed only Output nodes", e.getMessage());
    }
}
