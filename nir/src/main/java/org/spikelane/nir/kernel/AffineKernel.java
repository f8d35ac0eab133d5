package org.spikelane.nir.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * Affine (y = W x + b) and Linear (b = 0). W is kept transposed and padded, one column of W per
 * input j in a row of {@code outPadded} floats, so a vector of outputs is updated from one input
 * at a time; inputs that are exactly 0 (silent spikes, the usual case) are skipped. The sum over
 * j runs in ascending j with a multiply then an add (no fused multiply-add), and the bias is added
 * last, in the vector and the scalar path alike, so the two agree bit for bit
 * ({@code AffineKernelAgreementTest}); the Python reference in the test data sums in the same order.
 */
final class AffineKernel implements NodeKernel {
    private static final VectorSpecies<Float> S = Simd.FLOAT;
    private final int in;
    private final int out;
    private final int outPadded;
    private final float[] weightT;
    private final float[] bias;
    private final boolean vector;

    /** @param weight row-major [out][in], as NIR stores it */
    AffineKernel(double[] weight, double[] bias, int out, int in, boolean vector) {
        this.in = in;
        this.out = out;
        this.outPadded = Simd.padded(out);
        this.weightT = new float[in * outPadded];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) weightT[j * outPadded + i] = (float) weight[i * in + j];
        }
        this.bias = bias == null ? new float[out] : NodeParams.floats(bias);
        this.vector = vector;
    }

    @Override public int inputSize() { return in; }

    @Override public int outputSize() { return out; }

    /** One private accumulator per run, padded to whole vectors. */
    @Override
    public float[][] newState() { return new float[][] {new float[outPadded]}; }

    @Override
    public void initialOutput(float[] y) { System.arraycopy(bias, 0, y, 0, out); }

    @Override
    public void step(int step, float[] x, float[][] state, float[] y) {
        float[] acc = state[0];
        java.util.Arrays.fill(acc, 0f);
        if (vector) accumulateVector(x, acc); else accumulateScalar(x, acc);
        for (int i = 0; i < out; i++) y[i] = acc[i] + bias[i];
    }

    /** The scalar reference. */
    void accumulateScalar(float[] x, float[] acc) {
        for (int j = 0; j < in; j++) {
            float xj = x[j];
            if (xj == 0f) continue;
            int row = j * outPadded;
            for (int i = 0; i < out; i++) acc[i] = acc[i] + weightT[row + i] * xj;
        }
    }

    void accumulateVector(float[] x, float[] acc) {
        for (int j = 0; j < in; j++) {
            float xj = x[j];
            if (xj == 0f) continue;
            int row = j * outPadded;
            for (int i = 0; i < outPadded; i += S.length()) {
                FloatVector a = FloatVector.fromArray(S, acc, i);
                FloatVector w = FloatVector.fromArray(S, weightT, row + i);
                a.add(w.mul(xj)).intoArray(acc, i);
            }
        }
    }
}
