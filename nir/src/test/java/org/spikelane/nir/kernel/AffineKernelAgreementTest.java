package org.spikelane.nir.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spikelane.simd.Simd;

/**
 * The vector Affine against its scalar reference, bit for bit, on output sizes that are not
 * multiples of the lane count (also run at 128 and 512 bits by the build), with sparse spike
 * inputs and dense real ones; and both against a double-precision product.
 */
class AffineKernelAgreementTest {
    @Test
    void vectorAndScalarAgreeBitForBit() {
        SplittableRandom rnd = new SplittableRandom(14);
        int lanes = Simd.LANES;
        int[] outs = {1, lanes - 1, lanes + 1, 2 * lanes + 3, 3 * lanes + 1, 38, 7};
        for (int out : outs) {
            if (out < 1) continue;
            for (int in : new int[] {1, 5, 12, 38}) {
                double[] w = new double[out * in];
                double[] b = new double[out];
                for (int k = 0; k < w.length; k++) w[k] = rnd.nextDouble(-2, 2);
                for (int k = 0; k < out; k++) b[k] = rnd.nextDouble(-1, 1);
                AffineKernel vector = new AffineKernel(w, b, out, in, true);
                AffineKernel scalar = new AffineKernel(w, b, out, in, false);
                float[][] sv = vector.newState();
                float[][] ss = scalar.newState();
                for (int trial = 0; trial < 20; trial++) {
                    float[] x = new float[in];
                    for (int j = 0; j < in; j++) x[j] = trial % 2 == 0 ? (rnd.nextDouble() < 0.3 ? 1f : 0f) : (float) rnd.nextDouble(-1, 1);
                    float[] yv = new float[out];
                    float[] ys = new float[out];
                    vector.step(trial, x, sv, yv);
                    scalar.step(trial, x, ss, ys);
                    assertArrayEquals(ys, yv, "out " + out + " in " + in + " trial " + trial);
                    for (int i = 0; i < out; i++) {
                        double exact = b[i];
                        for (int j = 0; j < in; j++) exact += (float) w[i * in + j] * (double) x[j];
                        assertEquals(exact, ys[i], 1e-5 * (1 + in), "out " + out + " in " + in + " row " + i);
                    }
                }
            }
        }
    }
}
