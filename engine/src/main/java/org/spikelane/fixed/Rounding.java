package org.spikelane.fixed;

/**
 * How a fixed-point product drops its fractional bits.
 *
 * <p>{@link #TRUNCATE} rounds toward zero (Loihi: {@code sign(x) * ((|x| * m) >> bits)}); it loses
 * on average half an LSB of magnitude per multiply, so decaying quantities shrink faster than
 * ideal. {@link #NEAREST} rounds half up (adds {@code 2^(bits-1)} before the floor); it is unbiased
 * except at exact halves but has a dead band: a value with {@code |x| (1 - d) < 0.5} LSB stops
 * decaying. {@link #STOCHASTIC} adds a pseudo-random {@code bits}-bit addend before the floor, so the
 * expected result is exact; the addend comes from a counter hash of (seed, step, neuron), the same
 * in the vector and the scalar kernels.
 */
public enum Rounding {
    TRUNCATE, NEAREST, STOCHASTIC
}
