package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One CUBA neuron (tau_m 20 ms, rest -60 mV) and one input spike at 1 ms through ge (5 ms,
 * 1.62 mV) against Brian2 2.5.1's trace (method 'exact', StateMonitor in the start slot; made by
 * src/test/resources/brian2/cuba.py): same delivery step, same exact integration, so the traces
 * must agree sample for sample to float precision.
 */
class Brian2PspTest {
    @Test
    void exponentialCurrentInVoltsMatchesBrian2SampleForSample() throws IOException {
        double[][] brian;
        try (InputStream in = getClass().getResourceAsStream("/brian2/psp_exp.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            brian = new double[lines.length - 1][];
            for (int k = 1; k < lines.length; k++) {
                String[] f = lines[k].split(",");
                brian[k - 1] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
        }
        Map<String, Object> lif = Map.of("E_L", "-60 mV", "v_init", "-60 mV", "v_reset", "-60 mV", "v_threshold", "-50 mV",
                "tau_m", "20 ms", "refractory", "5 ms", "R", "10 Mohm");
        Psp psp = new Psp(lif, 1e-3).synapse("exp_current", Map.of("tau_syn", "5 ms"), "1.62 mV", "I_syn").run(brian.length);
        double[] v = psp.trace("v");
        double[] current = psp.trace("I_syn");
        double peak = 0;
        for (int k = 0; k < brian.length; k++) {
            assertEquals(brian[k][0], k * Psp.DT, 1e-9, "sample times");
            assertEquals(brian[k][1], v[k], 2e-8, "v at sample " + k);
            assertEquals(brian[k][2], current[k] * 10e6, 1e-9, "ge = R * I_syn at sample " + k);
            peak = Math.max(peak, brian[k][1] + 60e-3);
        }
        // and the reference itself is the closed form: peak w tau_s/(tau_m - tau_s) (e^{-t*/tau_m} - e^{-t*/tau_s})
        double tPeak = 5e-3 * 20e-3 / 15e-3 * Math.log(4);
        assertEquals(1.62e-3 / 3 * (Math.exp(-tPeak / 20e-3) - Math.exp(-tPeak / 5e-3)), peak, 0.255e-3 * 1e-3);
    }
}
