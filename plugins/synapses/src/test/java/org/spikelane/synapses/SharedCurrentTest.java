package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.spi.ParameterException;

/**
 * Projections into one population through {@code exp_current} with the same {@code tau_syn} and
 * weight unit decay one state between them (NEST's {@code iaf_psc_exp} keeps one current per
 * receptor, not one per projection): the shared current is the sum of both closed forms, the PSP
 * is the sum of both PSPs, and asking for one projection's own current is a one-line error.
 */
class SharedCurrentTest {
    private static final double DT = Psp.DT;
    private static final double TAU_M = 10e-3, C = 250e-12, TAU_S = 2e-3;

    /** Two sources spiking at steps 10 and 25, both into one quiet neuron; the second projection's {@code tau_syn} given. */
    private static Network twoSources(String secondTau) {
        Network net = new Network(DT);
        net.addSpikeGenerator("a", 1, new double[] {10 * DT}, new int[] {0}, 0);
        net.addSpikeGenerator("b", 1, new double[] {25 * DT}, new int[] {0}, 0);
        net.addLif("lif", 1, Psp.quietLif());
        Map<String, String> all = Map.of("rule", "all_to_all");
        net.connect("a", "lif", "exp_current", Map.of("tau_syn", "2 ms"), "100 pA", "0 ms", all);
        net.connect("b", "lif", "exp_current", Map.of("tau_syn", secondTau), "-60 pA", "0 ms", all);
        return net;
    }

    /** {@code w} jumping at the sample after step {@code s}, decaying with {@code tau}: the closed form at sample k. */
    private static double current(double w, int s, int k, double tau) {
        return k <= s ? 0 : w * Math.exp(-(k - s - 1) * DT / tau);
    }

    private static double psp(double w, int s, int k) {
        if (k <= s) return 0;
        double t = (k - s - 1) * DT;
        return TAU_S * TAU_M / (TAU_M - TAU_S) * w / C * (Math.exp(-t / TAU_M) - Math.exp(-t / TAU_S));
    }

    @Test
    void equalSynapsesShareOneStateWhoseCurrentAndPspAreTheSumOfBoth() {
        Network net = twoSources("2 ms");
        net.recordState("lif", List.of("v", "I_syn"), null, 1);
        Simulation sim = net.build();
        assertEquals(1, sim.lif("lif").state().fused.count(), "one state for both projections");
        sim.runSteps(300);
        double[] v = sim.stateRecorders().get(0).trace("v", 0);
        double[] current = sim.stateRecorders().get(0).trace("I_syn", 0);
        for (int k = 0; k < v.length; k++) {
            double expected = current(100e-12, 10, k, TAU_S) + current(-60e-12, 25, k, TAU_S);
            // float state: one rounding per step of a float (6e-8 relative), tolerance 1e-6 of the larger weight
            assertEquals(expected, current[k], 100e-12 * 1e-6, "I_syn, counted once, at sample " + k);
            assertEquals(psp(100e-12, 10, k) + psp(-60e-12, 25, k), v[k], 0.534992e-3 * 1e-5, "v at sample " + k);
        }
    }

    @Test
    void differentTauSynKeepsTwoStatesAndEachIsRecordableAlone() {
        Network net = twoSources("3 ms");
        net.recordState("lif", List.of("I_syn@a", "I_syn@b", "I_syn"), null, 1);
        Simulation sim = net.build();
        assertEquals(2, sim.lif("lif").state().fused.count());
        sim.runSteps(100);
        var r = sim.stateRecorders().get(0);
        for (int k = 0; k < 100; k++) {
            assertEquals(current(100e-12, 10, k, TAU_S), r.trace("I_syn@a", 0)[k], 1e-16, "I_syn@a at " + k);
            assertEquals(current(-60e-12, 25, k, 3e-3), r.trace("I_syn@b", 0)[k], 1e-16, "I_syn@b at " + k);
            assertEquals(r.trace("I_syn@a", 0)[k] + r.trace("I_syn@b", 0)[k], r.trace("I_syn", 0)[k], 1e-17, "the sum (samples are kept as float) at " + k);
        }
    }

    @Test
    void oneProjectionsOwnCurrentOfASharedStateIsAOneLineError() {
        Network net = twoSources("2 ms");
        net.recordState("lif", List.of("I_syn@b"), null, 1);
        ParameterException e = assertThrows(ParameterException.class, net::build);
        assertTrue(e.getMessage().contains("projection 'a -> lif', projection 'b -> lif' share one synaptic state")
                && e.getMessage().contains("'I_syn@b' alone does not exist") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
