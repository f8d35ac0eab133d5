package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikelane.simd.Simd;

/**
 * The vector kernel against the scalar reference on random heterogeneous populations whose sizes
 * are not multiples of the lane count. Runs at the preferred width; the pom runs it again at
 * 128 and 512 bits ({@code spikelane.vector.bits}).
 */
class LifKernelAgreementTest {

    @ParameterizedTest(name = "n={0} conductance={1} inclusive={2}")
    @CsvSource({"1,false,false", "17,false,false", "1000,false,true", "4099,false,false",
                "1,true,false", "17,true,true", "1000,true,false", "4099,true,false"})
    void vectorAndScalarAgree(int n, boolean conductance, boolean inclusive) {
        LifState vec = LifStates.random(n, 42 + n, inclusive);
        LifState ref = LifStates.random(n, 42 + n, inclusive);
        if (conductance) enableConductance(vec, ref);
        LifKernel<LifState> vector = new VectorLifKernel();
        LifKernel<LifState> scalar = new ScalarLifKernel();
        int[] spikesVec = new int[n];
        int[] spikesRef = new int[n];
        SplittableRandom inputs = new SplittableRandom(7);
        int steps = 3000;
        long totalSpikes = 0;
        int maxUlps = 1;
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < n; i++) {
                // currents around rheobase so that neurons fire irregularly; occasional voltage kicks
                float current = (float) (inputs.nextDouble() * 3e-9);
                float kick = inputs.nextInt(50) == 0 ? (float) (inputs.nextDouble() * 4e-3) : 0f;
                vec.current[i] = ref.current[i] = current;
                vec.dv[i] = ref.dv[i] = kick;
                if (conductance) {
                    float g = (float) (inputs.nextDouble() * 20e-9);
                    float e = inputs.nextBoolean() ? 0f : -80e-3f;
                    vec.g[i] = ref.g[i] = g;
                    vec.gE[i] = ref.gE[i] = g * e;
                }
            }
            int countVec = vector.step(vec, step, 0, vec.padded, spikesVec, 0);
            assertEquals(0f, vec.current[n - 1], "accumulator cleared");
            int countRef = scalar.step(ref, step, 0, ref.padded, spikesRef, 0);
            int at = step;
            assertEquals(countRef, countVec, () -> "spike count at step " + at);
            for (int k = 0; k < countRef; k++) assertEquals(spikesRef[k], spikesVec[k], () -> "spike at step " + at);
            assertArrayEquals(ref.refractoryLeft, vec.refractoryLeft, () -> "refractory counters at step " + at);
            for (int i = 0; i < n; i++) {
                float a = vec.v[i], b = ref.v[i];
                if (Math.abs(a - b) > maxUlps * Math.ulp(b)) {
                    throw new AssertionError("v[" + i + "] at step " + step + ": " + a + " vs " + b);
                }
            }
            totalSpikes += countRef;
        }
        // the comparison is meaningful only if neurons actually spiked and were refractory
        assertTrue(totalSpikes > n, "only " + totalSpikes + " spikes in " + steps + " steps at " + Simd.FLOAT);
    }

    /**
     * Fused synaptic currents (one propagator shared, one per neuron) fed and decayed inside the
     * kernel's pass, and a constant input current added there: the same spikes, {@code v} and current states to the bit, on the current and the
     * conductance path.
     */
    @ParameterizedTest(name = "n={0} conductance={1}")
    @CsvSource({"1,false", "17,false", "1000,false", "4099,false", "17,true", "4099,true"})
    void fusedCurrentsAgreeToTheBit(int n, boolean conductance) {
        LifState vec = LifStates.random(n, 5 + n, false);
        LifState ref = LifStates.random(n, 5 + n, false);
        LifStates.addFusedCurrents(vec);
        LifStates.addFusedCurrents(ref);
        // a constant input too: one value for all at n = 1000, one per neuron otherwise
        LifStates.addConstantCurrent(vec, n != 1000);
        LifStates.addConstantCurrent(ref, n != 1000);
        assertEquals(n == 1000 || n == 1 ? 0 : -1, vec.constant.mask);
        assertEquals(2, vec.fused.count());
        assertEquals(0, vec.fused.propagatorMask[0], "the 5 ms propagator is shared");
        assertEquals(n == 1 ? 0 : -1, vec.fused.propagatorMask[1], "the 10 ms one follows each tau_m");
        if (conductance) enableConductance(vec, ref);
        int[] spikesVec = new int[n], spikesRef = new int[n];
        LifKernel<LifState> vector = new VectorLifKernel(), scalar = new ScalarLifKernel();
        SplittableRandom kicksVec = new SplittableRandom(3), kicksRef = new SplittableRandom(3), inputs = new SplittableRandom(9);
        long totalSpikes = 0;
        for (int step = 0; step < 3000; step++) {
            LifStates.kickFusedCurrents(vec, kicksVec);
            LifStates.kickFusedCurrents(ref, kicksRef);
            for (int i = 0; i < n; i++) vec.current[i] = ref.current[i] = (float) (inputs.nextDouble() * 1e-9);
            if (conductance) {
                for (int i = 0; i < n; i++) vec.g[i] = ref.g[i] = (float) (inputs.nextDouble() * 5e-9);
            }
            int count = vector.step(vec, step, 0, vec.padded, spikesVec, 0);
            assertEquals(scalar.step(ref, step, 0, ref.padded, spikesRef, 0), count, "spike count at step " + step);
            for (int k = 0; k < count; k++) assertEquals(spikesRef[k], spikesVec[k], "spike at step " + step);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(ref.v[i]), Float.floatToIntBits(vec.v[i]), "v[" + i + "] at step " + step);
                for (int c = 0; c < 2; c++) {
                    assertEquals(Float.floatToIntBits(ref.fused.state[c][i]), Float.floatToIntBits(vec.fused.state[c][i]),
                            "current " + c + " of neuron " + i + " at step " + step);
                }
            }
            totalSpikes += count;
        }
        assertTrue(totalSpikes > n, "only " + totalSpikes + " spikes");
    }

    /**
     * Fused exponential conductances (one, two: both written-out slots, three: the loop beyond
     * them), with or without the accumulators of unfused conductance synapses beside them, and
     * two fused alpha currents (one propagator pair shared, one per neuron), on the exponential
     * currents: the same spikes, {@code v} and every synaptic state to the bit.
     */
    @ParameterizedTest(name = "n={0} conductances={1} accumulated={2}")
    @CsvSource({"1,1,false", "17,2,false", "1000,2,false", "4099,2,false", "4099,1,true", "17,3,true", "1000,3,false", "1,0,false",
                "4099,0,false"})
    void fusedConductancesAndAlphaCurrentsAgreeToTheBit(int n, int conductances, boolean accumulated) {
        LifState vec = LifStates.random(n, 8 + n, false);
        LifState ref = LifStates.random(n, 8 + n, false);
        for (LifState s : new LifState[] {vec, ref}) {
            LifStates.addFusedCurrents(s);
            LifStates.addFusedConductances(s, conductances);
            LifStates.addAlphaCurrents(s);
            if (accumulated) s.enableConductance();
        }
        assertEquals(conductances, vec.conductances.count());
        assertEquals(conductances > 0 || accumulated, vec.conductance(), "conductance path");
        assertEquals(2, vec.alphas.count());
        assertEquals(0, vec.alphas.propagatorMask[0], "the 2 ms pair is shared");
        assertEquals(n == 1 ? 0 : -1, vec.alphas.propagatorMask[1], "the 6 ms pair follows each tau_m");
        int[] spikesVec = new int[n], spikesRef = new int[n];
        LifKernel<LifState> vector = new VectorLifKernel(), scalar = new ScalarLifKernel();
        SplittableRandom kicksVec = new SplittableRandom(4), kicksRef = new SplittableRandom(4), inputs = new SplittableRandom(12);
        long totalSpikes = 0;
        for (int step = 0; step < 3000; step++) {
            LifStates.kickFusedCurrents(vec, kicksVec);
            LifStates.kickFusedCurrents(ref, kicksRef);
            LifStates.kickConductancesAndAlphas(vec, kicksVec);
            LifStates.kickConductancesAndAlphas(ref, kicksRef);
            for (int i = 0; i < n; i++) vec.current[i] = ref.current[i] = (float) (inputs.nextDouble() * 1.5e-9);
            if (accumulated) {
                for (int i = 0; i < n; i++) {
                    vec.g[i] = ref.g[i] = (float) (inputs.nextDouble() * 5e-9);
                    vec.gE[i] = ref.gE[i] = vec.g[i] * -75e-3f;
                }
            }
            int count = vector.step(vec, step, 0, vec.padded, spikesVec, 0);
            assertEquals(scalar.step(ref, step, 0, ref.padded, spikesRef, 0), count, "spike count at step " + step);
            for (int k = 0; k < count; k++) assertEquals(spikesRef[k], spikesVec[k], "spike at step " + step);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(ref.v[i]), Float.floatToIntBits(vec.v[i]), "v[" + i + "] at step " + step);
                for (int c = 0; c < conductances; c++) {
                    assertEquals(Float.floatToIntBits(ref.conductances.state[c][i]), Float.floatToIntBits(vec.conductances.state[c][i]),
                            "conductance " + c + " of neuron " + i + " at step " + step);
                }
                for (int c = 0; c < 2; c++) {
                    assertEquals(Float.floatToIntBits(ref.alphas.current[c][i]), Float.floatToIntBits(vec.alphas.current[c][i]),
                            "alpha current " + c + " of neuron " + i + " at step " + step);
                    assertEquals(Float.floatToIntBits(ref.alphas.ramp[c][i]), Float.floatToIntBits(vec.alphas.ramp[c][i]),
                            "alpha ramp " + c + " of neuron " + i + " at step " + step);
                }
            }
            totalSpikes += count;
        }
        assertTrue(totalSpikes > n, "only " + totalSpikes + " spikes");
    }

    private static void enableConductance(LifState... states) {
        for (LifState s : states) s.enableConductance();
    }

    /** Shared parameters are read from the first lanes; a change of one neuron switches to per-neuron loads. */
    @ParameterizedTest(name = "n={0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 17, 4099})
    void sharedParametersAgreeBeforeAndAfterOneNeuronChanges(int n) {
        java.util.Map<String, Object> shared = java.util.Map.of(LifModel.TAU_M, 0.01, LifModel.REFRACTORY, 0.002);
        LifState vec = new LifState(n, LifStates.DT, org.spikelane.spi.Params.resolve("test", LifModel.PARAMS, shared, n));
        LifState ref = new LifState(n, LifStates.DT, org.spikelane.spi.Params.resolve("test", LifModel.PARAMS, shared, n));
        assertEquals(0, vec.sharedParameterMask);
        LifKernel<LifState> vector = new VectorLifKernel();
        LifKernel<LifState> scalar = new ScalarLifKernel();
        int[] spikesVec = new int[n];
        int[] spikesRef = new int[n];
        SplittableRandom inputs = new SplittableRandom(11);
        long totalSpikes = 0;
        for (int step = 0; step < 2000; step++) {
            if (step == 1000) {
                vec.set("test", LifModel.E_L, n - 1, -0.060);
                ref.set("test", LifModel.E_L, n - 1, -0.060);
                assertEquals(-1, vec.sharedParameterMask);
            }
            for (int i = 0; i < n; i++) vec.current[i] = ref.current[i] = (float) (inputs.nextDouble() * 4e-9);
            int count = vector.step(vec, step, 0, vec.padded, spikesVec, 0);
            assertEquals(scalar.step(ref, step, 0, ref.padded, spikesRef, 0), count);
            for (int k = 0; k < count; k++) assertEquals(spikesRef[k], spikesVec[k]);
            for (int i = 0; i < n; i++) {
                if (Float.floatToIntBits(vec.v[i]) != Float.floatToIntBits(ref.v[i])) {
                    throw new AssertionError("v[" + i + "] at step " + step + ": " + vec.v[i] + " vs " + ref.v[i]);
                }
            }
            totalSpikes += count;
        }
        assertTrue(totalSpikes > n, "only " + totalSpikes + " spikes");
    }
}
