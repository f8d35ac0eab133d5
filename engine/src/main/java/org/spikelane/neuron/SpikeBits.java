package org.spikelane.neuron;

/**
 * The spike list of one lane group: the set bits of a threshold mask ({@code VectorMask.toLong()})
 * as neuron indices, ascending. Shared by the float LIF loops; it takes the mask as a {@code long},
 * never as a vector, so it costs no allocation even where C2 does not inline it.
 */
final class SpikeBits {
    private SpikeBits() {}

    /** Writes {@code base + b} for every set bit {@code b} of {@code bits} from {@code out[count]} on; returns the new count. */
    static int append(long bits, int base, int[] out, int count) {
        while (bits != 0) {
            out[count++] = base + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return count;
    }
}
