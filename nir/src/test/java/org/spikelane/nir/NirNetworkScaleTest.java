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
 * Scale nodes in a Network (docs/nir.md, "A graph as an engine Network"): folded into the
 * weights of their chain, so the Network spikes as the executor does, a step later per layer.
 */
class NirNetworkScaleTest {
    /**
     * A Scale before an Affine (its columns: per-element factors, one negative), one after it (its
     * rows and its bias: per-element), and a spike chain with no Affine through a Scale and a Delay
     * (a one-to-one connection of weight s_i), into a CubaLIF: 300 steps of random spikes, every
     * spike of all three layers the executor's, at shifts 1, 2 and 2 (euler) or 3 (exact).
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void scaleNodesFoldIntoTheWeightsAndSpikeAsTheExecutor(Integration integration) {
        Random rnd = new Random(5);
        NirGraph graph = new Graphs().input("in", 4).node("sIn", "Scale", "scale", v(2, 0.5, -1, 1.5))
                .node("fc1", "Affine", "weight", matrix(6, 4, random(rnd, 24, 2.0)), "bias", random(rnd, 6, 0.1))
                .node("sPost", "Scale", "scale", v(0.5, 1, 1.5, 2, 0.75, 1.25))
                .node("l1", "LIF", "tau", v(5e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.3), "v_reset", v(0))
                .node("sOne", "Scale", "scale", v(0.4, 0.6, 0.8, 1.0, 1.2, 0)).node("d", "Delay", "delay", v(1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3))
                .node("l2", "LIF", "tau", v(3e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.15), "v_reset", v(0))
                .node("s3", "Scale", "scale", v(3, 3, 3, 3, 3, 3))
                .node("fc3", "Linear", "weight", matrix(2, 6, java.util.Arrays.stream(random(rnd, 12, 1.0)).map(Math::abs).toArray()))
                .node("l3", "CubaLIF", "tau_syn", v(4e-3), "tau_mem", v(6e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.1), "w_in", v(1))
                .output("out", 2)
                .edge("in", "sIn").edge("sIn", "fc1").edge("fc1", "sPost").edge("sPost", "l1").edge("l1", "sOne").edge("sOne", "d")
                .edge("d", "l2").edge("l2", "s3").edge("s3", "fc3").edge("fc3", "l3").edge("l3", "out").build();
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        assertEquals(1, n.stepShift().get("l1"));
        assertEquals(2, n.stepShift().get("l2"));
        List<String> expected = NirNetworkTest.executorSpikes(CompiledGraph.compile(graph, options), input, steps);
        for (String layer : List.of("l1 ", "l2 ", "l3 ")) {
            assertTrue(expected.stream().filter(s -> s.startsWith(layer)).count() > 10, layer + "spikes: " + expected);
        }
        assertTrue(expected.stream().noneMatch(s -> s.startsWith("l2 5 ")), "scale 0 silences l2's neuron 5");
        assertEquals(expected, NirNetworkTest.networkSpikes(n, steps, CompiledGraph.compile(graph, options)));
    }
}
