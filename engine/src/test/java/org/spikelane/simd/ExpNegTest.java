package org.spikelane.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpNegTest {

    @Test
    void closeToMathExpOverTheWholeRange() {
        double worst = 0;
        for (int k = 0; k <= 1_000_000; k++) {
            float x = -87f * k / 1_000_000f;
            double exact = Math.exp(x);
            double rel = Math.abs(ExpNeg.exp(x) - exact) / exact;
            worst = Math.max(worst, rel);
        }
        assertTrue(worst < 2.5e-7, "worst relative error " + worst);
        assertEquals(1f, ExpNeg.exp(0f));
        assertEquals(1f, ExpNeg.exp(-0f));
    }

    @Test
    void vectorGivesTheSameBitsAsScalar() {
        int n = Simd.LANES * 4096;
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) xs[i] = (float) (-Math.pow(10, -8 + 10.0 * i / n)); // -1e-8 .. -100
        float[] out = xs.clone();
        for (int i = 0; i < n; i += Simd.LANES) ExpNeg.exp(out, i);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(ExpNeg.exp(xs[i])), Float.floatToIntBits(out[i]), "x = " + xs[i]);
        }
    }
}
