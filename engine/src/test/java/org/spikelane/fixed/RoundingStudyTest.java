package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.Params;

/**
 * What each rounding does to a decaying PSP (neurodynex neuron, tau_m 8 ms, dt 0.1 ms, so
 * d = 64722 / 2^16, LSB_v = 2^-28 V). The ideal is the geometric sum with the same quantized
 * decay, so only rounding is measured. Figures are printed for docs/fixed-point.md.
 */
class RoundingStudyTest {
    private static final int STEPS = 3000; // 37 tau_m

    /** Integral of v - E_L in LSB steps over STEPS, per neuron, and the final offsets. */
    private static double[][] run(Rounding rounding, double psp, int neurons) {
        Params p = Params.resolve("population 'p'", LifModel.PARAMS, Map.of("v_init", -70e-3 + psp, "v_threshold", "0 V"), neurons);
        LifState s = new LifPopulation("p", neurons, 1e-4, p, null).state();
        FixedLifState f = new FixedLifState("p", s.parameters(), ArithmeticProfile.FIXED.withRounding(rounding), 3);
        int[] spikes = new int[s.padded];
        double[][] out = new double[2][neurons];
        for (int n = 0; n < STEPS; n++) {
            for (int i = 0; i < neurons; i++) out[0][i] += f.v[i] - f.restingPotential[i];
            FixedLifKernel.vectorStep(f, n, 0, s.padded, spikes, 0);
        }
        for (int i = 0; i < neurons; i++) out[1][i] = f.v[i] - f.restingPotential[i];
        return out;
    }

    private static double ideal(double psp) {
        double r = 64722 / 65536.0;
        long x0 = Math.round((-70e-3 + psp) * (1 << 28)) - Math.round(-70e-3 * (1 << 28));
        return x0 * (1 - Math.pow(r, STEPS)) / (1 - r);
    }

    @Test
    void truncationIntegratesSmallerThanIdealAndReturnsExactlyToRest() {
        for (double psp : new double[] {0.1e-3, 1e-3, 10e-3}) {
            double[][] out = run(Rounding.TRUNCATE, psp, 1);
            double deficit = 1 - out[0][0] / ideal(psp);
            System.out.printf("truncate: PSP %.1f mV integral deficit %.3f %%%n", psp * 1e3, deficit * 100);
            assertTrue(deficit > 0, "truncation toward zero shrinks every decay step");
            assertEquals(0, out[1][0], "and reaches rest exactly (no dead band)");
        }
        double small = 1 - run(Rounding.TRUNCATE, 0.1e-3, 1)[0][0] / ideal(0.1e-3);
        assertTrue(small > 0.005 && small < 0.015, "0.1 mV PSP loses about 1 % of its integral: " + small);
        double negative = run(Rounding.TRUNCATE, -0.1e-3, 1)[0][0] / ideal(-0.1e-3);
        assertEquals(1 - small, negative, 1e-3, "symmetric for negative PSPs (toward zero, not floor)");
    }

    @Test
    void nearestHasADeadBandOf40LsbBothSides() {
        // k stays when round(k d) = k, i.e. k (1 - d) < 1/2: k = 40 for d = 64722 / 2^16
        int band = (int) Math.floor(0.5 / (1 - 64722 / 65536.0));
        assertEquals(40, band);
        assertEquals(band, run(Rounding.NEAREST, 0.1e-3, 1)[1][0], "stuck above rest");
        assertEquals(-band, run(Rounding.NEAREST, -0.1e-3, 1)[1][0], "stuck below rest");
        double[][] out = run(Rounding.NEAREST, 1e-3, 1);
        double excess = out[0][0] / ideal(1e-3) - 1;
        System.out.printf("nearest: dead band %d LSB = %.3g V; 1 mV PSP integral excess over %d steps %.3f %%%n", band,
                band * Math.scalb(1.0, -28), STEPS, excess * 100);
        assertTrue(excess > 0 && excess < 0.05, "the excess is the dead band held for the rest of the window: " + excess);
    }

    @Test
    void stochasticRoundingIsUnbiasedOnAverage() {
        double[][] out = run(Rounding.STOCHASTIC, 0.1e-3, 512);
        double mean = java.util.Arrays.stream(out[0]).average().orElseThrow();
        double finalMean = java.util.Arrays.stream(out[1]).average().orElseThrow();
        double error = mean / ideal(0.1e-3) - 1;
        System.out.printf("stochastic: 0.1 mV PSP mean integral error %.3f %% over 512 neurons, final mean offset %.2f LSB%n",
                error * 100, finalMean);
        assertEquals(0, error, 0.002, "mean integral within 0.2 % of ideal");
        assertEquals(0, finalMean, 2.0, "no dead band on average");
    }
}
