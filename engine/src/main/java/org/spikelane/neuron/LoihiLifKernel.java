package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.IntLanes;
import org.spikelane.fixed.OverflowTally;
import org.spikelane.simd.Simd;
import org.spikelane.state.StateDeclarer;

/**
 * One step of Lava's {@code PyLifModelBitAcc}, bit for bit, on a {@link LoihiLifState}:
 * <pre>{@code
 * u <- wrap24(sign(u) ((|u| (4096 - (du + 1))) >> 12) + (a_in << 6))
 * v <- clip(sign(v) ((|v| (4096 - dv)) >> 12) + u + (bias_mant << bias_exp), -(2^23 - 1), 2^23 - 1)
 * spike if v > vth << 6; then v = 0 (u is kept; no refractory period)
 * }</pre>
 * {@code a_in} is what projections delivered in phase DELIVERY of the previous step (Lava's one-step
 * Dense delay). With physical parameters ({@link LoihiPhysicalMapping}) the input plugins' float
 * current ({@link LoihiLifState#inputCurrent}) is first turned into a bias of the step
 * ({@link #quantizeInputs}) and added with {@code bias}; with raw parameters there is no input
 * current and that input bias stays 0. The vector path uses the 12-bit split multiply of {@link IntLanes}, written
 * out in its loop, and is tested bit-identical to the scalar one.
 */
public final class LoihiLifKernel implements LifKernel<LoihiLifState> {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final int LIMIT = LoihiLifState.MAX_UV - 1;

    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final float MAX_BIAS = LoihiLifState.MAX_BIAS;

    private final boolean vector;

    /** @param vector the Vector API path, or the scalar reference */
    public LoihiLifKernel(boolean vector) { this.vector = vector; }

    /** With physical parameters (the state has an input current) the inputs become the step's bias first. */
    @Override
    public int step(LoihiLifState s, long step, int from, int to, int[] spikesOut, int offset) {
        if (s.inputCurrent != null) {
            if (vector) vectorQuantizeInputs(s, s.inputCurrent, from, to); else quantizeInputs(s, s.inputCurrent, from, to);
        }
        return vector ? vectorStep(s, from, to, spikesOut, offset) : scalarStep(s, from, to, spikesOut, offset);
    }

    /**
     * The chip's bias for a drive of {@code y} bias units: truncated toward zero to an int, clipped
     * to {@code +-(4095 << 7)}, then to a 13-bit mantissa with the smallest exponent that holds it
     * ({@code bias_mant << bias_exp}, mantissa truncated toward zero).
     */
    public static int bias(float y) {
        int b = (int) Math.max(-MAX_BIAS, Math.min(MAX_BIAS, y));
        int a = Math.abs(b);
        int exp = 32 - Integer.numberOfLeadingZeros(a >>> 12);
        int q = (a >>> exp) << exp;
        return b < 0 ? -q : q;
    }

    /** Reference: each neuron's input current becomes its bias of the step; the current is consumed. */
    public static void quantizeInputs(LoihiLifState s, float[] current, int from, int to) {
        for (int i = from, end = Math.min(to, s.size); i < end; i++) {
            float y = current[i] * s.inputScale[i];
            if (Math.abs(y) > MAX_BIAS) OverflowTally.add(s.overflows, LoihiLifState.INPUT_SATURATIONS, 1);
            s.inputBias[i] = bias(y);
            current[i] = 0f;
        }
    }

    public static void vectorQuantizeInputs(LoihiLifState s, float[] current, int from, int to) {
        FloatVector zero = FloatVector.zero(F);
        for (int i = from; i < to; i += F.length()) {
            FloatVector y = FloatVector.fromArray(F, current, i).mul(FloatVector.fromArray(F, s.inputScale, i));
            VectorMask<Float> saturated = y.abs().compare(VectorOperators.GT, MAX_BIAS);
            if (saturated.anyTrue()) OverflowTally.add(s.overflows, LoihiLifState.INPUT_SATURATIONS, saturated.trueCount());
            IntVector b = (IntVector) y.max(-MAX_BIAS).min(MAX_BIAS).convert(VectorOperators.F2I, 0);
            IntVector a = b.abs();
            IntVector exp = a.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.LEADING_ZEROS_COUNT).neg().add(32);
            IntVector q = a.lanewise(VectorOperators.LSHR, exp).lanewise(VectorOperators.LSHL, exp);
            q.blend(q.neg(), b.compare(VectorOperators.LT, 0)).intoArray(s.inputBias, i);
            zero.intoArray(current, i);
        }
    }

    /** Reference: products in long, as Lava forms them in int64. */
    public static int scalarStep(LoihiLifState s, int from, int to, int[] spikesOut, int offset) {
        int count = offset;
        for (int i = from, end = Math.min(to, s.size); i < end; i++) {
            // Lava adds a_in << 6 to the int32 decayed current, so the sum is int arithmetic
            long u = FixedMath.mulTruncate(s.u[i], s.uMultiplier[i], LoihiLifState.DECAY_BITS) + (s.aIn[i] << LoihiLifState.SHIFT);
            long wrapped = FixedMath.wrapLava(u, LoihiLifState.BITS);
            if (wrapped != u) OverflowTally.add(s.overflows, LoihiLifState.U_WRAPS, 1);
            s.u[i] = (int) wrapped;
            s.aIn[i] = 0;
            long v = (long) FixedMath.mulTruncate(s.v[i], s.vMultiplier[i], LoihiLifState.DECAY_BITS) + wrapped + s.bias[i]
                    + s.inputBias[i];
            long clipped = FixedMath.saturate(v, LIMIT);
            if (clipped != v) OverflowTally.add(s.overflows, LoihiLifState.V_SATURATIONS, 1);
            if (clipped > s.threshold[i]) {
                s.v[i] = 0;
                spikesOut[count++] = i;
            } else {
                s.v[i] = (int) clipped;
            }
        }
        return count - offset;
    }

    /**
     * Every vector operation is written in the loop body (no helper takes or returns a vector:
     * where C2 does not inline such a helper the vector is boxed, see FixedNoAllocationTest).
     * Truncation toward zero is the floor of the split product with {@code 4095} added on
     * negative lanes: for {@code x < 0}, {@code floor((x m + 4095) / 4096) = ceil(x m / 4096)}.
     */
    public static int vectorStep(LoihiLifState s, int from, int to, int[] spikesOut, int offset) {
        final int bits = LoihiLifState.DECAY_BITS, low = (1 << bits) - 1, half = 1 << (LoihiLifState.BITS - 1);
        long wraps = 0, saturations = 0;
        int count = offset;
        IntVector zero = IntVector.zero(I);
        for (int i = from; i < to; i += I.length()) {
            // u <- wrap24(trunc(u m_u / 4096) + (a_in << 6))
            IntVector u = IntVector.fromArray(I, s.u, i);
            IntVector mu = IntVector.fromArray(I, s.uMultiplier, i);
            u = u.lanewise(VectorOperators.ASHR, bits).mul(mu)
                    .add(u.lanewise(VectorOperators.AND, low).mul(mu)
                            .add(u.lanewise(VectorOperators.ASHR, 31).lanewise(VectorOperators.AND, low))
                            .lanewise(VectorOperators.LSHR, bits))
                    .add(IntVector.fromArray(I, s.aIn, i).lanewise(VectorOperators.LSHL, LoihiLifState.SHIFT));
            VectorMask<Integer> high = u.compare(VectorOperators.GT, half);
            VectorMask<Integer> below = u.compare(VectorOperators.LE, -half);
            u = u.sub(2 * half, high).add(2 * half, below);
            u.intoArray(s.u, i);
            zero.intoArray(s.aIn, i);
            // v <- clip(trunc(v m_v / 4096) + u + bias + input bias)
            IntVector v = IntVector.fromArray(I, s.v, i);
            IntVector mv = IntVector.fromArray(I, s.vMultiplier, i);
            v = v.lanewise(VectorOperators.ASHR, bits).mul(mv)
                    .add(v.lanewise(VectorOperators.AND, low).mul(mv)
                            .add(v.lanewise(VectorOperators.ASHR, 31).lanewise(VectorOperators.AND, low))
                            .lanewise(VectorOperators.LSHR, bits))
                    .add(u).add(IntVector.fromArray(I, s.bias, i)).add(IntVector.fromArray(I, s.inputBias, i));
            IntVector clipped = v.max(-LIMIT).min(LIMIT);
            VectorMask<Integer> clip = clipped.compare(VectorOperators.NE, v);
            if (high.or(below).or(clip).anyTrue()) { // rare: count only then
                wraps += high.or(below).trueCount();
                saturations += clip.trueCount();
            }
            VectorMask<Integer> spike = clipped.compare(VectorOperators.GT, IntVector.fromArray(I, s.threshold, i));
            clipped.blend(zero, spike).intoArray(s.v, i);
            if (spike.anyTrue()) {
                long spikeBits = spike.toLong();
                while (spikeBits != 0) {
                    spikesOut[count++] = i + Long.numberOfTrailingZeros(spikeBits);
                    spikeBits &= spikeBits - 1;
                }
            }
        }
        OverflowTally.add(s.overflows, LoihiLifState.U_WRAPS, wraps);
        OverflowTally.add(s.overflows, LoihiLifState.V_SATURATIONS, saturations);
        return count - offset;
    }

    /** No state of its own: everything is in the {@link LoihiLifState} it is handed. */
    @Override
    public void declareState(StateDeclarer s) { }
}
