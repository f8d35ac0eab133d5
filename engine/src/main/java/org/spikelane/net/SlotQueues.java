package org.spikelane.net;

/**
 * The input in flight of one part of a {@link FutureInputRing}'s targets: per slot (step of
 * arrival modulo the ring's length) a queue of the row segments to add when the slot's step
 * comes, in the order they were delivered. An entry is three ints: which rows (a feeding
 * projection's synapse arrays, or the ring's restored input), and the first and end synapse of
 * the segment's part in this part's targets. All slots share one pool; slot {@code s} owns
 * entries {@code [start[s], start[s + 1])} of it and fills the first {@code size[s]}.
 *
 * <p>Why segments, not synapses: delivering a spike then costs three int stores per delay
 * segment (about 16 synapses in the microcircuit) instead of one random read-modify-write per
 * synapse into a dense ring of {@code slots x targets} floats far larger than a core's cache
 * (18.5 MB for the microcircuit); the synapses are read when their slot is drained and added
 * into one array of the targets' size, which stays in cache. The queues are small: 12 bytes per
 * segment in flight.
 *
 * <p>A slot grows by doubling only when a step needs more than it holds (the pool is laid out
 * again, once per doubling), so a run in its steady state allocates nothing. Only one thread
 * touches a part at a time (the ring's parts are the worker slices).
 */
final class SlotQueues {
    /** Ints per entry: rows, first synapse, end. */
    static final int INTS = 3;
    /** Smallest capacity, in entries, a slot grows to. */
    private static final int MIN_CAPACITY = 16;
    /** Largest pool in entries: the longest Java array over {@link #INTS}. */
    private static final long MAX_ENTRIES = (Integer.MAX_VALUE - 8) / INTS;

    private int[] pool;
    /** {@code length + 1} region starts, in entries. */
    private int[] start;
    /** Entries queued per slot. */
    private final int[] size;

    /** @param capacity initial entries per slot */
    SlotQueues(int length, int capacity) {
        this.start = new int[length + 1];
        for (int s = 0; s < length; s++) start[s + 1] = Math.addExact(start[s], capacity);
        this.size = new int[length];
        this.pool = new int[Math.multiplyExact(start[length], INTS)];
    }

    /** Queues synapses {@code [from, to)} of rows {@code rows} in slot {@code slot}, after what it holds. */
    void append(int slot, int rows, int from, int to) {
        int queued = size[slot];
        if (queued == start[slot + 1] - start[slot]) grow(slot);
        int at = (start[slot] + queued) * INTS;
        int[] p = pool;
        p[at] = rows;
        p[at + 1] = from;
        p[at + 2] = to;
        size[slot] = queued + 1;
    }

    /**
     * Adds slot {@code slot}'s synapses, entry after entry and each in row order, into
     * {@code sums[target]} ({@code targets[rows]}, {@code weights[rows]} hold the synapses of
     * rows {@code rows}), and empties the slot.
     */
    void drain(int slot, int[][] targets, float[][] weights, float[] sums) {
        int[] p = pool;
        for (int i = start[slot] * INTS, end = i + size[slot] * INTS; i < end; i += INTS) {
            int[] t = targets[p[i]];
            float[] w = weights[p[i]];
            for (int j = p[i + 1], stop = p[i + 2]; j < stop; j++) sums[t[j]] += w[j];
        }
        size[slot] = 0;
    }

    /**
     * As {@link #drain}, but only the synapses whose target is in {@code [from, to)}, leaving
     * the queue as it is (a range that is only part of this part's targets; {@link #clear} once
     * the last such range has drained).
     */
    void drainWithin(int slot, int[][] targets, float[][] weights, float[] sums, int from, int to) {
        int[] p = pool;
        for (int i = start[slot] * INTS, end = i + size[slot] * INTS; i < end; i += INTS) {
            int[] t = targets[p[i]];
            float[] w = weights[p[i]];
            for (int j = p[i + 1], stop = p[i + 2]; j < stop; j++) {
                int target = t[j];
                if (target >= from && target < to) sums[target] += w[j];
            }
        }
    }

    void clear(int slot) { size[slot] = 0; }

    /** Empties every slot. */
    void clearAll() { java.util.Arrays.fill(size, 0); }

    /** Adds every slot's synapses into {@code dense} ({@code slot * stride + target}), in queue order: the ring they stand for. */
    void addTo(float[] dense, int stride, int[][] targets, float[][] weights) {
        for (int s = 0; s < size.length; s++) {
            int base = s * stride;
            for (int i = start[s] * INTS, end = i + size[s] * INTS; i < end; i += INTS) {
                int[] t = targets[pool[i]];
                float[] w = weights[pool[i]];
                for (int j = pool[i + 1]; j < pool[i + 2]; j++) dense[base + t[j]] += w[j];
            }
        }
    }

    /** Makes room for one more entry in slot {@code slot}: doubles it (at least), and lays the pool out anew. */
    private void grow(int slot) {
        int length = size.length;
        long[] capacity = new long[length];
        long total = 0;
        for (int s = 0; s < length; s++) {
            capacity[s] = start[s + 1] - start[s];
            if (s == slot) capacity[s] = Math.max(MIN_CAPACITY, 2 * capacity[s]);
            total += capacity[s];
        }
        if (total > MAX_ENTRIES) {
            throw new IllegalStateException("input in flight: " + total + " queued segments would not fit in one array (at most "
                    + MAX_ENTRIES + "); the network delivers more per step than this engine holds");
        }
        int[] newStart = new int[length + 1];
        int[] newPool = new int[(int) total * INTS];
        for (int s = 0; s < length; s++) {
            newStart[s + 1] = (int) (newStart[s] + capacity[s]);
            System.arraycopy(pool, start[s] * INTS, newPool, newStart[s] * INTS, size[s] * INTS);
        }
        pool = newPool;
        start = newStart;
    }

    /** Entries the pool can hold, all slots together. */
    int capacity() { return start[size.length]; }

    int[] entryPool() { return pool; }

    int[] starts() { return start; }

    int[] sizes() { return size; }
}
