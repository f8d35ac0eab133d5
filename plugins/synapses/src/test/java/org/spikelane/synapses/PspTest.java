package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Postsynaptic potentials against their closed forms. A spike at step s (delay 0) is delivered
 * in step s, so the synaptic state is first non-zero in the sample of step s + 1 and the PSP is
 * the closed form of {@code t = (k - s - 1) dt} at sample k.
 */
class PspTest {
    private static final double DT = Psp.DT;
    private static final int S = 10;
    private static final double TAU_M = 10e-3;
    private static final double C = 250e-12;

    @Test
    void exponentialCurrentPeakTimeAndAmplitudeAreNests() {
        double w = 100e-12;
        double tauS = 2e-3;
        Psp psp = new Psp(Psp.quietLif(), S * DT).synapse("exp_current", Map.of("tau_syn", "2 ms"), "100 pA", "I_syn").run(300);
        double[] v = psp.trace("v");
        double[] current = psp.trace("I_syn");
        assertEquals(0, current[S], "nothing before the arrival");
        assertEquals(w, current[S + 1], w * 1e-6, "I_syn jumps by w");
        int peak = 0;
        for (int k = 0; k < v.length; k++) if (v[k] > v[peak]) peak = k;
        double peakTime = (peak - S - 1) * DT;
        assertEquals(4.0236e-3, peakTime, DT, "peak time tau_s tau_m / (tau_m - tau_s) ln(tau_m / tau_s)");
        assertEquals(0.534992e-3, v[peak], 0.534992e-3 * 1e-4, "peak amplitude");
        double a = tauS * TAU_M / (TAU_M - tauS) * w / C;
        for (int k = S + 1; k < v.length; k++) {
            double t = (k - S - 1) * DT;
            assertEquals(a * (Math.exp(-t / TAU_M) - Math.exp(-t / tauS)), v[k], 0.534992e-3 * 1e-5, "v at " + t);
            assertEquals(w * Math.exp(-t / tauS), current[k], w * Math.exp(-t / tauS) * 1e-6, "I_syn at " + t);
        }
    }

    @Test
    void exponentialCurrentWithTauSynEqualToTauMIsTheSingularClosedForm() {
        double w = 100e-12;
        double[] v = new Psp(Psp.quietLif(), S * DT).synapse("exp_current", Map.of("tau_syn", "10 ms"), "100 pA").run(400).trace("v");
        for (int k = S + 1; k < v.length; k++) {
            double t = (k - S - 1) * DT;
            assertEquals(w / C * t * Math.exp(-t / TAU_M), v[k], 1e-8, "v at " + t);
        }
        // peak at t = tau_m, amplitude w tau_m / (C e)
        assertEquals(w * TAU_M / (C * Math.E), v[S + 1 + 100], 1e-9);
    }

    /** Propagators are per target neuron: neurons with different tau_m and C each follow their own closed form. */
    @Test
    void heterogeneousTargetsEachFollowTheirOwnClosedForm() {
        org.spikelane.Network net = new org.spikelane.Network(DT);
        net.addSpikeGenerator("src", 1, new double[] {S * DT}, new int[] {0}, 0);
        net.addLif("lif", 3, Map.of("E_L", "0 mV", "v_init", "0 mV", "v_reset", "0 mV", "v_threshold", "1 V",
                "tau_m", java.util.List.of("5 ms", "10 ms", "20 ms"), "C", java.util.List.of("100 pF", "250 pF", "400 pF")));
        net.connect("src", "lif", "exp_current", Map.of("tau_syn", "2 ms"), "100 pA", null, null);
        net.recordState("lif", java.util.List.of("v"), null, 1);
        org.spikelane.Simulation sim = net.build();
        sim.runSteps(200);
        double[] tauM = {5e-3, 10e-3, 20e-3};
        double[] c = {100e-12, 250e-12, 400e-12};
        for (int i = 0; i < 3; i++) {
            double[] v = sim.stateRecorders().get(0).trace("v", i);
            double a = 2e-3 * tauM[i] / (tauM[i] - 2e-3) * 100e-12 / c[i];
            for (int k = S + 1; k < v.length; k++) {
                double t = (k - S - 1) * DT;
                assertEquals(a * (Math.exp(-t / tauM[i]) - Math.exp(-t / 2e-3)), v[k], 1e-8, "neuron " + i + " at " + t);
            }
        }
    }

    @Test
    void alphaCurrentPeaksAtTauSynWithTheWeightAndItsPspIsTheClosedForm() {
        double w = 200e-12;
        double tauS = 1.5e-3;
        Psp psp = new Psp(Psp.quietLif(), S * DT).synapse("alpha_current", Map.of("tau_syn", "1.5 ms"), "200 pA", "I_syn").run(400);
        double[] v = psp.trace("v");
        double[] current = psp.trace("I_syn");
        double a = 1 / tauS - 1 / TAU_M;
        double vMax = 0;
        for (int k = S + 1; k < v.length; k++) {
            double t = (k - S - 1) * DT;
            double alpha = w * t / tauS * Math.exp(1 - t / tauS);
            assertEquals(alpha, current[k], w * 1e-6, "I_syn at " + t);
            double closed = w * Math.E / (tauS * C) * Math.exp(-t / TAU_M) * (1 - Math.exp(-a * t) * (1 + a * t)) / (a * a);
            assertEquals(closed, v[k], 1e-8, "v at " + t);
            vMax = Math.max(vMax, v[k]);
        }
        assertEquals(w, current[S + 1 + 15], w * 1e-6, "peak w at t = tau_syn");
        assertTrue(vMax > 0.5e-3, "a PSP of about a millivolt: " + vMax);
    }

    @Test
    void deltaPspIsWTimesTheMembraneDecay() {
        double w = 1e-3;
        double[] v = new Psp(Psp.quietLif(), S * DT).synapse("delta", null, "1 mV").run(200).trace("v");
        assertEquals(0, v[S + 1], "the update of step s + 1 is the first to see it");
        for (int k = S + 2; k < v.length; k++) {
            double t = (k - S - 2) * DT;
            assertEquals(w * Math.exp(-t / TAU_M), v[k], w * 1e-6, "v at " + t);
        }
    }

    @Test
    void deltaInputIsLostWhileRefractory() {
        Map<String, Object> lif = new HashMap<>(Psp.quietLif());
        lif.put("v_threshold", "0.5 mV");
        lif.put("refractory", "2 ms");
        // first spike makes it fire (1 mV > 0.5 mV); the second arrives during the refractory period
        double[] v = new Psp(lif, S * DT, (S + 5) * DT).synapse("delta", null, "1 mV").run(60).trace("v");
        for (int k = S + 2; k < S + 2 + 20; k++) assertEquals(0, v[k], 0, "held at v_reset, input dropped, sample " + k);
        assertEquals(0, v[S + 25], 0);
    }

    /** g(s) = gbar (1 - e^{-s/tau_r}) (a e^{-s/tau_f} + (1 - a) e^{-s/tau_s}) for s >= 0. */
    private static double product(double s, double gbar, double rise, double fast, double slow, double a) {
        if (s < 0) return 0;
        return gbar * (1 - Math.exp(-s / rise)) * (a * Math.exp(-s / fast) + (1 - a) * Math.exp(-s / slow));
    }

    private static void checkBiexp(double a, double... spikeTimes) {
        double gbar = 40e-9;
        Map<String, Object> params = Map.of("tau_rise", "1 ms", "tau_fast", "6 ms", "tau_slow", "100 ms", "a", a, "E_rev", "-75 mV");
        Map<String, Object> lif = Map.of("E_L", "-65 mV", "v_init", "-65 mV", "v_threshold", "0 mV", "tau_m", "10 ms", "C", "250 pF");
        Psp psp = new Psp(lif, spikeTimes).synapse("biexp_conductance", params, "40 nS", "g", "I_syn").run(3000);
        double[] g = psp.trace("g");
        double[] v = psp.trace("v");
        double[] current = psp.trace("I_syn");
        for (int k = 0; k < g.length; k++) {
            double expected = 0;
            for (double t0 : spikeTimes) expected += product((k - Math.round(t0 / DT) - 1) * DT, gbar, 1e-3, 6e-3, 100e-3, a);
            assertEquals(expected, g[k], Math.max(expected * 1e-6, gbar * 1e-12), "g at sample " + k + " (a = " + a + ")");
            assertEquals(g[k] * (-75e-3 - v[k]), current[k], Math.abs(current[k]) * 1e-6 + 1e-18, "I_syn = g (E_rev - v)");
        }
    }

    @Test
    void biexpConductanceIsTheProductFormulaAtEveryStep() {
        checkBiexp(1, S * DT);
        checkBiexp(0.3, S * DT);
    }

    @Test
    void biexpConductancesOfOverlappingSpikesSuperposeExactly() {
        checkBiexp(1, S * DT, (S + 25) * DT);
        checkBiexp(0.3, S * DT, (S + 25) * DT);
    }

    @Test
    void gabaAHyperpolarisesTowardsItsReversalPotential() {
        Map<String, Object> lif = Map.of("E_L", "-65 mV", "v_init", "-65 mV", "v_threshold", "0 mV", "tau_m", "10 ms", "C", "250 pF");
        double[] v = new Psp(lif, S * DT).synapse("biexp_conductance", Map.of(), "40 nS").run(600).trace("v");
        double min = 0;
        for (double x : v) min = Math.min(min, x);
        assertTrue(min < -66e-3 && min > -75e-3, "IPSP minimum between rest and E_rev: " + min);
        assertEquals(-65e-3, v[v.length - 1], 0.2e-3, "back near rest after 60 ms");
    }

    @Test
    void exponentialConductanceDecaysAndDrivesTowardsErev() {
        Map<String, Object> lif = Map.of("E_L", "-60 mV", "v_init", "-60 mV", "v_threshold", "0 mV", "tau_m", "20 ms", "C", "200 pF");
        Psp psp = new Psp(lif, S * DT).synapse("exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", "0 mV"), "6 nS", "g").run(300);
        double[] g = psp.trace("g");
        double[] v = psp.trace("v");
        for (int k = S + 1; k < g.length; k++) {
            double t = (k - S - 1) * DT;
            assertEquals(6e-9 * Math.exp(-t / 5e-3), g[k], 6e-9 * Math.exp(-t / 5e-3) * 1e-6, "g at " + t);
        }
        // one step of exponential Euler from rest with g held: the first change of v
        double gL = 200e-12 / 20e-3;
        double vInf = (gL * -60e-3 + 6e-9 * 0) / (gL + 6e-9);
        double expected = vInf + (-60e-3 - vInf) * Math.exp(-DT * (gL + 6e-9) / 200e-12);
        assertEquals(expected, v[S + 2], 2e-8);
    }
}
