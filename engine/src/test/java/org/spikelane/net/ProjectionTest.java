package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;
import org.spikelane.spi.ParameterException;
import org.spikelane.units.Dimension;

class ProjectionTest {
    private static final double DT = 1e-4;
    private static final Map<String, Object> QUIET = Map.of("E_L", "-70 mV", "v_init", "-70 mV", "tau_m", "10 ms",
            "v_threshold", "0 mV");

    private static Network network() {
        return new Network(DT).plugins(TestSynapses.registry());
    }

    /**
     * docs/semantics.md §8: a spike at step s through delay d steps is first seen by the update of step
     * s + d + 1, so v (sampled at the start of each step) first shows it at sample s + d + 2.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15})
    void aSpikeAtStepSWithDelayDIsFirstSeenByTheUpdateOfStepSPlusDPlusOne(int d) {
        int s = 20;
        Network net = network();
        net.addSpikeGenerator("src", 1, new double[] {s * DT}, new int[] {0}, 0);
        net.addLif("lif", 1, QUIET);
        net.connect("src", "lif", "jump", null, "2 mV", (d * 0.1) + " ms", Map.of("rule", "all_to_all"));
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(s + d + 10);
        double[] v = sim.stateRecorders().get(0).trace("v", 0);
        assertEquals(-70e-3, v[s + d + 1], 1e-9, "v changed before the update of step s + d + 1");
        assertEquals(-68e-3, v[s + d + 2], 1e-7, "update of step s + d + 1 adds w");
        // after the jump, the delta PSP decays as w e^{-t/tau_m}
        assertEquals(-70e-3 + 2e-3 * Math.exp(-5 * DT / 10e-3), v[s + d + 7], 1e-7);
    }

    @Test
    void heterogeneousDelaysArriveEachAtItsOwnStep() {
        Network net = network();
        net.addSpikeGenerator("src", 2, new double[] {10 * DT, 12 * DT}, new int[] {0, 1}, 0);
        net.addLif("lif", 3, QUIET);
        // pairs in generation order; delays 0.3, 0, 1 and 0.3 ms
        net.connect("src", "lif", "log", null, List.of("1 nS", "2 nS", "3 nS", "4 nS"), List.of("0.3 ms", "0 ms", "1 ms", "0.3 ms"),
                Map.of("rule", "pairs", "pairs", List.of(List.of(0, 2), List.of(0, 1), List.of(1, 0), List.of(0, 0))));
        TestSynapses.LOGS.clear();
        Simulation sim = net.build();
        SynapseTable table = sim.projections().get(0).table();
        assertEquals(3, table.groups());
        assertEquals(10, table.maxDelay());
        sim.runSteps(30);
        List<TestSynapses.Row> rows = TestSynapses.LOGS.get(0).rows;
        // kernel step = step of the last update before delivery = delivery step
        assertEquals(3, rows.size());
        assertEquals(10, rows.get(0).step());
        assertArrayEquals(new int[] {1}, rows.get(0).targets());
        assertArrayEquals(new float[] {2e-9f}, rows.get(0).weights());
        assertEquals(13, rows.get(1).step());
        assertArrayEquals(new int[] {0, 2}, rows.get(1).targets(), "one row per (neuron, delay), sorted by target");
        assertArrayEquals(new float[] {4e-9f, 1e-9f}, rows.get(1).weights());
        assertEquals(22, rows.get(2).step());
        assertArrayEquals(new int[] {0}, rows.get(2).targets());
    }

    @Test
    void deliveryWalksOnlyTheRowsOfNeuronsThatSpiked() {
        Network net = network();
        net.addSpikeGenerator("src", 100, new double[] {5 * DT, 5 * DT, 9 * DT}, new int[] {7, 42, 7}, 0);
        net.addLif("lif", 50, QUIET);
        net.connect("src", "lif", "log", null, "1 mV", "0.2 ms", Map.of("rule", "probability", "p", 0.3));
        TestSynapses.LOGS.clear();
        Simulation sim = net.build();
        SynapseTable t = sim.projections().get(0).table();
        sim.runSteps(20);
        List<TestSynapses.Row> rows = TestSynapses.LOGS.get(0).rows;
        assertEquals(Dimension.VOLTAGE, TestSynapses.LOGS.get(0).weightDimension);
        assertEquals(3, rows.size());
        int[] expected7 = java.util.Arrays.copyOfRange(t.targets(), t.rowStart(0, 7), t.rowEnd(0, 7));
        int[] expected42 = java.util.Arrays.copyOfRange(t.targets(), t.rowStart(0, 42), t.rowEnd(0, 42));
        assertArrayEquals(expected7, rows.get(0).targets());
        assertArrayEquals(expected42, rows.get(1).targets());
        assertArrayEquals(expected7, rows.get(2).targets());
        assertEquals(List.of(7L, 7L, 11L), rows.stream().map(TestSynapses.Row::step).toList());
        for (int k = 1; k < expected7.length; k++) assertTrue(expected7[k] > expected7[k - 1], "row keeps ascending targets");
    }

    @Test
    void weightAndDelayDistributionsAreDrawnFromTheSeedReproducibly() {
        Network net = network().seed(5);
        net.addLif("lif", 200, QUIET);
        net.connect("lif", "lif", "log", null, Map.of("uniform", Map.of("low", "1 nS", "high", "3 nS")),
                Map.of("uniform", Map.of("low", "0 ms", "high", "2 ms")), Map.of("rule", "in_degree", "k", 20));
        SynapseTable a = net.build().projections().get(0).table();
        SynapseTable b = net.build().projections().get(0).table();
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.targets(), b.targets());
        assertEquals(21, a.groups(), "delays 0..20 steps");
        double mean = 0;
        for (float w : a.weights()) {
            assertTrue(w >= 1e-9f && w <= 3e-9f);
            mean += w / a.count();
        }
        assertEquals(2e-9, mean, 4 * (2e-9 / Math.sqrt(12)) / Math.sqrt(a.count()));
        SynapseTable other = network().seed(6).addLif("lif", 200, QUIET)
                .connect("lif", "lif", "log", null, "1 nS", "0 ms", Map.of("rule", "in_degree", "k", 20))
                .build().projections().get(0).table();
        assertTrue(!java.util.Arrays.equals(a.targets(), other.targets()));
    }

    @Test
    void aSliceOfTheTargetsDrawsTheSameSynapsesWeightsAndDelaysAsTheWholeBuild() {
        ProjectionSpec spec = new ProjectionSpec("a", 300, "b", 200, new TestSynapses.Log(), null,
                Map.of("uniform", Map.of("low", "1 nS", "high", "3 nS")),
                Map.of("uniform", Map.of("low", "0 ms", "high", "2 ms")), Map.of("rule", "probability", "p", 0.05));
        org.spikelane.random.RandomStream stream = org.spikelane.random.RandomStream.root(9).substream("projection").substream(0);
        ProjectionSpec.Synapses whole = spec.draw(stream, DT, 0, Integer.MAX_VALUE);
        int[] cuts = {0, 64, 65, 130, 200};
        int seen = 0;
        for (int c = cuts.length - 2; c >= 0; c--) {
            ProjectionSpec.Synapses part = spec.draw(stream, DT, cuts[c], cuts[c + 1]);
            List<Integer> expected = new java.util.ArrayList<>();
            for (int s = 0; s < whole.connections().count(); s++) {
                int j = whole.connections().post()[s];
                if (j >= cuts[c] && j < cuts[c + 1]) expected.add(s);
            }
            assertEquals(expected.size(), part.connections().count());
            for (int r = 0; r < expected.size(); r++) {
                int s = expected.get(r);
                assertEquals(whole.connections().pre()[s], part.connections().pre()[r]);
                assertEquals(whole.connections().post()[s], part.connections().post()[r]);
                assertEquals(whole.weights()[s], part.weights()[r], 0.0, "weight of synapse " + s);
                assertEquals(whole.delaySteps()[s], part.delaySteps()[r], "delay of synapse " + s);
            }
            seen += expected.size();
        }
        assertEquals(whole.connections().count(), seen);
        assertTrue(java.util.Arrays.stream(whole.delaySteps()).distinct().count() > 10, "delays are drawn, not one value");
    }

    private static String error(Runnable r) {
        return assertThrows(ParameterException.class, r::run).getMessage();
    }

    @Test
    void badProjectionsAreOneLineErrors() {
        Network net = network();
        net.addSpikeGenerator("src", 2, new double[] {0}, new int[] {0}, 0);
        net.addLif("lif", 3, QUIET);
        Map<String, Object> all = Map.of("rule", "all_to_all");
        assertEquals("projection 'lif -> src' parameter 'to': population 'src' is a spike generator; projections target LIF populations",
                error(() -> net.connect("lif", "src", "jump", null, "1 mV", null, all)));
        assertTrue(error(() -> net.connect("sr", "lif", "jump", null, "1 mV", null, all))
                .startsWith("projection 'sr -> lif' parameter 'from': unknown population 'sr' (did you mean 'src'?)"));
        assertTrue(error(() -> net.connect("src", "lif", "jmp", null, "1 mV", null, all))
                .startsWith("projection 'src -> lif' parameter 'synapse': unknown synapse plugin 'jmp' (did you mean 'jump'?)"));
        assertEquals("projection 'src -> lif' parameter 'delay': must be >= 0 s, got -1 ms",
                error(() -> net.connect("src", "lif", "jump", null, "1 mV", "-1 ms", all)));
        assertEquals("projection 'src -> lif' parameter 'weight': expected a voltage such as '-70 mV', got 1 nA",
                error(() -> net.connect("src", "lif", "jump", null, "1 nA", null, all)));
        assertEquals("projection 'src -> lif' parameter 'weight': must be >= 0 S for synapse 'log', got -1 nS",
                error(() -> net.connect("src", "lif", "log", null, "-1 nS", null, all)));
        assertTrue(error(() -> net.connect("src", "lif", "log", null, List.of("1 nS"), null, all))
                .contains("'weight': list has 1 values but 6 are needed"));
        assertTrue(error(() -> net.connect("src", "lif", "jump", Map.of("tau", "1 ms"), "1 mV", null, all))
                .startsWith("projection 'src -> lif' synapse 'jump' parameter 'tau': unknown parameter"));
        assertTrue(error(() -> net.connect("src", "lif", "jump", null, null, null, all)).contains("'weight': is required"));
        // a negative delay drawn from a distribution is caught when drawn
        net.connect("src", "lif", "jump", null, "1 mV", Map.of("normal", Map.of("mean", "0.1 ms", "sd", "1 ms")), all);
        assertTrue(error(net::build).startsWith("projection 'src -> lif' parameter 'delay': must be >= 0 s, got -"));
    }

    @Test
    void synapticVariablesAreRecordableSummedAndQualified() {
        Network net = network();
        net.addSpikeGenerator("src", 1, new double[] {0}, new int[] {0}, 0);
        net.addLif("lif", 2, QUIET);
        Map<String, Object> all = Map.of("rule", "all_to_all");
        net.connect("src", "lif", "jump", null, "1 mV", null, all);
        net.connect("src", "lif", "jump", null, "1 mV", null, all);
        net.connect("lif", "lif", "jump", null, "1 mV", null, all);
        net.recordState("lif", List.of("v", "x", "y", "x@src", "x@src#2", "y@lif"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(2);
        StateRecorder r = sim.stateRecorders().get(0);
        assertEquals(3.0, r.trace("x", 1)[0], "plain name sums the three projections");
        assertEquals(6.0, r.trace("y", 1)[0]);
        assertEquals(1.0, r.trace("x@src#2", 0)[1]);
        assertEquals(2.0, r.trace("y@lif", 0)[1]);
        String message = assertThrows(ParameterException.class, () -> network().addLif("lif", 1, QUIET)
                .recordState("lif", List.of("g"), null, 1).build()).getMessage();
        assertTrue(message.contains("has no variable 'g'; recordable: v, I"), message);
        assertEquals(List.of("v", "I", "x@src", "y@src", "x@src#2", "y@src#2", "x@lif", "y@lif", "x", "y"),
                sim.stateRegistry().recordableNames("population 'lif'"));
    }
}
