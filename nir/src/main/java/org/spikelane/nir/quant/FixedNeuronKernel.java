package org.spikelane.nir.quant;

import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.fixed.FixedMath;

/**
 * A neuron node (LIF, CubaLIF, CubaLI, LI, IF, I) under precision fixed: the engine's
 * {@link ArithmeticProfile#FIXED} arithmetic (Q16 multipliers, products rounded to nearest by
 * {@link FixedMath#mul}, v saturating at 28 bits, the current at 30) on int state in units of the
 * node's {@code LSB_v} (docs/nir.md, "Precision fixed"). The input of a step is the integer sum
 * its quantized Affine nodes deliver, in units of {@code LSB_v 2^shift}; it is already scaled by
 * the neuron's gain ({@code r}, {@code r w_in} or {@code dt r}), so a step is:
 * <pre>{@code
 * d = in << shift                                                       (saturate, counted as drive)
 * LIF, LI:      v' = (rest + d) + mul(v - (rest + d), dm)
 * CubaLIF, CubaLI, euler: c' = d + mul(c - d, ds);  v' = (rest + c) + mul(v - (rest + c), dm)   (c before the step)
 * CubaLIF, CubaLI, exact: c' = d + mul(c - d, ds);  v' = (rest + d) + mul(v - (rest + d), dm) + mul(c - d, k)
 * IF, I:        v' = v + d
 * }</pre>
 * then the threshold {@code v' > vth} and the reset (value or subtract) for the spiking types.
 * {@code c} is {@code r I} in LSB_v. Scalar only: the graphs are small and a batch runs its samples
 * on threads instead.
 */
final class FixedNeuronKernel extends IntegerNeuronKernel {
    static final ArithmeticProfile PROFILE = ArithmeticProfile.FIXED;
    /** Overflow slots: v saturated, c (r I) saturated, the step's drive saturated. */
    static final int V = 0, C = 1, DRIVE = 2;

    private final NeuronParams.Kind kind;
    private final boolean exact;
    private final boolean subtract;
    private final int shift;
    private final float lsbV;
    private final int[] rest;
    private final int[] threshold;
    private final int[] reset;
    private final int[] dm;
    private final int[] ds;
    private final int[] cross;
    /** LSB_v / r per neuron: turns c back into I for recording (0 where r is 0). */
    private final float[] currentScale;

    /** Per-run integer state. */
    static final class Work {
        final int[] v;
        final int[] c;
        final long[] overflows = new long[3];

        Work(int n) {
            v = new int[n];
            c = new int[n];
        }
    }

    FixedNeuronKernel(int n, NeuronParams.Kind kind, boolean exact, boolean subtract, int shift, double lsbV, int[] rest,
                      int[] threshold, int[] reset, int[] dm, int[] ds, int[] cross, float[] currentScale) {
        super(n, kind.current);
        this.kind = kind;
        this.exact = exact;
        this.subtract = subtract;
        this.shift = shift;
        this.lsbV = (float) lsbV;
        this.rest = rest;
        this.threshold = threshold;
        this.reset = reset;
        this.dm = dm;
        this.ds = ds;
        this.cross = cross;
        this.currentScale = currentScale;
    }





    @Override public Object newWork() { return new Work(n); }

    @Override public boolean spiking() { return kind.fires; }

    @Override public long overflows(Object work) {
        long[] o = ((Work) work).overflows;
        return o[V] + o[C] + o[DRIVE];
    }


    @Override
    public void step(int step, float[] in, float[][] state, Object workObject, float[] out) {
        Work w = (Work) workObject;
        int vLimit = PROFILE.voltageLimit(), cLimit = PROFILE.currentLimit(), bits = PROFILE.decayBits();
        var rounding = PROFILE.rounding();
        long[] overflows = w.overflows;
        for (int i = 0; i < n; i++) {
            // the input is an exact integer in a float (QuantizedAffine keeps every sum below 2^24)
            long drive0 = ((long) in[i]) << shift;
            int d = (int) FixedMath.saturate(drive0, cLimit);
            if (d != drive0) overflows[DRIVE]++;
            int v = w.v[i];
            long vNew;
            if (kind.current) {
                int c = w.c[i];
                long cNew = (long) d + FixedMath.mul(c - d, ds[i], bits, rounding, 0);
                int cSat = (int) FixedMath.saturate(cNew, cLimit);
                if (cSat != cNew) overflows[C]++;
                w.c[i] = cSat;
                if (exact) {
                    long vInf = (long) rest[i] + d;
                    vNew = vInf + FixedMath.mul((int) (v - vInf), dm[i], bits, rounding, 0) + FixedMath.mul(c - d, cross[i], bits, rounding, 0);
                } else {
                    long vInf = (long) rest[i] + c;
                    vNew = vInf + FixedMath.mul((int) (v - vInf), dm[i], bits, rounding, 0);
                }
            } else if (kind.leaks) {
                long vInf = (long) rest[i] + d;
                vNew = vInf + FixedMath.mul((int) (v - vInf), dm[i], bits, rounding, 0);
            } else {
                vNew = (long) v + d;
            }
            int vSat = (int) FixedMath.saturate(vNew, vLimit);
            if (vSat != vNew) overflows[V]++;
            if (kind.fires) {
                boolean spike = vSat > threshold[i];
                w.v[i] = spike ? (subtract ? (int) FixedMath.saturate((long) vSat - threshold[i], vLimit) : reset[i]) : vSat;
                out[i] = spike ? 1f : 0f;
            } else {
                w.v[i] = vSat;
                out[i] = vSat * lsbV;
            }
            state[0][i] = w.v[i] * lsbV;
            if (kind.current) state[1][i] = w.c[i] * currentScale[i];
        }
    }
}
