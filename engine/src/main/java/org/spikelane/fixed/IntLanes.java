package org.spikelane.fixed;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * The operations of {@link FixedMath} on {@link Simd#INT} lanes, without any 64-bit product.
 *
 * <p>Split multiply, for {@code 0 <= m <= 2^bits} ({@code bits <= 16}) and any int {@code x}:
 * {@code x = hi * 2^bits + lo} with {@code hi = x >> bits} and {@code 0 <= lo < 2^bits}, so
 * {@code floor((x m + a) / 2^bits) = hi m + floor((lo m + a) / 2^bits)} exactly. The low product
 * plus the addend is below {@code 2^32}, so it is formed with int wrap-around and read as unsigned
 * by the logical shift; {@code |hi m| < 2^31} because {@code |hi| <= 2^(31-bits)}.
 *
 * <p>These methods are the tested reference form of each lane operation (against
 * {@link FixedMath} in long arithmetic). The kernels write the same operations out inside their
 * loops instead of calling them, because a vector passed to or returned from a method that C2
 * does not inline is boxed on the heap; a new kernel should do the same.
 */
public final class IntLanes {
    private IntLanes() {}

    private static final VectorSpecies<Integer> I = Simd.INT;

    /** {@link FixedMath#mulFloor} lane-wise; {@code addend} in {@code [0, 2^bits)}. */
    public static IntVector mulFloor(IntVector x, IntVector m, int bits, IntVector addend) {
        IntVector hi = x.lanewise(VectorOperators.ASHR, bits).mul(m);
        IntVector lo = x.lanewise(VectorOperators.AND, (1 << bits) - 1).mul(m).add(addend)
                .lanewise(VectorOperators.LSHR, bits);
        return hi.add(lo);
    }

    /** {@link FixedMath#mulFloor} with the same addend in every lane. */
    public static IntVector mulFloor(IntVector x, IntVector m, int bits, int addend) {
        IntVector hi = x.lanewise(VectorOperators.ASHR, bits).mul(m);
        IntVector lo = x.lanewise(VectorOperators.AND, (1 << bits) - 1).mul(m).add(addend)
                .lanewise(VectorOperators.LSHR, bits);
        return hi.add(lo);
    }

    /** {@link FixedMath#mulTruncate}: the floor product of {@code |x|} with the sign put back. */
    public static IntVector mulTruncate(IntVector x, IntVector m, int bits) {
        IntVector magnitude = mulFloor(x.abs(), m, bits, 0);
        return magnitude.blend(magnitude.neg(), x.compare(VectorOperators.LT, 0));
    }

    /**
     * Fills {@code out[0, out.length)} with {@link FixedMath#noise}{@code (seed, step, i) & mask}.
     * The whole loop is here, so no vector crosses a call: a helper returning one lane group's
     * noise was boxed (64 bytes per lane group per step) wherever C2 did not inline it.
     */
    public static void fillNoise(int seed, int step, int mask, int[] out) {
        fillNoise(seed, step, mask, out, 0, out.length);
    }

    /**
     * The same for {@code out[from, to)} only ({@code from} a multiple of the lane count, {@code to}
     * one too or {@code out.length}): a kernel running one neuron range fills just its addends.
     */
    public static void fillNoise(int seed, int step, int mask, int[] out, int from, int to) {
        IntVector iota = IntVector.zero(I).addIndex(1);
        for (int i = from; i < to; i += I.length()) {
            IntVector h = iota.add(i + seed).mul(0x9E3779B9).add(step * 0x632BE5AB);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
            h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).lanewise(VectorOperators.AND, mask)
                    .intoArray(out, i);
        }
    }

    /** {@link FixedMath#wrapLava} lane-wise; adds the number of wrapped lanes to {@code counter[slot]}. */
    public static IntVector wrapLava(IntVector x, int bits, long[] counter, int slot) {
        int half = 1 << (bits - 1);
        VectorMask<Integer> high = x.compare(VectorOperators.GT, half);
        VectorMask<Integer> low = x.compare(VectorOperators.LE, -half);
        if (!high.or(low).anyTrue()) return x;
        OverflowTally.add(counter, slot, high.or(low).trueCount());
        return x.sub(2 * half, high).add(2 * half, low);
    }

    /**
     * Clips to {@code [-limit, limit]}; adds the number of clipped lanes to {@code counter[slot]}.
     * Branch-free, as the kernels write it.
     */
    public static IntVector saturate(IntVector x, int limit, long[] counter, int slot) {
        VectorMask<Integer> out = x.compare(VectorOperators.GT, limit).or(x.compare(VectorOperators.LT, -limit));
        OverflowTally.add(counter, slot, out.trueCount());
        return x.max(-limit).min(limit);
    }
}
