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
 * Fused {@code exp_conductance} under float32: projections into one population with the same
 * {@code tau_syn} and {@code E_rev} decay one conductance between them, which is the sum of both
 * closed forms; {@code v} follows exponential Euler with that conductance held over each step
 * (docs/semantics.md §2), computed here in double from the closed form; one projection's own
 * {@code g} of a shared state is a one-line error, while different parameters keep two states.
 */
class SharedConductanceTest {
    private static final double DT = Psp.DT;
    private static final double TAU_M = 20e-3, C = 200e-12, E_L = -60e-3, TAU_S = 5e-3;

    /** Two sources spiking at steps 10 and 25 into one neuron at rest; the second projection's E_rev given. */
    private static Network twoSources(String secondReversal) {
        Network net = new Network(DT);
        net.addSpikeGenerator("a", 1, new double[] {10 * DT}, new int[] {0}, 0);
        net.addSpikeGenerator("b", 1, new double[] {25 * DT}, new int[] {0}, 0);
        net.addLif("lif", 1, Map.of("E_L", "-60 mV", "v_init", "-60 mV", "v_reset", "-60 mV", "v_threshold", "0 mV",
                "tau_m", "20 ms", "C", "200 pF"));
        Map<String, String> all = Map.of("rule", "all_to_all");
        net.connect("a", "lif", "exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", "0 mV"), "6 nS", "0 ms", all);
        net.connect("b", "lif", "exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", secondReversal), "3 nS", "0 ms", all);
        return net;
    }

    /** {@code w} jumping at the sample after step {@code s}, decaying with tau_syn: the closed form at sample k. */
    private static double conductance(double w, int s, int k) {
        return k <= s ? 0 : w * Math.exp(-(k - s - 1) * DT / TAU_S);
    }

    @Test
    void equalSynapsesShareOneConductanceAndVFollowsItsSum() {
        Network net = twoSources("0 mV");
        net.recordState("lif", List.of("v", "g", "I_syn"), null, 1);
        Simulation sim = net.build();
        assertEquals(1, sim.lif("lif").state().conductances.count(), "one state for both projections");
        sim.runSteps(300);
        var r = sim.stateRecorders().get(0);
        double[] v = r.trace("v", 0), g = r.trace("g", 0), current = r.trace("I_syn", 0);
        double gL = C / TAU_M, vRef = E_L;
        double maxDepolarisation = 0;
        for (int k = 0; k < v.length; k++) {
            double gk = conductance(6e-9, 10, k) + conductance(3e-9, 25, k);
            // float state, compensated decay: half an ulp per step, tolerance 1e-6 of the larger weight
            assertEquals(gk, g[k], 6e-9 * 1e-6, "g, counted once, at sample " + k);
            assertEquals(g[k] * (0 - v[k]), current[k], Math.abs(current[k]) * 1e-6 + 1e-18, "I_syn = g (E_rev - v) at " + k);
            // float v against the double recurrence: a few ulp of 60 mV per step at most
            assertEquals(vRef, v[k], 2e-7, "v at sample " + k);
            maxDepolarisation = Math.max(maxDepolarisation, v[k] - E_L);
            double vInf = (gL * E_L + gk * 0) / (gL + gk);
            vRef = vInf + (vRef - vInf) * Math.exp(-DT * (gL + gk) / C);
        }
        assertTrue(maxDepolarisation > 0.5e-3, "a PSP of about a millivolt: " + maxDepolarisation);
    }

    @Test
    void differentReversalPotentialsKeepTwoStatesAndEachIsRecordableAlone() {
        Network net = twoSources("-80 mV");
        net.recordState("lif", List.of("g@a", "g@b", "g"), null, 1);
        Simulation sim = net.build();
        assertEquals(2, sim.lif("lif").state().conductances.count());
        sim.runSteps(100);
        var r = sim.stateRecorders().get(0);
        for (int k = 0; k < 100; k++) {
            assertEquals(conductance(6e-9, 10, k), r.trace("g@a", 0)[k], 6e-9 * 1e-6, "g@a at " + k);
            assertEquals(conductance(3e-9, 25, k), r.trace("g@b", 0)[k], 3e-9 * 1e-6, "g@b at " + k);
            double sum = r.trace("g@a", 0)[k] + r.trace("g@b", 0)[k];
            // samples are kept as float: the sum of two rounded parts against the rounded sum, an ulp or two
            assertEquals(sum, r.trace("g", 0)[k], 2 * Math.ulp((float) sum), "the sum at " + k);
        }
    }

    @Test
    void oneProjectionsOwnConductanceOfASharedStateIsAOneLineError() {
        Network net = twoSources("0 mV");
        net.recordState("lif", List.of("g@b"), null, 1);
        ParameterException e = assertThrows(ParameterException.class, net::build);
        assertTrue(e.getMessage().contains("projection 'a -> lif', projection 'b -> lif' share one synaptic state")
                && e.getMessage().contains("'g@b' alone does not exist") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
