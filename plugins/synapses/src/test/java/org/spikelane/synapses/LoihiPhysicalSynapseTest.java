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
 * delta and exp_current into a population with physical parameters under {@code precision:
 * loihi} (the synapse becomes the neuron's {@code u}, weights become integer {@code a_in}),
 * against the float32 run of the same network with the discovered plugins.
 *
 * <p>Expected differences: {@code tau_m} 10 ms becomes 9.977 ms (dv = 41); {@code tau_syn} 5 ms
 * becomes 5.007 ms (du + 1 = 81); the weight is rounded to {@code a_in} (relative error
 * {@code < 0.5 / a_in}); every decay product truncates toward zero. Together well under 1 % of the
 * PSP peak.
 */
class LoihiPhysicalSynapseTest {
    private static final Map<String, Object> NEURON = Map.of("tau_m", "10 ms", "v_threshold", "0 V", "v_reset", "-70 mV",
            "refractory", 0);

    private static Simulation psp(Precision precision, String synapse, Map<String, ?> params, Object weight) {
        Network net = new Network(1e-4).precision(precision);
        net.addSpikeGenerator("in", 1, new double[] {1e-3}, new int[] {0}, 0);
        net.addLif("lif", 1, NEURON);
        net.connect("in", "lif", synapse, params, weight, null, null);
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(1000);
        return sim;
    }

    @Test
    void pspPeaksWithinTheWeightErrorPlusOnePercentOfFloat32() {
        Object[][] cases = {
                {"delta", Map.of(), "0.5 mV"},
                {"exp_current", Map.of("tau_syn", "5 ms"), "2 mV"},   // weight as R I (Brian2 CUBA)
                {"exp_current", Map.of("tau_syn", "5 ms"), "1 nA"},
                {"exp_current", Map.of("tau_syn", "2 ms"), "-0.2 nA"}, // inhibitory
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, ?> params = (Map<String, ?>) c[1];
            Simulation loihi = psp(Precision.LOIHI, (String) c[0], params, c[2]);
            double[] a = loihi.stateRecorders().getFirst().trace("v", 0);
            double[] b = psp(Precision.FLOAT32, (String) c[0], params, c[2]).stateRecorders().getFirst().trace("v", 0);
            int peakA = extremum(a), peakB = extremum(b);
            double heightA = a[peakA] + 70e-3, heightB = b[peakB] + 70e-3;
            double integralA = 0, integralB = 0;
            for (int n = 0; n < a.length; n++) {
                integralA += a[n] + 70e-3;
                integralB += b[n] + 70e-3;
            }
            double weightError = loihi.quantization().stream().filter(q -> q.parameter().startsWith("weight")).findFirst()
                    .orElseThrow().relativeError();
            System.out.printf("loihi %s %s: peak %.5f mV at step %d (float32 %.5f mV at %d, %+.3f %%), integral %+.3f %%, "
                    + "weight error %.2e%n", c[0], c[2], heightA * 1e3, peakA, heightB * 1e3, peakB, 100 * (heightA / heightB - 1),
                    100 * (integralA / integralB - 1), weightError);
            assertTrue(Math.abs(heightB) > 0.1e-3, "precondition: a visible PSP");
            assertEquals(heightB, heightA, (weightError + 0.01) * Math.abs(heightB), c[0] + " " + c[2] + " peak");
            assertTrue(Math.abs(peakA - peakB) <= 3, c[0] + " " + c[2] + " time of peak: " + peakA + " vs " + peakB);
            // truncation toward zero of v and u: the integral is smaller, never larger (beyond the weight's rounding)
            assertTrue(integralA / integralB < 1 + weightError && integralA / integralB > 0.9,
                    c[0] + " " + c[2] + " PSP integral ratio " + integralA / integralB);
        }
    }

    /** Index of the largest |v - E_L|. */
    private static int extremum(double[] v) {
        int best = 0;
        for (int n = 1; n < v.length; n++) if (Math.abs(v[n] + 70e-3) > Math.abs(v[best] + 70e-3)) best = n;
        return best;
    }
}
