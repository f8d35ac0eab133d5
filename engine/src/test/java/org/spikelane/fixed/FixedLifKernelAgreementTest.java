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
 * with int accumulators that include saturating drives and jumps, both signs, refractory neurons,
 * and the conductance path (float g folded into a per-step rest and decay).
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

    /** What the plugins' fixed kernels would add: drive near threshold, v jumps, sometimes far beyond the limits. */
    private static void fillInputs(SplittableRandom r, FixedLifState f) {
        for (int i = 0; i < f.size; i++) {
            int k = r.nextInt(20);
            f.driveSum[i] = k == 0 ? (r.nextBoolean() ? Integer.MAX_VALUE - 1 : Integer.MIN_VALUE + 1)
                    : (int) ((r.nextGaussian() * 0.3e-9 + 0.25e-9) * f.lsbPerAmpere(i));
            f.jumpSum[i] = k == 1 ? (r.nextBoolean() ? 1 << 30 : -(1 << 30))
                    : k < 5 ? (int) (r.nextGaussian() * 1e-3 / f.voltageLsb) : 0;
            if (f.g != null) {
                // conductances up to 20 times the leak, reversal potentials 0 mV and -80 mV
                float g = k < 10 ? (float) (r.nextDouble() * 20 / f.resistance(i)) : 0f;
                f.g[i] = g;
                f.gE[i] = g * (r.nextBoolean() ? 0f : -80e-3f);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void vectorEqualsScalarBitForBit(Rounding rounding) {
        agree(rounding, false, 7);
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void conductancePathVectorEqualsScalarBitForBit(Rounding rounding) {
        agree(rounding, true, 9);
    }

    /** Vector and scalar kernels on identical random populations and inputs, 200 steps, every size. */
    private static void agree(Rounding rounding, boolean conductance, long seed) {
        ArithmeticProfile profile = ArithmeticProfile.FIXED.withRounding(rounding);
        for (int n : new int[] {1, 17, 1000, 4099}) {
            LifState sa = floatState(n, n), sb = floatState(n, n);
            FixedLifState a = new FixedLifState("p", sa.parameters(), profile, 5), b = new FixedLifState("p", sb.parameters(), profile, 5);
            if (conductance) {
                a.enableConductance();
                b.enableConductance();
            }
            SplittableRandom ra = new SplittableRandom(seed), rb = new SplittableRandom(seed);
            int[] spikesA = new int[sa.padded], spikesB = new int[sb.padded];
            long spikes = 0;
            for (int step = 0; step < 200; step++) {
                fillInputs(ra, a);
                fillInputs(rb, b);
                int ca = FixedLifKernel.vectorStep(a, step, 0, sa.padded, spikesA, 0);
                int cb = FixedLifKernel.scalarStep(b, step, 0, sb.padded, spikesB, 0);
                assertEquals(cb, ca, rounding + " n " + n + " step " + step);
                assertArrayEquals(java.util.Arrays.copyOf(spikesB, cb), java.util.Arrays.copyOf(spikesA, ca));
                assertArrayEquals(b.v, a.v, rounding + " v, n " + n + " step " + step);
                assertArrayEquals(b.refractoryLeft, a.refractoryLeft);
                spikes += ca;
            }
            assertArrayEquals(b.overflows, a.overflows, "overflow counts");
            assertArrayEquals(new int[sa.padded], a.driveSum, "drive accumulator cleared");
            assertArrayEquals(new int[sa.padded], a.jumpSum, "jump accumulator cleared");
            if (conductance) assertArrayEquals(new float[sa.padded], a.g, "conductance accumulator cleared");
            if (n >= 1000) {
                assertTrue(spikes > 0, "must exercise spikes");
                if (!conductance) {
                    assertTrue(a.overflows[FixedLifState.I] > 0 && a.overflows[FixedLifState.DV] > 0
                            && a.overflows[FixedLifState.V] > 0, "must exercise every saturation: " + java.util.Arrays.toString(a.overflows));
                }
            }
        }
    }

    /**
     * A conductance whose reversal potential is far beyond the range pulls v_inf beyond the int
     * bound: clipped, and counted as I on every neuron-step, the same in both paths. With
     * {@code R g = 1} and {@code E = 100 V}, {@code v_inf = (E_L + 100 V) / 2}, about 50 V against a
     * bound of 2 V; at {@code E = 0} it is about -35 mV and nothing is counted.
     */
    @org.junit.jupiter.api.Test
    void conductanceRestBeyondTheRangeIsCounted() {
        for (double reversal : new double[] {100, 0}) {
            int n = 17, steps = 10;
            FixedLifState[] f = new FixedLifState[2];
            for (int k = 0; k < 2; k++) {
                f[k] = new FixedLifState("p", floatState(n, 3).parameters(), ArithmeticProfile.FIXED, 5);
                f[k].enableConductance();
            }
            int[] spikes = new int[f[0].padded];
            for (int step = 0; step < steps; step++) {
                for (FixedLifState s : f) {
                    for (int i = 0; i < n; i++) {
                        s.g[i] = (float) (1 / s.resistance(i));
                        s.gE[i] = (float) (s.g[i] * reversal);
                    }
                }
                FixedLifKernel.vectorStep(f[0], step, 0, f[0].padded, spikes, 0);
                FixedLifKernel.scalarStep(f[1], step, 0, f[1].padded, spikes, 0);
                assertArrayEquals(f[1].v, f[0].v, "v, step " + step);
            }
            long expected = reversal > 1 ? (long) n * steps : 0;
            assertEquals(expected, f[0].overflows[FixedLifState.I], "vector, E = " + reversal + " V");
            assertEquals(expected, f[1].overflows[FixedLifState.I], "scalar, E = " + reversal + " V");
        }
    }

    /**
     * Homogeneous E_L and v_reset are broadcast (index mask 0) until one neuron's value changes;
     * the scalar reference always reads per neuron, so a wrong mask shows as a mismatch.
     */
    @ParameterizedTest
    @EnumSource(Rounding.class)
    void homogeneousParametersAgreeBeforeAndAfterOneNeuronChanges(Rounding rounding) {
        ArithmeticProfile profile = ArithmeticProfile.FIXED.withRounding(rounding);
        for (int n : new int[] {1, 17, 1000, 4099}) {
            LifState[] s = new LifState[2];
            FixedLifState[] f = new FixedLifState[2];
            for (int k = 0; k < 2; k++) {
                s[k] = new LifPopulation("p", n, 1e-4, Params.resolve("population 'p'", LifModel.PARAMS,
                        Map.of("v_init", -52e-3), n), null).state();
                f[k] = new FixedLifState("p", s[k].parameters(), profile, 5);
            }
            assertEquals(n >= 8 ? 0 : -1, f[0].restingIndexMask, "E_L broadcast when uniform, n " + n);
            int[] spikesA = new int[s[0].padded], spikesB = new int[s[1].padded];
            long spikes = 0;
            for (int step = 0; step < 300; step++) {
                if (step == 100) {
                    for (int k = 0; k < 2; k++) {
                        s[k].set("p", LifModel.E_L, n / 2, -40e-3);
                        s[k].set("p", LifModel.V_RESET, n - 1, -60e-3);
                        f[k].requantize(LifModel.E_L, n / 2);
                        f[k].requantize(LifModel.V_RESET, n - 1);
                    }
                    assertEquals(-1, f[0].restingIndexMask);
                }
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < n; i++) f[k].driveSum[i] = (int) Math.round(2.5e-9 * f[k].lsbPerAmpere(i));
                }
                int ca = FixedLifKernel.vectorStep(f[0], step, 0, s[0].padded, spikesA, 0);
                int cb = FixedLifKernel.scalarStep(f[1], step, 0, s[1].padded, spikesB, 0);
                assertEquals(cb, ca, rounding + " n " + n + " step " + step);
                // padding lanes are not compared: with a broadcast E_L they relax toward it
                assertArrayEquals(java.util.Arrays.copyOf(f[1].v, n), java.util.Arrays.copyOf(f[0].v, n),
                        rounding + " v, n " + n + " step " + step);
                spikes += ca;
            }
            assertTrue(spikes > 0, "must exercise the reset");
        }
    }
}
