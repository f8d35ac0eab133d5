package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.random;
import static org.spikelane.nir.Graphs.randomSpikes;
import static org.spikelane.nir.Graphs.v;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.net.NirNetwork;
import org.spikelane.nir.net.NirNetworks;
import org.spikelane.record.SpikeRecorder;

/**
 * CubaLIF graphs read into the engine's Network (docs/nir.md, "A graph as an engine Network"):
 * the engine's exp_current (and delta under exact) with the decays and weights of
 * {@code CubaLifCurrent} against the executor's CubaLIF kernel, spike for spike, and v.
 */
class NirNetworkCubaLifTest {
    /** Largest |v_network - v_executor| allowed: float32 rounding of two algebraically equal recurrences, v of order 1. */
    private static final double V_TOLERANCE = 1e-5;

    /**
     * The paper/03_rnn braille graph (bias on both Affines and the recurrent one, a recurrent
     * Affine, w_in 2.22 and 2) on the 16 committed random input samples: every spike of both
     * layers at the executor's step plus the layer's shift (0 under euler, 1 and 2 under exact),
     * and the output layer's v within {@link #V_TOLERANCE} at every step.
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void brailleAgreesWithTheExecutorSpikeForSpike(Integration integration) {
        NirGraph graph = NirReader.read(TestData.path("braille_noDelay_bias_zero.nir"));
        NpyArray inputs = Npy.read(TestData.path("braille/inputs.npy"));
        int samples = inputs.shape()[0], steps = inputs.shape()[1], row = inputs.shape()[2];
        RunOptions options = new RunOptions(1e-4, integration, ResetMode.VALUE);
        CompiledGraph g = CompiledGraph.compile(graph, options);
        int lag = integration == Integration.EXACT ? 1 : 0;
        int spikes = 0;
        double worst = 0;
        for (int b = 0; b < samples; b++) {
            float[] input = Arrays.copyOfRange(inputs.data(), b * steps * row, (b + 1) * steps * row);
            NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
            assertEquals(lag, n.stepShift().get("lif1.lif"));
            assertEquals(2 * lag, n.stepShift().get("lif2"));
            SampleResult r = SampleRunner.run(g, input, 0, steps, List.of(Probe.parse(g, "lif2:v")));
            List<String> expected = executorSpikes(g, r);
            n.network().recordState("lif2", List.of("v"), null, 1);
            try (Simulation sim = n.network().build()) {
                sim.runSteps(steps + 3);
                assertEquals(expected, networkSpikes(n, sim.spikes(), steps), integration + " sample " + b);
                int shift = n.stepShift().get("lif2");
                for (int i = 0; i < 7; i++) {
                    double[] trace = sim.stateRecorders().get(0).trace("v", i);
                    for (int t = 0; t < steps; t++) {
                        double d = Math.abs(trace[t + shift + 1] - r.traces()[0][t * 7 + i]);
                        worst = Math.max(worst, d);
                        assertTrue(d <= V_TOLERANCE, integration + " sample " + b + " lif2 neuron " + i + " step " + t + ": " + trace[t + shift + 1]
                                + " against " + r.traces()[0][t * 7 + i]);
                    }
                }
            }
            spikes += expected.size();
        }
        assertTrue(spikes > 2000, "both layers spike: " + spikes);
        System.out.printf("braille %s: %d spikes on %d samples, largest |dv| of lif2 %.3g%n", integration, spikes, samples, worst);
    }

    /**
     * Two CubaLIF layers with per-neuron tau_syn (two exp_current projections into one
     * population), v_leak != 0, w_in != 1, a 2-step Delay on the input and a recurrent Linear
     * node, on 300 steps of random spikes: every spike the executor's.
     */
    @ParameterizedTest
    @EnumSource(Integration.class)
    void aCubaLifGraphWithMixedTimeConstantsSpikesAsTheExecutor(Integration integration) {
        Random rnd = new Random(5);
        NirGraph graph = new Graphs().input("in", 4).node("d", "Delay", "delay", v(2e-3, 0, 0, 2e-3))
                .node("fc1", "Affine", "weight", matrix(5, 4, random(rnd, 20, 4.0)), "bias", random(rnd, 5, 0.5))
                .node("c1", "CubaLIF", "tau_mem", v(5e-3, 5e-3, 8e-3, 8e-3, 1e-2), "tau_syn", v(2e-3, 2e-3, 4e-3, 4e-3, 2e-3), "r", v(1, 1, 1, 2, 2),
                        "v_leak", v(0, 0.05, 0, 0, 0.02), "v_threshold", v(0.2), "w_in", v(1.5, 1.5, 0.5, 1, 1), "v_reset", v(0))
                .node("rec", "Linear", "weight", matrix(5, 5, random(rnd, 25, 1.5)))
                .node("fc2", "Affine", "weight", matrix(3, 5, Arrays.stream(random(rnd, 15, 3.0)).map(Math::abs).toArray()), "bias", v(0.1, 0, -0.1))
                .node("c2", "CubaLIF", "tau_mem", v(4e-3), "tau_syn", v(3e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.1), "w_in", v(2), "v_reset", v(0))
                .output("out", 3)
                .edge("in", "d").edge("d", "fc1").edge("fc1", "c1").edge("c1", "rec").edge("rec", "c1").edge("c1", "fc2").edge("fc2", "c2")
                .edge("c2", "out").build();
        RunOptions options = new RunOptions(1e-3, integration, ResetMode.VALUE);
        int steps = 300;
        float[] input = randomSpikes(rnd, steps * 4, 0.3);
        NirNetwork n = NirNetworks.toNetwork(graph, options, input, steps);
        CompiledGraph g = CompiledGraph.compile(graph, options);
        List<String> expected = executorSpikes(g, SampleRunner.run(g, input, 0, steps, List.of()));
        assertTrue(expected.stream().filter(s -> s.startsWith("c2 ")).count() > 20, "the output layer spikes: " + expected);
        assertTrue(expected.stream().filter(s -> s.startsWith("c1 ")).count() > 20, "the hidden layer spikes: " + expected);
        try (Simulation sim = n.network().build()) {
            sim.runSteps(steps + 3);
            assertEquals(expected, networkSpikes(n, sim.spikes(), steps));
        }
    }

    private static List<String> executorSpikes(CompiledGraph g, SampleResult r) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < r.spikeCount(); k++) out.add(g.name(r.spikeNode()[k]) + " " + r.spikeNeuron()[k] + " " + r.spikeStep()[k]);
        out.sort(null);
        return out;
    }

    private static List<String> networkSpikes(NirNetwork n, SpikeRecorder rec, int steps) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < rec.count(); k++) {
            String pop = rec.populationName(k);
            if (pop.equals("in") || pop.equals("input")) continue;
            long step = rec.step(k) - n.stepShift().get(pop);
            if (step < steps) out.add(pop + " " + rec.neuron(k) + " " + step);
        }
        out.sort(null);
        return out;
    }
}
