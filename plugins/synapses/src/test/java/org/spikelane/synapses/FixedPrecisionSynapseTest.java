package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;

/**
 * delta and exp_current under {@code precision: fixed} (their int kernels feed the fixed LIF
 * kernel's jump accumulator), and the CUBA (int exp_current) and COBA (float conductances into
 * the int membrane) networks, against the float32 run of the same network.
 */
class FixedPrecisionSynapseTest {

    private static double[] psp(Precision precision, String synapse, Map<String, ?> params, Object weight) {
        Network net = new Network(1e-4).precision(precision);
        net.addSpikeGenerator("in", 1, new double[] {1e-3}, new int[] {0}, 0);
        net.addLif("lif", 1, Map.of("tau_m", "10 ms", "v_threshold", "0 V"));
        net.connect("in", "lif", synapse, params, weight, null, null);
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(1000);
        return sim.stateRecorders().getFirst().trace("v", 0);
    }

    @Test
    void pspsAgreeWithFloat32ToAMicrovolt() {
        for (Object[] c : new Object[][] {{"delta", Map.of(), "0.5 mV"}, {"exp_current", Map.of("tau_syn", "5 ms"), "0.5 mV"}}) {
            @SuppressWarnings("unchecked")
            Map<String, ?> params = (Map<String, ?>) c[1];
            double[] fixed = psp(Precision.FIXED, (String) c[0], params, c[2]);
            double[] float32 = psp(Precision.FLOAT32, (String) c[0], params, c[2]);
            double worst = 0, peak = 0;
            for (int n = 0; n < fixed.length; n++) {
                worst = Math.max(worst, Math.abs(fixed[n] - float32[n]));
                peak = Math.max(peak, float32[n] + 70e-3);
            }
            System.out.printf("%s PSP: peak %.4f mV, largest |fixed - float32| %.3g V%n", c[0], peak * 1e3, worst);
            assertTrue(peak > 0.1e-3, "precondition: a visible PSP");
            assertTrue(worst < 1e-6, c[0] + ": " + worst + " V");
        }
    }

    @Test
    void cubaMeanRateWithin5PercentOfFloat32() {
        double[] mean = meanRates("CUBA", VogelsAbbott::cuba, 3);
        assertEquals(mean[1], mean[0], 0.05 * mean[1], "mean rate of seeds 1-3");
    }

    @Test
    void cobaUnderFixedRunsWithin10PercentOfFloat32() {
        double[] mean = meanRates("COBA", VogelsAbbott::coba, 2);
        assertEquals(mean[1], mean[0], 0.10 * mean[1], "mean rate of seeds 1-2");
    }

    /** Mean rate over seeds 1..seeds under fixed and under float32: {fixed, float32}. */
    private static double[] meanRates(String name, java.util.function.LongFunction<Network> network, int seeds) {
        double fixedSum = 0, floatSum = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            double fixed = VogelsAbbott.rate(network.apply(seed).precision(Precision.FIXED));
            double float32 = VogelsAbbott.rate(network.apply(seed));
            System.out.printf("%s seed %d: fixed %.3f Hz, float32 %.3f Hz%n", name, seed, fixed, float32);
            assertTrue(float32 > 1, "precondition: an active network");
            fixedSum += fixed;
            floatSum += float32;
        }
        return new double[] {fixedSum / seeds, floatSum / seeds};
    }

    @Test
    void loihiExpCurrentProjectionGivesLavasTraceWithTheDiscoveredPlugin() {
        Network net = new Network(1e-3).precision(Precision.LOIHI);
        net.addSpikeGenerator("in", 1, new double[] {0}, new int[] {0}, 0);
        net.addLif("lava", 1, Map.of("du", 0, "dv", 2048, "vth", 1 << 17));
        net.connect("in", "lava", "exp_current", null, 128, null, null);
        net.recordState("lava", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(10);
        double[] v = sim.stateRecorders().getFirst().trace("v", 0);
        // sampled at the start of each step; the spike of step 0 reaches u in step 1 (Dense delay)
        double[] expected = {0, 0, 8192, 12286, 14331, 15351, 15859, 16111, 16235, 16295};
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, v);
    }
}
