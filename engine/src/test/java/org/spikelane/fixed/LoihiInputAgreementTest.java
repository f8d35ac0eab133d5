package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifState;

/**
 * The input quantization of the physical loihi mode (float current to the chip's
 * {@code bias_mant << bias_exp}): known values, and the vector pass bit-identical to the scalar one.
 */
class LoihiInputAgreementTest {

    @Test
    void biasTruncatesTowardZeroToA13BitMantissa() {
        assertEquals(4095, LoihiLifKernel.bias(4095.9f), "fits 12 bits: exponent 0, truncated");
        assertEquals(-4095, LoihiLifKernel.bias(-4095.9f));
        assertEquals(16704, LoihiLifKernel.bias(16711.9f), "16711 needs exponent 3: 2088 << 3");
        assertEquals(-5000, LoihiLifKernel.bias(-5001.5f), "-5001 with exponent 1: -(2500 << 1)");
        assertEquals(4095 << 7, LoihiLifKernel.bias(1e9f), "clipped to the largest bias");
        assertEquals(-(4095 << 7), LoihiLifKernel.bias(-524287f), "the mantissa of 2^19 - 1 with exponent 7 is 4095");
        assertEquals(0, LoihiLifKernel.bias(0.99f));
    }

    private static LoihiLifState state(int n, long seed, float[] current) {
        SplittableRandom r = new SplittableRandom(seed);
        LoihiLifState s = new LoihiLifState(n);
        s.inputScale = new float[s.padded];
        for (int i = 0; i < n; i++) {
            s.inputScale[i] = (float) (8.356e12 * (0.5 + r.nextDouble()));
            // currents up to +-100 nA (beyond the largest bias), some tiny, both signs
            double magnitude = i % 3 == 0 ? 1e-7 : i % 3 == 1 ? 1e-9 : 1e-13;
            current[i] = (float) (magnitude * (2 * r.nextDouble() - 1));
        }
        return s;
    }

    @Test
    void vectorEqualsScalar() {
        for (int n : new int[] {1, 17, 1000, 4099}) {
            float[] ca = new float[org.spikelane.simd.Simd.padded(n)], cb = ca.clone();
            LoihiLifState a = state(n, n, ca);
            LoihiLifState b = state(n, n, cb);
            LoihiLifKernel.vectorQuantizeInputs(a, ca, 0, a.padded);
            LoihiLifKernel.quantizeInputs(b, cb, 0, b.padded);
            assertArrayEquals(b.inputBias, a.inputBias, "n " + n);
            assertArrayEquals(b.overflows, a.overflows, "n " + n);
            assertArrayEquals(new float[ca.length], ca, "the current is consumed");
            if (n >= 1000) assertTrue(a.overflows[LoihiLifState.INPUT_SATURATIONS] > 0, "saturation exercised");
        }
    }
}
