package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.Params;
import org.spikelane.neuron.LifModel;

/**
 * The fixed-point LIF step, vector against scalar reference, on heterogeneous random populations
 * with inputs that include saturating currents and dv, both signs, and refractory neurons.
 */
class FixedLifKernelAgreementTest {

    private static LifState floatState(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] tau = new double[n], res = new double[n], el = new double[n], vr = new double[n], vt = new double[n],
                v0 = new double[n], ref = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = r.nextDouble(2e-3, 50e-3);
            res[i] = r.nextDouble(5e6, 500e6);
            el[i] = r.nextDouble(-75e-3, -60e-3);
            vr[i] = r.nextDouble(-70e-3, -55e-3);
            vt[i] = r.nextDouble(-55e-3, -40e-3);
            v0[i] = r.nextDouble(-80e-3, -40e-3);
            ref[i] = r.nextInt(4) * 1e-3;
        }
        Params p = Params.resolve("population 'p'", LifModel.PARAMS, Map.of("tau_m", tau, "R", res, "E_L", el,
                "v_reset", vr, "v_threshold", vt, "v_init", v0, "refractory", ref), n);
        return new LifPopulation("p", n, 1e-4, p, null).state();
    }

    private static void fillInputs(LifState s, SplittableRandom r, FixedLifState f) {
        for (int i = 0; i < s.size; i++) {
            int k = r.nextInt(20);
            // mostly drive near threshold; sometimes far beyond the accumulator ranges
            s.current[i] = k == 0 ? (float) (r.nextBoolean() ? 1e-3 : -1e-3)
                    : (float) (r.nextGaussian() * 0.3e-9 + 0.25e-9);
            s.dv[i] = k == 1 ? (r.nextBoolean() ? 1f : -1f) : k < 5 ? (float) (r.nextGaussian() * 1e-3) : 0f;
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void vectorEqualsScalarBitForBit(Rounding rounding) {
        ArithmeticProfile profile = ArithmeticProfile.FIXED.withRounding(rounding);
        for (int n : new int[] {1, 17, 1000, 4099}) {
            LifState sa = floatState(n, n), sb = floatState(n, n);
            FixedLifState a = new FixedLifState("p", sa, profile, 5), b = new FixedLifState("p", sb, profile, 5);
            SplittableRandom ra = new SplittableRandom(7), rb = new SplittableRandom(7);
            int[] spikesA = new int[sa.padded], spikesB = new int[sb.padded];
            long spikes = 0;
            for (int step = 0; step < 200; step++) {
                fillInputs(sa, ra, a);
                fillInputs(sb, rb, b);
                int ca = FixedLifKernel.vectorStep(a, sa, spikesA);
                int cb = FixedLifKernel.scalarStep(b, sb, spikesB);
                assertEquals(cb, ca, rounding + " n " + n + " step " + step);
                assertArrayEquals(java.util.Arrays.copyOf(spikesB, cb), java.util.Arrays.copyOf(spikesA, ca));
                assertArrayEquals(b.v, a.v, rounding + " v, n " + n + " step " + step);
                assertArrayEquals(b.refractoryLeft, a.refractoryLeft);
                spikes += ca;
            }
            assertArrayEquals(b.overflows, a.overflows, "overflow counts");
            assertArrayEquals(new float[sa.padded], sa.current, "current accumulator cleared");
            if (n >= 1000) {
                assertTrue(spikes > 0, "must exercise spikes");
                assertTrue(a.overflows[FixedLifState.I] > 0 && a.overflows[FixedLifState.DV] > 0
                        && a.overflows[FixedLifState.V] > 0, "must exercise every saturation: " + java.util.Arrays.toString(a.overflows));
            }
        }
    }
}
