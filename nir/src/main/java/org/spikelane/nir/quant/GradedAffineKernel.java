package org.spikelane.nir.quant;

import org.spikelane.nir.kernel.NodeKernel;

/**
 * An Affine or Linear node fed by an Input node under precision loihi: Lava's Dense on graded
 * spikes (docs/nir.md, "Graded inputs under loihi"). Each input value x becomes a payload
 * {@code p = round(64 x)} (1/64 of the input's unit, Lava-DL's 6 fractional bits of a graded
 * spike; ties to even), saturated to a signed 24-bit message; the Dense sum multiplies each 8-bit
 * weight mantissa by its payload, {@code a_in = floor((sum_j m_ij p_j) 2^(e+1) / 64) + bias_i},
 * saturated to 24 bits. A spike (x = 1, p = 64) gives exactly {@code m 2^(e+1)}, the binary
 * Dense's integer, so a graph on spikes runs as before. Sums are in long: no product or sum of
 * 24-bit payloads and 8-bit mantissas over the node's inputs comes near 2^63 (checked when built).
 * Scalar only: integer loops with no float counterpart to agree with.
 */
final class GradedAffineKernel implements NodeKernel {
    /** Payload units per unit of the input: Lava-DL's graded spikes carry 6 fractional bits. */
    static final int PAYLOAD_SCALE = 64;
    static final int PAYLOAD_FRACTION_BITS = 6;
    /** Lava's graded messages and the Dense sum are signed 24-bit integers. */
    static final long LIMIT = (1L << 23) - 1;

    private final int in, out;
    /** The 8-bit mantissas transposed, [in][out], so one input's column is contiguous in the inner loop. */
    private final long[] mantissaT;
    /** The weight exponent's shift, e + 1 (the mantissas are of even 9-bit weights). */
    private final int shift;
    private final long[] bias;

    static final class Work {
        final long[] acc;
        long overflows;

        Work(int out) {
            acc = new long[out];
        }
    }

    /** @param mantissa row-major [out][in], as NIR stores the weights */
    GradedAffineKernel(int[] mantissa, int shift, long[] bias, int out, int in) {
        if ((long) in * 128 * (LIMIT + 1) > (Long.MAX_VALUE >> (shift + 1))) {
            throw new IllegalArgumentException("graded Affine with " + in + " inputs could overflow its long sum");
        }
        this.mantissaT = new long[in * out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) mantissaT[j * out + i] = mantissa[i * in + j];
        }
        this.shift = shift;
        this.bias = bias;
        this.out = out;
        this.in = in;
    }

    @Override public int inputSize() { return in; }

    @Override public int outputSize() { return out; }

    @Override public Object newWork() { return new Work(out); }

    @Override public long overflows(Object work) { return ((Work) work).overflows; }

    @Override
    public void initialOutput(float[] y) {
        for (int i = 0; i < out; i++) y[i] = bias[i];
    }

    @Override
    public void step(int step, float[] x, float[][] state, float[] y) {
        throw new IllegalStateException("a graded Affine runs with its work object");
    }

    @Override
    public void step(int step, float[] x, float[][] state, Object workObject, float[] y) {
        Work w = (Work) workObject;
        long[] acc = w.acc;
        java.util.Arrays.fill(acc, 0L);
        for (int j = 0; j < in; j++) {
            if (x[j] == 0f) continue; // silent spikes, the usual case
            long p = x[j] == 1f ? PAYLOAD_SCALE : Math.round(Math.rint(x[j] * (double) PAYLOAD_SCALE)); // a spike, or a graded value
            if (p > LIMIT || p < -LIMIT - 1) {
                w.overflows++;
                p = Math.max(-LIMIT - 1, Math.min(LIMIT, p));
            }
            for (int i = 0, c = j * out; i < out; i++) acc[i] += mantissaT[c + i] * p;
        }
        for (int i = 0; i < out; i++) {
            // Lava shifts the Dense sum by the weight exponent; >> is the floor, as numpy's right_shift
            long a = ((acc[i] << shift) >> PAYLOAD_FRACTION_BITS) + bias[i];
            if (a > LIMIT || a < -LIMIT - 1) {
                w.overflows++;
                a = Math.max(-LIMIT - 1, Math.min(LIMIT, a));
            }
            y[i] = a; // |a| < 2^24: exact in float
        }
    }
}
