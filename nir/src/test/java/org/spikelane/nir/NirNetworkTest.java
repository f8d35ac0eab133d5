package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.random;
import static org.spikelane.nir.Graphs.randomSpikes;
import static org.spikelane.nir.Graphs.v;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.spikelane.Simulation;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.net.NirNetwork;
import org.spikelane.nir.net.NirNetworks;
import org.spikelane.record.SpikeRecorder;

/** A NIR graph read into the engine's Network (docs/nir.md, "A graph as an engine Network") spikes as the executor does, a step later per layer. */
class NirNetworkTest {
    /** Spikes as "node neuron step", the Network's steps moved back by each population's shift. */
    static List<String> executorSpikes(CompiledGraph g, float[] input, int steps) {
        SampleResult r = SampleRunner.run(g, input, 0, steps, List.of());
        List<String> out = new ArrayList<>();
        for (int k = 0; k < r.spikeCount(); k++) out.add(g.name(r.spikeNode()[k]) + " " + r.spikeNeuron()[k] + " " + r.spikeStep()[k]);
        out.sort(null);
        return out;
    }

    /** Spikes of the neuron nodes (not the generators) as "node neuron step", each population's steps moved back by its shift. */
    static List<String> networkSpikes(NirNetwork n, int steps, CompiledGraph g) {
        try (Simulation sim = n.network().build()) {
            sim.runSteps(steps + 5);
            SpikeRecorder rec = sim.spikes();
            List<String> out = new ArrayList<>();
            for (int k = 0; k < rec.count(); k++) {
                String pop = rec.populationName(k);
                long step = rec.step(k) - n.stepShift().get(pop);
                if (!g.type(g.node(pop)).equals("Input") && step < steps) out.add(pop + " " + rec.neuron(k) + " " + step);
            }
            out.sort(null);
            return out;
        }
    }

    @ParameterizedTest
    @EnumSource(Integration.class)
    void lifNorseSpikesAsTheExecutorOneStepLater(Integration integration) {
        NirGraph graph = NirReader.read(TestData.path("lif_norse.nir"));
        RunOptions options = new RunOptions(1e-4, integration, ResetMode.VALUE);
        float[] input = LifNorseTest.paperInput();
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, 1000);
        assertEquals(1, n.stepShift().get("1"));
        List<String> expected = executorSpikes(CompiledGraph.compile(graph, options), input, 1000);
        if (integration == Integration.EULER) assertEquals(List.of("1 0 460", "1 0 510", "1 0 710", "1 0 760"), expected);
        assertEquals(expected, networkSpikes(n, 1000, CompiledGraph.compile(graph, options)));
    }

    /**
     * Two LIF layers, the first recurrent (a back edge, which both run one step late, so it
     * keeps its timing), with biases and a Delay of 2 steps on the input: random weights and
     * 300 steps of random spikes, every spike of both layers the same as the executor's.
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void aRecurrentTwoLayerGraphSpikesAsTheExecutor(Integration integration) {
        Random rnd = new Random(11);
        NirGraph graph = new Graphs().input("in", 4).node("d", "Delay", "delay", v(2e-3, 0, 2e-3, 0))
                .node("fc1", "Affine", "weight", matrix(6, 4, random(rnd, 24, 3.0)), "bias", random(rnd, 6, 0.2))
                .node("l1", "LIF", "tau", v(5e-3, 5e-3, 8e-3, 8e-3, 1e-2, 1e-2), "r", v(1, 1, 1, 2, 2, 2), "v_leak", v(0, 0, 0.05, 0, 0, 0),
                        "v_threshold", v(0.3), "v_reset", v(0))
                .node("rec", "Linear", "weight", matrix(6, 6, random(rnd, 36, 0.8)))
                .node("fc2", "Affine", "weight", matrix(3, 6, java.util.Arrays.stream(random(rnd, 18, 1.0)).map(Math::abs).toArray()), "bias", v(0.05, 0.1, 0.05))
                .node("l2", "LIF", "tau", v(4e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.1)).output("out", 3)
                .edge("in", "d").edge("d", "fc1").edge("fc1", "l1").edge("l1", "rec").edge("rec", "l1").edge("l1", "fc2").edge("fc2", "l2")
                .edge("l2", "out").build();
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        assertEquals(1, n.stepShift().get("l1"));
        assertEquals(2, n.stepShift().get("l2"));
        List<String> expected = executorSpikes(CompiledGraph.compile(graph, options), input, steps);
        assertTrue(expected.stream().filter(s -> s.startsWith("l2 ")).count() > 20, "the output layer spikes: " + expected.stream().filter(s -> s.startsWith("l2 ")).toList());
        assertEquals(expected, networkSpikes(n, steps, CompiledGraph.compile(graph, options)));
    }

    /**
     * An IF layer behind an Affine with a bias (no leak to shift, so the bias arrives from the
     * every-step generator as dt r b per step) feeding a LIF layer: 300 steps of random spikes,
     * every spike of both layers the executor's, at shifts 1 and 2.
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void anIfLayerWithABiasSpikesAsTheExecutor(Integration integration) {
        Random rnd = new Random(31);
        double[] w1 = random(rnd, 20, 1.0);
        java.util.Arrays.fill(w1, 12, 16, 0); // neuron 3 hears its bias only
        NirGraph graph = new Graphs().input("in", 4)
                .node("fc1", "Affine", "weight", matrix(5, 4, w1), "bias", v(0.2, -0.1, 0.3, 0.3, 0))
                .node("if1", "IF", "r", v(1, 2, 1, 1, 3), "v_threshold", v(0.01), "v_reset", v(0))
                .node("fc2", "Linear", "weight", matrix(2, 5, java.util.Arrays.stream(random(rnd, 10, 1.0)).map(Math::abs).toArray()))
                .node("l2", "LIF", "tau", v(4e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.1)).output("out", 2)
                .edge("in", "fc1").edge("fc1", "if1").edge("if1", "fc2").edge("fc2", "l2").edge("l2", "out").build();
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        assertEquals(2, n.stepShift().get("l2"));
        List<String> expected = executorSpikes(CompiledGraph.compile(graph, options), input, steps);
        assertTrue(expected.stream().filter(s -> s.startsWith("if1 3 ")).count() > 5, "the IF neuron driven by its bias alone spikes: " + expected);
        assertTrue(expected.stream().filter(s -> s.startsWith("l2 ")).count() > 10, "the output layer spikes: " + expected);
        assertEquals(expected, networkSpikes(n, steps, CompiledGraph.compile(graph, options)));
    }

    @Test
    void whatTheEngineCannotExpressIsOneLineNamingTheNode() {
        NirGraph threshold = new Graphs().input("in", 1).node("fc", "Affine", "weight", matrix(1, 1, 1), "bias", v(0.625)).node("th", "Threshold", "threshold", v(0.5))
                .output("out", 1).edge("in", "fc").edge("fc", "th").edge("th", "out").build();
        NirException e = assertThrows(NirException.class,
                () -> NirNetworks.toNetwork(threshold, new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE), new float[1], 1));
        assertEquals("node 'th' (Threshold): neuron 0 has bias 0.625 above its threshold 0.5, so it would spike in the 1 steps its layer runs late "
                + "in the Network, before any input", e.getMessage());
        NirGraph lif = NirReader.read(TestData.path("lif_norse.nir"));
        assertEquals("--reset subtract has no engine counterpart: the engine's LIF resets v to v_reset; use --reset value", assertThrows(NirException.class,
                () -> NirNetworks.toNetwork(lif, new RunOptions(1e-4, Integration.EULER, ResetMode.SUBTRACT), new float[] {1}, 1)).getMessage());
        assertEquals("input row 1, channel 0 is 0.5; a Network's Input node emits spikes (0 or 1)", assertThrows(NirException.class,
                () -> NirNetworks.toNetwork(lif, new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE), new float[] {1, 0.5f}, 2)).getMessage());
    }
}
