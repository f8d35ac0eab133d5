package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;

/**
 * The LIF oracles of {@link LifOracleTest} under {@code precision: fixed}, against the analytic
 * values and against the float32 run of the same network (one flag apart).
 */
class FixedPrecisionOracleTest {
    private static final double DT = 1e-4;
    private static final double R = 10e6;
    private static final double TAU = 8e-3;

    private static Simulation stepNetwork(Precision precision, double... currents) {
        Network net = new Network(DT).precision(precision);
        net.addLif("lif", currents.length, Map.of());
        for (int i = 0; i < currents.length; i++) net.addInput("step", "lif", Map.of("amplitude", currents[i]), new int[] {i});
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.5);
        return sim;
    }

    @Test
    void rheobaseStillSeparates2nAFrom2point05nA() {
        Simulation sim = stepNetwork(Precision.FIXED, 2.0e-9, 2.05e-9);
        assertEquals(0, sim.spikes().steps("lif", 0).length, "2.0 nA: v_inf = v_th is approached from below, never crossed");
        assertTrue(sim.spikes().steps("lif", 1).length > 10, "2.05 nA fires");
        assertTrue(sim.overflows().stream().allMatch(o -> o.count() == 0), "no clipping: " + sim.overflows());
    }

    @Test
    void interSpikeIntervalsWithinOneStepOfFloat32() {
        double[] currents = {2.05e-9, 2.1e-9, 2.5e-9, 3e-9, 5e-9, 10e-9};
        Simulation fixed = stepNetwork(Precision.FIXED, currents);
        Simulation float32 = stepNetwork(Precision.FLOAT32, currents);
        int differing = 0, compared = 0;
        for (int i = 0; i < currents.length; i++) {
            long[] a = fixed.spikes().steps("lif", i), b = float32.spikes().steps("lif", i);
            assertTrue(a.length >= 4, currents[i] + " A: " + a.length + " spikes");
            assertTrue(Math.abs(a.length - b.length) <= 1, currents[i] + " A: spike counts " + a.length + " vs " + b.length);
            for (int s = 1; s < Math.min(a.length, b.length); s++) {
                long isiFixed = a[s] - a[s - 1], isiFloat = b[s] - b[s - 1];
                assertTrue(Math.abs(isiFixed - isiFloat) <= 1, currents[i] + " A interval " + s + ": " + isiFixed + " vs " + isiFloat + " steps");
                compared++;
                if (isiFixed != isiFloat) differing++;
            }
        }
        System.out.printf("f-I: %d of %d intervals differ (by one step) between fixed and float32%n", differing, compared);
    }

    @Test
    void subthresholdSineAmplitudeWithin1PercentOfFloat32AndTheory() {
        double[] frequencies = {10, 50, 250};
        double i0 = 0.5e-9;
        double[][] amplitudes = {
            SineFit.amplitudes(Precision.FIXED, Map.of("v_threshold", "0 V"), DT, i0, frequencies),
            SineFit.amplitudes(Precision.FLOAT32, Map.of("v_threshold", "0 V"), DT, i0, frequencies)};
        for (int i = 0; i < frequencies.length; i++) {
            double w = 2 * Math.PI * frequencies[i];
            double theory = R * i0 / Math.sqrt(1 + w * TAU * w * TAU);
            assertEquals(amplitudes[1][i], amplitudes[0][i], 0.01 * amplitudes[1][i], frequencies[i] + " Hz vs float32");
            assertEquals(theory, amplitudes[0][i], 0.01 * theory, frequencies[i] + " Hz vs theory");
            System.out.printf("sine %.0f Hz: fixed %.6e V, float32 %.6e V, rel diff %.2e%n", frequencies[i], amplitudes[0][i],
                    amplitudes[1][i], Math.abs(amplitudes[0][i] / amplitudes[1][i] - 1));
        }
    }
}
