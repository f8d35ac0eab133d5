package org.spikelane.spi;

/**
 * A fixed-point exponential synaptic current that the target's LIF kernel advances in its own
 * pass over the neurons instead of the synapse taking a pass of its own ({@link FixedTarget#fuse}):
 * each step, per neuron {@code i} and before the kernel reads the jump accumulator,
 * <pre>
 *   jump[i]   = saturate(jump[i] + ((effect[i] + 2^(F-1)) >> F), +-jumpLimit)   (a clip counted as dv)
 *   effect[i] = effect[i] - leak(effect[i])
 * </pre>
 * with {@code leak(x) = floor((x leak + 2^(B-1)) / 2^B)}, {@code B = 16 + leakShift}, exactly
 * the synapse kernel's own step ({@code FixedCurrentKernel} in plugins/synapses). The int
 * arithmetic of the vector path cannot wrap: {@code |effect| <= 2^29} (the kick saturates there
 * and the leak only shrinks it) and the jump sum is within {@code +-jumpLimit < 2^30} before the
 * add of a term below {@code 2^28}.
 *
 * <p>{@link #fused()} is decided at build time: a projection into the same population built
 * later whose kernel is not fused takes back every earlier channel (it may add to the jump in
 * its own update pass, and saturating sums must keep the projection order); the synapse kernel
 * then runs its own pass as before.
 */
public final class FixedExponentialChannel {
    /** Bits of the low half of the split product. */
    public static final int LOW_BITS = 16;

    /** The state in LSB_v / 2^{@link #fractionBits}, padded, owned (and declared) by the synapse kernel. */
    public final int[] effect;
    public final int fractionBits;
    /** {@code 2^(fractionBits - 1)}: the jump is rounded to nearest. */
    public final int half;
    /** The leak multiplier, at most 2^16, and its extra shift. */
    public final int leak, leakShift;
    /** The leak's rounding addend {@code 2^(B-1)}, split over the low and high halves of the product. */
    public final int lowAddend, highAddend;
    /** Bound of the jump accumulator after this channel's add. */
    public final int jumpLimit;
    private boolean fused = true;

    public FixedExponentialChannel(int[] effect, int fractionBits, int leak, int leakShift, int lowAddend, int highAddend,
                                   int jumpLimit) {
        this.effect = effect;
        this.fractionBits = fractionBits;
        this.half = 1 << (fractionBits - 1);
        this.leak = leak;
        this.leakShift = leakShift;
        this.lowAddend = lowAddend;
        this.highAddend = highAddend;
        this.jumpLimit = jumpLimit;
    }

    /** Whether the LIF kernel advances this channel (else its synapse kernel does, in its update). */
    public boolean fused() { return fused; }

    /** Build time only: hands the channel back to its synapse kernel. */
    public void unfuse() { fused = false; }

    /** {@code round(x e)}: the leak of one step, in long arithmetic (the scalar reference). */
    public int leakOf(int x) {
        int bits = LOW_BITS + leakShift;
        return (int) (((long) x * leak + (1L << (bits - 1))) >> bits);
    }
}
