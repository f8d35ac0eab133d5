package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.random;
import static org.spikelane.nir.Graphs.randomSpikes;
import static org.spikelane.nir.Graphs.v;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.net.NirNetwork;
import org.spikelane.nir.net.NirNetworks;

/**
 * Threshold nodes in a Network (docs/nir.md, "A graph as an engine Network"): a population whose
 * v forgets itself every step (decay 0), resting at the Affine's bias, so it spikes where the
 * step's input plus bias exceeds the threshold, one step later per layer, as a LIF layer does.
 */
class NirNetworkThresholdTest {
    /**
     * Input -> Affine (bias) -> Threshold (per-neuron thresholds) -> Linear -> LIF, and the
     * Threshold -> Scale -> Threshold (no Affine, bias 0) -> Linear -> CubaLIF: 300 steps of
     * random spikes, every spike of the four layers the executor's, at shifts 1, 2, 2, and 2
     * (euler: a CubaLIF adds no step) or 3 (exact).
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void thresholdNodesSpikeAsTheExecutor(Integration integration) {
        Random rnd = new Random(9);
        NirGraph graph = new Graphs().input("in", 4)
                .node("fc1", "Affine", "weight", matrix(5, 4, random(rnd, 20, 1.0)), "bias", v(0.1, -0.2, 0.05, 0, -0.1))
                .node("th1", "Threshold", "threshold", v(0.3, 0.2, 0.5, 0.1, 0.4))
                .node("fc2", "Linear", "weight", matrix(3, 5, java.util.Arrays.stream(random(rnd, 15, 1.0)).map(Math::abs).toArray()))
                .node("l2", "LIF", "tau", v(4e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.1), "v_reset", v(0))
                .node("s", "Scale", "scale", v(1, 2, 0.5, 1, 3))
                .node("th2", "Threshold", "threshold", v(0.9, 1.5, 0.4, 0.5, 2.5))
                .node("fc3", "Linear", "weight", matrix(2, 5, java.util.Arrays.stream(random(rnd, 10, 1.0)).map(Math::abs).toArray()))
                .node("l3", "CubaLIF", "tau_syn", v(4e-3), "tau_mem", v(6e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.05), "w_in", v(1))
                .output("out", 3).output("out3", 2)
                .edge("in", "fc1").edge("fc1", "th1").edge("th1", "fc2").edge("fc2", "l2").edge("l2", "out")
                .edge("th1", "s").edge("s", "th2").edge("th2", "fc3").edge("fc3", "l3").edge("l3", "out3").build();
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        assertEquals(1, n.stepShift().get("th1"));
        assertEquals(2, n.stepShift().get("l2"));
        assertEquals(2, n.stepShift().get("th2"));
        List<String> expected = NirNetworkTest.executorSpikes(CompiledGraph.compile(graph, options), input, steps);
        for (String layer : List.of("th1 ", "l2 ", "th2 ", "l3 ")) {
            assertTrue(expected.stream().filter(s -> s.startsWith(layer)).count() > 10, layer + "spikes: " + expected);
        }
        assertEquals(expected, NirNetworkTest.networkSpikes(n, steps, CompiledGraph.compile(graph, options)));
    }
}
