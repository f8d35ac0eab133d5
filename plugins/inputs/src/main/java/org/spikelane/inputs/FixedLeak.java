package org.spikelane.inputs;

/**
 * The one-step loss {@code round(x e)} of a decaying int state, {@code e = 1 - e^{-dt/tau}},
 * quantized as {@code leak = round(e 2^(16 + shift))} with the largest shift that keeps it within
 * 16 bits (so that the 32-bit split product of the vector paths cannot overflow, and the effective
 * tau is within about 2^-16 relative whatever its length; see {@link FixedExponentialPulses}).
 * The rounding addend {@code 2^(15 + shift)} is split for the split product: {@code lowAddend}
 * enters the low half when {@code shift = 0}, else {@code highAddend} the high half.
 */
record FixedLeak(int leak, int shift, int lowAddend, int highAddend) {
    static final int LOW_BITS = 16;

    /** @param e the fraction lost per step, in [0, 1] */
    static FixedLeak of(double e) {
        int s = 0;
        while (s < 29 && Math.rint(Math.scalb(e, LOW_BITS + s + 1)) < 1 << LOW_BITS) s++;
        int leak = (int) Math.rint(Math.scalb(e, LOW_BITS + s));
        return new FixedLeak(leak, s, s == 0 ? 1 << (LOW_BITS - 1) : 0, s == 0 ? 0 : 1 << (s - 1));
    }

    /** {@code round(x e)} in long arithmetic: the scalar reference. */
    int of(int x) {
        int bits = LOW_BITS + shift;
        return (int) (((long) x * leak + (1L << (bits - 1))) >> bits);
    }

    /** The quantized {@code e}. */
    double fraction() { return Math.scalb((double) leak, -(LOW_BITS + shift)); }
}
