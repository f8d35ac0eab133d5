package org.spikelane.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Adds to an overflow counter that ranges of one step running on different threads share. The
 * add is atomic, so the total is the same for any split; it is taken only when something
 * overflowed (kernels count in locals and add once per range), so the quiet path pays nothing.
 */
public final class OverflowTally {
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

    private OverflowTally() {}

    /** {@code counts[slot] += n}, atomically; nothing when {@code n == 0}. */
    public static void add(long[] counts, int slot, long n) {
        if (n != 0) COUNTS.getAndAdd(counts, slot, n);
    }
}
