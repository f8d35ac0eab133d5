package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Precision;

/**
 * PSPs under {@code precision: fixed} against the float32 run of the same one-neuron network and,
 * where there is one, the closed form: the peak of {@code |v - E_L|} within 1e-3 relative for the
 * int current kernels, 1 % for the conductances (float state folded into the int membrane).
 * The neuron rests at -70 mV (-65 mV for the seed's GABA_A case), so LSB_v is 2^-28 V, the
 * resolution a network at those potentials gets.
 */
class FixedPspTest {
    private static final int STEPS = 800;
    private static final Map<String, Object> NEURON = Map.of("E_L", "-70 mV", "v_init", "-70 mV", "v_reset", "-70 mV",
            "v_threshold", "0 V", "tau_m", "10 ms", "C", "250 pF");
    /** examples/seed-gabaa.yaml's neuron. */
    private static final Map<String, Object> SEED = Map.of("E_L", "-65 mV", "v_init", "-65 mV", "v_reset", "-65 mV",
            "v_threshold", "-50 mV", "tau_m", "10 ms", "C", "100 pF");

    private static Psp run(Precision precision, Map<String, Object> lif, String synapse, Map<String, ?> params, String weight,
            String... recorded) {
        return new Psp(lif, 1e-3).precision(precision).synapse(synapse, params, weight, recorded).run(STEPS);
    }

    /** Largest |v - v(0)|. */
    private static double peak(Psp psp) {
        double[] v = psp.trace("v");
        double best = 0;
        for (double x : v) best = Math.max(best, Math.abs(x - v[0]));
        return best;
    }

    private static double compare(Map<String, Object> lif, String synapse, Map<String, ?> params, String weight, double tolerance) {
        double fixed = peak(run(Precision.FIXED, lif, synapse, params, weight));
        double float32 = peak(run(Precision.FLOAT32, lif, synapse, params, weight));
        System.out.printf("%s %s %s: PSP peak fixed %.6f mV, float32 %.6f mV, relative difference %.2e%n",
                synapse, params, weight, fixed * 1e3, float32 * 1e3, Math.abs(fixed / float32 - 1));
        assertTrue(float32 > 0.1e-3, "precondition: a visible PSP");
        assertEquals(float32, fixed, tolerance * float32, synapse + " " + params + " " + weight);
        return fixed;
    }

    @Test
    void deltaPeakIsTheWeight() {
        assertEquals(0.5e-3, compare(NEURON, "delta", Map.of(), "0.5 mV", 1e-3), 0.5e-6);
    }

    @Test
    void expCurrentPeakIsNestsAndFloat32s() {
        // issue 4's oracle: w = 100 pA, C = 250 pF, tau_m 10 ms, tau_s 2 ms peaks at 0.534992 mV
        assertEquals(0.534992e-3, compare(NEURON, "exp_current", Map.of("tau_syn", "2 ms"), "100 pA", 1e-3), 0.534992e-6);
        compare(NEURON, "exp_current", Map.of("tau_syn", "5 ms"), "0.5 mV", 1e-3);
        compare(NEURON, "exp_current", Map.of("tau_syn", "10 ms"), "100 pA", 1e-3); // singular: tau_syn == tau_m
    }

    @Test
    void alphaCurrentPeakMatchesFloat32() {
        compare(NEURON, "alpha_current", Map.of("tau_syn", "2 ms"), "100 pA", 1e-3);
        compare(NEURON, "alpha_current", Map.of("tau_syn", "10 ms"), "-0.5 mV", 1e-3); // singular, inhibitory
    }

    @Test
    void recordedCurrentIsInAmperes() {
        double[] exp = run(Precision.FIXED, NEURON, "exp_current", Map.of("tau_syn", "2 ms"), "100 pA", "I_syn").trace("I_syn");
        assertEquals(100e-12, exp[11], 1e-4 * 100e-12, "I_syn jumps by w in the sample after the spike");
        double[] alpha = run(Precision.FIXED, NEURON, "alpha_current", Map.of("tau_syn", "2 ms"), "100 pA", "I_syn").trace("I_syn");
        double top = 0;
        for (double x : alpha) top = Math.max(top, x);
        assertEquals(100e-12, top, 1e-3 * 100e-12, "alpha current peaks at w");
        assertEquals(100e-12, alpha[11 + 20], 1e-3 * 100e-12, "at t = tau_syn after arrival");
    }

    /** I_syn = g (E_rev - v) reads v from the int state under fixed (the float state's v stays at v_init). */
    @Test
    void recordedConductanceCurrentFollowsTheMembrane() {
        Map<String, ?> gabaa = Map.of("tau_rise", "1 ms", "tau_fast", "6 ms", "tau_slow", "100 ms", "a", 1, "E_rev", "-75 mV");
        double[] fixed = run(Precision.FIXED, SEED, "biexp_conductance", gabaa, "40 nS", "I_syn").trace("I_syn");
        double[] float32 = run(Precision.FLOAT32, SEED, "biexp_conductance", gabaa, "40 nS", "I_syn").trace("I_syn");
        double largest = 0;
        for (double x : float32) largest = Math.max(largest, Math.abs(x));
        assertTrue(largest > 0.1e-9, "precondition: a visible synaptic current, got " + largest);
        for (int k = 0; k < float32.length; k++) {
            assertEquals(float32[k], fixed[k], 1e-3 * largest, "I_syn at sample " + k);
        }
    }

    @Test
    void conductancePeaksWithinOnePercentOfFloat32() {
        compare(SEED, "biexp_conductance", Map.of("tau_rise", "1 ms", "tau_fast", "6 ms", "tau_slow", "100 ms", "a", 1, "E_rev", "-75 mV"),
                "40 nS", 1e-2);
        compare(SEED, "exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", "0 mV"), "1 nS", 1e-2);
        compare(SEED, "exp_conductance", Map.of("tau_syn", "10 ms", "E_rev", "-80 mV"), "10 nS", 1e-2);
    }
}
