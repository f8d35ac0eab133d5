package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.spi.SynapseContext;
import org.spikelane.units.Dimension;

/**
 * The vector update of each int synapse kernel against its scalar reference, bit for bit: states,
 * jump accumulators and clip counts, on sizes that are not lane multiples, from random states
 * with negative and near-limit values, jump sums near the contribution limit, and random events
 * (some large enough to saturate) between steps.
 */
class FixedKernelAgreementTest {
    private static final int STEPS = 2000;

    @Test
    void expCurrentVectorEqualsScalar() {
        agree((c, t) -> new FixedExpCurrentKernel(c, t, 5e-3), Dimension.CURRENT);
        agree((c, t) -> new FixedExpCurrentKernel(c, t, 12e-3), Dimension.VOLTAGE);
    }

    @Test
    void alphaCurrentVectorEqualsScalar() {
        agree((c, t) -> new FixedAlphaCurrentKernel(c, t, 2e-3), Dimension.CURRENT);
        agree((c, t) -> new FixedAlphaCurrentKernel(c, t, 10e-3), Dimension.VOLTAGE);
    }

    /**
     * An event from the projection's own table adds the increment {@code prepare} rounded once;
     * any other array is rounded per event. The two give the same bits, also for weights so large
     * that the held increment is clamped (one in fifty here is 10^6 times the typical weight).
     */
    @Test
    void preparedIncrementsEqualPerEventRounding() {
        prepared((c, t) -> new FixedExpCurrentKernel(c, t, 5e-3), Dimension.CURRENT);
        prepared((c, t) -> new FixedAlphaCurrentKernel(c, t, 2e-3), Dimension.VOLTAGE);
    }

    private static void prepared(BiFunction<SynapseContext, FixedLifState, FixedCurrentKernel> make, Dimension weight) {
        int n = 1003, synapses = 20_000;
        FixedLifState pt = FixedTargets.heterogeneous(n, 5), rt = FixedTargets.heterogeneous(n, 5);
        FixedCurrentKernel pk = make.apply(FixedTargets.context(pt, weight, true), pt);
        FixedCurrentKernel rk = make.apply(FixedTargets.context(rt, weight, true), rt);
        SplittableRandom r = new SplittableRandom(7);
        double unit = weight == Dimension.CURRENT ? 1e-9 : 1e-3;
        int[] targets = new int[synapses];
        float[] weights = new float[synapses];
        for (int k = 0; k < synapses; k++) {
            targets[k] = r.nextInt(n);
            weights[k] = (float) (unit * (r.nextInt(50) == 0 ? 1e6 : 1) * (r.nextDouble() * 4 - 2));
        }
        pk.prepare(targets, weights);
        float[] copy = weights.clone(); // equal values, another array: the per-event path
        for (int step = 0; step < 500; step++) {
            int start = r.nextInt(synapses - 200), end = start + r.nextInt(200);
            pk.receive(targets, weights, start, end);
            rk.receive(targets, copy, start, end);
            pk.update(step, 0, pk.padded);
            rk.update(step, 0, rk.padded);
            assertArrayEquals(rk.effect, pk.effect, "state, step " + step);
            java.util.Arrays.fill(pt.jumpSum, 0);
            java.util.Arrays.fill(rt.jumpSum, 0);
        }
        assertEquals(rt.overflows[FixedLifState.DV], pt.overflows[FixedLifState.DV], "clip counts");
        assertTrue(rt.overflows[FixedLifState.DV] > 0, "precondition: some events saturated");
    }

    private static void agree(BiFunction<SynapseContext, FixedLifState, FixedCurrentKernel> make, Dimension weight) {
        for (int n : new int[] {1, 17, 1000, 4099}) {
            FixedLifState vt = FixedTargets.heterogeneous(n, 5), st = FixedTargets.heterogeneous(n, 5);
            FixedCurrentKernel vk = make.apply(FixedTargets.context(vt, weight, true), vt);
            FixedCurrentKernel sk = make.apply(FixedTargets.context(st, weight, false), st);
            SplittableRandom r = new SplittableRandom(n);
            int limit = vt.contributionLimit();
            for (int i = 0; i < n; i++) {
                vk.effect[i] = sk.effect[i] = extreme(r, FixedCurrentKernel.STATE_LIMIT);
                vt.jumpSum[i] = st.jumpSum[i] = extreme(r, limit);
                if (vk instanceof FixedAlphaCurrentKernel va && sk instanceof FixedAlphaCurrentKernel sa) {
                    va.ramp[i] = sa.ramp[i] = extreme(r, FixedCurrentKernel.STATE_LIMIT);
                }
            }
            double unit = weight == Dimension.CURRENT ? 1e-9 : 1e-3;
            int[] targets = new int[8];
            float[] weights = new float[8];
            for (int step = 0; step < STEPS; step++) {
                for (int k = 0; k < targets.length; k++) {
                    targets[k] = r.nextInt(n);
                    weights[k] = (float) (unit * (r.nextInt(100) == 0 ? 1e4 : 1) * (r.nextDouble() * 4 - 2));
                }
                vk.receive(targets, weights, 0, targets.length);
                sk.receive(targets, weights, 0, targets.length);
                vk.update(step, 0, vk.padded);
                sk.update(step, 0, sk.padded);
                assertArrayEquals(sk.effect, vk.effect, "state, n = " + n + ", step " + step);
                assertArrayEquals(st.jumpSum, vt.jumpSum, "jump, n = " + n + ", step " + step);
                if (vk instanceof FixedAlphaCurrentKernel va && sk instanceof FixedAlphaCurrentKernel sa) {
                    assertArrayEquals(sa.ramp, va.ramp, "ramp, n = " + n + ", step " + step);
                }
                if (step % 7 == 0) { // the LIF kernel clears the accumulator each step; let it build up in between
                    java.util.Arrays.fill(vt.jumpSum, 0);
                    java.util.Arrays.fill(st.jumpSum, 0);
                }
            }
            long clips = st.overflows[FixedLifState.DV];
            assertEquals(clips, vt.overflows[FixedLifState.DV], "clip counts, n = " + n);
            assertTrue(clips > 0, "precondition: some contributions saturated, n = " + n);
        }
    }

    /** Uniform in [-limit, limit], but a quarter of the draws within 64 of either bound. */
    private static int extreme(SplittableRandom r, int limit) {
        if (r.nextInt(4) == 0) return (r.nextBoolean() ? 1 : -1) * (limit - r.nextInt(64));
        return r.nextInt(-limit, limit + 1);
    }
}
