package org.spikelane.net;

/**
 * The spikes of a source population over the last {@code maxDelay + 1} steps: a ring of spike
 * lists, one slot per step, preallocated to the population size so that nothing is allocated
 * while running. Slot {@code step mod length} holds step {@code step}'s spikes until it is
 * overwritten {@code length} steps later; steps never pushed (before the start) read as empty.
 */
final class SpikeRing {
    private final int[][] lists;
    private final int[] counts;
    private final long[] stepOf;

    SpikeRing(int maxDelay, int sourceSize) {
        int length = maxDelay + 1;
        lists = new int[length][sourceSize];
        counts = new int[length];
        stepOf = new long[length];
        java.util.Arrays.fill(stepOf, -1);
    }

    /** Stores the spikes of {@code step}; call once per step, steps ascending. */
    void push(long step, int[] spikes, int count) {
        int slot = slot(step);
        System.arraycopy(spikes, 0, lists[slot], 0, count);
        counts[slot] = count;
        stepOf[slot] = step;
    }

    /** Number of spikes of {@code step}; 0 if that step is not in the ring. */
    int count(long step) {
        if (step < 0) return 0;
        int slot = slot(step);
        return stepOf[slot] == step ? counts[slot] : 0;
    }

    /** The spike list of {@code step} (valid entries: {@link #count(long)}); do not modify. */
    int[] spikes(long step) { return lists[slot(step)]; }

    private int slot(long step) { return (int) Math.floorMod(step, (long) lists.length); }
}
