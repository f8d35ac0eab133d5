package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * The parts of one lane group's float LIF step that the vector loops share: clearing the
 * accumulators, the refractory counters, the spike list. They take arrays, an index and masks as
 * {@code long} bits, never a vector, so a call C2 does not inline costs time but allocates
 * nothing (a vector crossing a call that is not inlined is boxed); inlined, C2 folds the
 * repeated loads and the mask-to-bits round trips away.
 */
final class LaneSteps {
    private LaneSteps() {}

    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;

    /**
     * Zeroes the accumulators {@code current} and {@code dv} of lane group {@code i}, only where
     * either is not zero already: stores bound the loops, and a population whose inputs are all
     * folded into the kernel (constant inputs, fused currents, as CUBA's) never fills them.
     */
    static void clearWhereSet(float[] current, float[] dv, int i) {
        IntVector set = FloatVector.fromArray(F, current, i).reinterpretAsInts().or(FloatVector.fromArray(F, dv, i).reinterpretAsInts());
        if (set.compare(VectorOperators.NE, 0).anyTrue()) {
            FloatVector.zero(F).intoArray(current, i);
            FloatVector.zero(F).intoArray(dv, i);
        }
    }

    /** The lanes of group {@code i} still refractory (held at v_reset, unable to spike), as mask bits. */
    static long held(int[] refractory, int i) {
        return IntVector.fromArray(I, refractory, i).compare(VectorOperators.GT, 0).toLong();
    }

    /**
     * Counts down the refractory lanes of group {@code i}, starts the hold of the lanes in
     * {@code spikes} (mask bits, disjoint from the held ones) and appends them to the spike list
     * from {@code spikesOut[count]} on; returns the new count.
     */
    static int advance(int[] refractory, int[] hold, int i, long spikes, int[] spikesOut, int count) {
        IntVector left = IntVector.fromArray(I, refractory, i);
        left = left.lanewise(VectorOperators.SUB, 1, left.compare(VectorOperators.GT, 0));
        if (spikes != 0) {
            left = left.blend(IntVector.fromArray(I, hold, i), VectorMask.fromLong(I, spikes));
            count = appendSpikes(spikes, i, spikesOut, count);
        }
        left.intoArray(refractory, i);
        return count;
    }

    /** Writes {@code base + b} for every set bit {@code b} of {@code bits} from {@code out[count]} on, ascending; returns the new count. */
    static int appendSpikes(long bits, int base, int[] out, int count) {
        while (bits != 0) {
            out[count++] = base + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return count;
    }
}
