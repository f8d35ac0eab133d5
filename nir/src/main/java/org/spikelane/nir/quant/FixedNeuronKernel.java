package org.spikelane.nir.quant;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.Rounding;
import org.spikelane.simd.Simd;

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
 * {@code c} is {@code r I} in LSB_v.
 *
 * <p>Two paths that agree bit for bit: {@link #scalarStep} (the reference, long arithmetic) and
 * {@link #vectorStep} on {@link Simd#INT} lanes, with {@link org.spikelane.fixed.IntLanes}'s split
 * multiply written out in the loop, whole lane groups first and the scalar path for the tail; the
 * engine's choice ({@link Simd#useVectorKernels}) picks the path. Int lanes hold every value
 * exactly: |v| &lt; 2^27 and |c|, |d| &lt; 2^29 by saturation, so {@code rest + d}, {@code c - d}
 * and the exact step's sum of three terms stay below 2^31 (checked when the kernel is built).
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
    private final boolean vector;
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    /** Per-run integer state. */
    static final class Work {
        final int[] v;
        final int[] c;
        /** Vector path only: the step's drive and v before saturation, one pass to the next. */
        final int[] drive;
        final int[] next;
        final long[] overflows = new long[3];

        Work(int n) {
            v = new int[n];
            c = new int[n];
            drive = new int[n];
            next = new int[n];
        }
    }

    FixedNeuronKernel(int n, NeuronParams.Kind kind, boolean exact, boolean subtract, int shift, double lsbV, int[] rest,
                      int[] threshold, int[] reset, int[] dm, int[] ds, int[] cross, float[] currentScale, boolean vector) {
        super(n, kind.current);
        if (PROFILE.rounding() != Rounding.NEAREST || PROFILE.decayBits() != 16
                || 2L * PROFILE.voltageLimit() + 3L * PROFILE.currentLimit() >= Integer.MAX_VALUE) {
            throw new IllegalStateException("the fixed neuron kernel's int lanes assume Q16 rounding to nearest and 2 |v| + 3 |c| below 2^31");
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs((long) rest[i]) > PROFILE.voltageLimit()) throw new IllegalStateException("rest " + rest[i] + " beyond the voltage limit");
            for (int[] m : new int[][] {dm, ds, cross}) {
                if (m != null && (m[i] < 0 || m[i] > 1 << 16)) throw new IllegalStateException("multiplier " + m[i] + " outside [0, 2^16]");
            }
        }
        this.vector = vector;
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
        int from = vector ? vectorStep(in, state, w, out) : 0;
        scalarStep(in, state, w, out, from, n);
    }

    /** The reference: neurons {@code [from, to)} in long arithmetic with {@link FixedMath}. */
    void scalarStep(float[] in, float[][] state, Work w, float[] out, int from, int to) {
        int vLimit = PROFILE.voltageLimit(), cLimit = PROFILE.currentLimit(), bits = PROFILE.decayBits();
        var rounding = PROFILE.rounding();
        long[] overflows = w.overflows;
        for (int i = from; i < to; i++) {
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

    /**
     * The whole lane groups of the step on int lanes, the same operations as {@link #scalarStep};
     * returns where the scalar tail starts. Three passes, each a loop of straight-line vector code
     * (a vector chosen between branches inside one loop is boxed by the JIT, so every choice of
     * node type and reset is a loop of its own): the drive, then v before saturation by node type,
     * then saturation, threshold and reset. Products are {@code mulFloor(x, m, 16, 2^15)} split as
     * {@code (x >> 16) m + (((x & 0xFFFF) m + 2^15) >>> 16)}, exact for {@code 0 <= m <= 2^16}.
     */
    int vectorStep(float[] in, float[][] state, Work w, float[] out) {
        int upper = I.loopBound(n);
        vectorDrive(in, w, upper);
        if (!kind.current && !kind.leaks) vectorIntegrate(w, upper);
        else if (!kind.current) vectorLeak(w, upper);
        else if (exact) vectorCurrentExact(w, upper);
        else vectorCurrentEuler(w, upper);
        if (kind.fires) vectorFire(state, w, out, upper);
        else vectorReadout(state, w, out, upper);
        return upper;
    }

    /** {@code d = saturate(in << shift)}: x << shift leaves [-cLimit, cLimit] exactly when |x| > cLimit >> shift. */
    private void vectorDrive(float[] in, Work w, int upper) {
        int cLimit = PROFILE.currentLimit(), q = cLimit >> shift;
        long saturated = 0;
        for (int i = 0; i < upper; i += I.length()) {
            IntVector x = (IntVector) FloatVector.fromArray(F, in, i).convert(VectorOperators.F2I, 0);
            VectorMask<Integer> high = x.compare(VectorOperators.GT, q);
            VectorMask<Integer> low = x.compare(VectorOperators.LT, -q);
            saturated += high.or(low).trueCount();
            x.lanewise(VectorOperators.LSHL, shift).blend(cLimit, high).blend(-cLimit, low).intoArray(w.drive, i);
        }
        w.overflows[DRIVE] += saturated;
    }

    /** IF, I: v + d. */
    private void vectorIntegrate(Work w, int upper) {
        for (int i = 0; i < upper; i += I.length()) {
            IntVector.fromArray(I, w.v, i).add(IntVector.fromArray(I, w.drive, i)).intoArray(w.next, i);
        }
    }

    /** LIF, LI: (rest + d) + mul(v - (rest + d), dm). */
    private void vectorLeak(Work w, int upper) {
        for (int i = 0; i < upper; i += I.length()) {
            IntVector vInf = IntVector.fromArray(I, rest, i).add(IntVector.fromArray(I, w.drive, i));
            IntVector t = IntVector.fromArray(I, w.v, i).sub(vInf);
            IntVector m = IntVector.fromArray(I, dm, i);
            vInf.add(t.lanewise(VectorOperators.ASHR, 16).mul(m)
                    .add(t.lanewise(VectorOperators.AND, 0xFFFF).mul(m).add(1 << 15).lanewise(VectorOperators.LSHR, 16))).intoArray(w.next, i);
        }
    }

    /** CubaLIF, CubaLI, euler: c' = d + mul(c - d, ds); v' from the c before the step. */
    private void vectorCurrentEuler(Work w, int upper) {
        int cLimit = PROFILE.currentLimit();
        long saturated = 0;
        for (int i = 0; i < upper; i += I.length()) {
            IntVector d = IntVector.fromArray(I, w.drive, i);
            IntVector c = IntVector.fromArray(I, w.c, i);
            IntVector diff = c.sub(d);
            IntVector ms = IntVector.fromArray(I, ds, i);
            IntVector cNew = d.add(diff.lanewise(VectorOperators.ASHR, 16).mul(ms)
                    .add(diff.lanewise(VectorOperators.AND, 0xFFFF).mul(ms).add(1 << 15).lanewise(VectorOperators.LSHR, 16)));
            saturated += cNew.compare(VectorOperators.GT, cLimit).or(cNew.compare(VectorOperators.LT, -cLimit)).trueCount();
            cNew.max(-cLimit).min(cLimit).intoArray(w.c, i);
            IntVector vInf = IntVector.fromArray(I, rest, i).add(c);
            IntVector t = IntVector.fromArray(I, w.v, i).sub(vInf);
            IntVector mm = IntVector.fromArray(I, dm, i);
            vInf.add(t.lanewise(VectorOperators.ASHR, 16).mul(mm)
                    .add(t.lanewise(VectorOperators.AND, 0xFFFF).mul(mm).add(1 << 15).lanewise(VectorOperators.LSHR, 16))).intoArray(w.next, i);
        }
        w.overflows[C] += saturated;
    }

    /** CubaLIF, CubaLI, exact: c' as euler; v' = (rest + d) + mul(v - (rest + d), dm) + mul(c - d, k). */
    private void vectorCurrentExact(Work w, int upper) {
        int cLimit = PROFILE.currentLimit();
        long saturated = 0;
        for (int i = 0; i < upper; i += I.length()) {
            IntVector d = IntVector.fromArray(I, w.drive, i);
            IntVector diff = IntVector.fromArray(I, w.c, i).sub(d);
            IntVector ms = IntVector.fromArray(I, ds, i);
            IntVector cNew = d.add(diff.lanewise(VectorOperators.ASHR, 16).mul(ms)
                    .add(diff.lanewise(VectorOperators.AND, 0xFFFF).mul(ms).add(1 << 15).lanewise(VectorOperators.LSHR, 16)));
            saturated += cNew.compare(VectorOperators.GT, cLimit).or(cNew.compare(VectorOperators.LT, -cLimit)).trueCount();
            cNew.max(-cLimit).min(cLimit).intoArray(w.c, i);
            IntVector vInf = IntVector.fromArray(I, rest, i).add(d);
            IntVector t = IntVector.fromArray(I, w.v, i).sub(vInf);
            IntVector mm = IntVector.fromArray(I, dm, i);
            IntVector mk = IntVector.fromArray(I, cross, i);
            vInf.add(t.lanewise(VectorOperators.ASHR, 16).mul(mm)
                    .add(t.lanewise(VectorOperators.AND, 0xFFFF).mul(mm).add(1 << 15).lanewise(VectorOperators.LSHR, 16)))
                    .add(diff.lanewise(VectorOperators.ASHR, 16).mul(mk)
                            .add(diff.lanewise(VectorOperators.AND, 0xFFFF).mul(mk).add(1 << 15).lanewise(VectorOperators.LSHR, 16)))
                    .intoArray(w.next, i);
        }
        w.overflows[C] += saturated;
    }

    /** LI, CubaLI, I: v saturated, the output is v in the file's unit. */
    private void vectorReadout(float[][] state, Work w, float[] out, int upper) {
        int vLimit = PROFILE.voltageLimit();
        long saturated = 0;
        for (int i = 0; i < upper; i += I.length()) {
            IntVector vNew = IntVector.fromArray(I, w.next, i);
            saturated += vNew.compare(VectorOperators.GT, vLimit).or(vNew.compare(VectorOperators.LT, -vLimit)).trueCount();
            IntVector v = vNew.max(-vLimit).min(vLimit);
            v.intoArray(w.v, i);
            FloatVector volts = ((FloatVector) v.convert(VectorOperators.I2F, 0)).mul(lsbV);
            volts.intoArray(out, i);
            volts.intoArray(state[0], i);
        }
        w.overflows[V] += saturated;
        recordCurrent(state, w, upper);
    }

    /**
     * Spiking types: v' > vth spikes, and v becomes v_reset (reset value) or v' - vth saturated
     * (reset subtract, not counted, as in the scalar path). Both candidates are formed and one is
     * chosen by an all-lanes mask, so the loop stays free of branches between vectors.
     */
    private void vectorFire(float[][] state, Work w, float[] out, int upper) {
        int vLimit = PROFILE.voltageLimit();
        long saturated = 0;
        VectorMask<Integer> bySubtraction = I.maskAll(subtract);
        for (int i = 0; i < upper; i += I.length()) {
            IntVector vNew = IntVector.fromArray(I, w.next, i);
            saturated += vNew.compare(VectorOperators.GT, vLimit).or(vNew.compare(VectorOperators.LT, -vLimit)).trueCount();
            IntVector vSat = vNew.max(-vLimit).min(vLimit);
            IntVector th = IntVector.fromArray(I, threshold, i);
            VectorMask<Integer> spike = vSat.compare(VectorOperators.GT, th);
            IntVector after = IntVector.fromArray(I, reset, i).blend(vSat.sub(th).max(-vLimit).min(vLimit), bySubtraction);
            IntVector v = vSat.blend(after, spike);
            v.intoArray(w.v, i);
            FloatVector.zero(F).blend(1f, spike.cast(F)).intoArray(out, i);
            ((FloatVector) v.convert(VectorOperators.I2F, 0)).mul(lsbV).intoArray(state[0], i);
        }
        w.overflows[V] += saturated;
        recordCurrent(state, w, upper);
    }

    /** The recorded I of the current-based types: c times LSB_v / r. */
    private void recordCurrent(float[][] state, Work w, int upper) {
        if (!kind.current) return;
        for (int i = 0; i < upper; i += I.length()) {
            ((FloatVector) IntVector.fromArray(I, w.c, i).convert(VectorOperators.I2F, 0)).mul(FloatVector.fromArray(F, currentScale, i))
                    .intoArray(state[1], i);
        }
    }
}
