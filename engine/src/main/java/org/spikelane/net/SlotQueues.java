package org.spikelane.net;

/**
 * The input in flight of one part of a {@link FutureInputRing}'s targets: per slot (step of
 * arrival modulo the ring's length) a queue of (target, weight) entries in the order they were
 * delivered. All slots share one pool, two parallel arrays ({@link #targets}, {@link #weights});
 * slot {@code s} owns {@code [start[s], start[s + 1])} of it and fills its first {@code size[s]}
 * entries.
 *
 * <p>Why queues: a spike's synapses are appended with two sequential copies per delay segment,
 * instead of one random read-modify-write per synapse into a dense ring of
 * {@code slots x targets} floats that is far larger than a core's cache (18.5 MB for the
 * microcircuit); the random adds happen when the slot is drained, into one array of the
 * targets' size, which stays in cache.
 *
 * <p>A slot grows by doubling only when a step needs more than it holds (the whole pool is laid
 * out again, once per doubling), so a run in its steady state allocates nothing. Only one thread
 * touches a part at a time (the ring's parts are the worker slices).
 */
final class SlotQueues {
    /** Smallest capacity a slot grows to. */
    private static final int MIN_CAPACITY = 16;
    /** Largest pool: the longest Java array. */
    private static final long MAX_POOL = Integer.MAX_VALUE - 8;

    private int[] targets;
    private float[] weights;
    /** {@code length + 1} region starts in the pool. */
    private int[] start;
    /** Entries queued per slot. */
    private final int[] size;

    /** @param capacity initial entries per slot */
    SlotQueues(int length, int capacity) {
        this.start = new int[length + 1];
        for (int s = 0; s < length; s++) start[s + 1] = Math.addExact(start[s], capacity);
        this.size = new int[length];
        this.targets = new int[start[length]];
        this.weights = new float[start[length]];
    }

    /** Appends synapses {@code [from, to)} of a row ({@code t}, {@code w}) to slot {@code slot}'s queue, in order. */
    void append(int slot, int[] t, float[] w, int from, int to) {
        int n = to - from, queued = size[slot];
        if (queued + n > start[slot + 1] - start[slot]) grow(slot, (long) queued + n);
        int at = start[slot] + queued;
        System.arraycopy(t, from, targets, at, n);
        System.arraycopy(w, from, weights, at, n);
        size[slot] = queued + n;
    }

    /** Appends one entry (a restore). */
    void append(int slot, int target, float weight) {
        int queued = size[slot];
        if (queued + 1 > start[slot + 1] - start[slot]) grow(slot, queued + 1L);
        targets[start[slot] + queued] = target;
        weights[start[slot] + queued] = weight;
        size[slot] = queued + 1;
    }

    /** Adds slot {@code slot}'s entries, in queue order, into {@code sums[target]}, and empties the slot. */
    void drain(int slot, float[] sums) {
        int[] t = targets;
        float[] w = weights;
        for (int i = start[slot], end = i + size[slot]; i < end; i++) sums[t[i]] += w[i];
        size[slot] = 0;
    }

    /**
     * Adds the entries of slot {@code slot} whose target is in {@code [from, to)} into
     * {@code sums}, in queue order, leaving the queue as it is (a range that is only part of
     * this part's targets; {@link #clear} once the last such range has drained).
     */
    void drainWithin(int slot, float[] sums, int from, int to) {
        int[] t = targets;
        float[] w = weights;
        for (int i = start[slot], end = i + size[slot]; i < end; i++) {
            int target = t[i];
            if (target >= from && target < to) sums[target] += w[i];
        }
    }

    void clear(int slot) { size[slot] = 0; }

    /** Empties every slot. */
    void clearAll() { java.util.Arrays.fill(size, 0); }

    /** Adds every slot's entries into {@code dense} ({@code slot * stride + target}), in queue order: the ring they stand for. */
    void addTo(float[] dense, int stride) {
        for (int s = 0; s < size.length; s++) {
            int base = s * stride;
            for (int i = start[s], end = i + size[s]; i < end; i++) dense[base + targets[i]] += weights[i];
        }
    }

    /** Makes room for {@code needed} entries in slot {@code slot}: doubles it (at least), and lays the pool out anew. */
    private void grow(int slot, long needed) {
        int length = size.length;
        long[] capacity = new long[length];
        long total = 0;
        for (int s = 0; s < length; s++) {
            capacity[s] = start[s + 1] - start[s];
            if (s == slot) capacity[s] = Math.max(needed, Math.max(MIN_CAPACITY, 2 * capacity[s]));
            total += capacity[s];
        }
        if (total > MAX_POOL) {
            throw new IllegalStateException("input in flight: " + total + " queued synapses would not fit in one array (at most "
                    + MAX_POOL + "); the network delivers more synapses per step than this engine holds");
        }
        int[] newStart = new int[length + 1];
        int[] newTargets = new int[(int) total];
        float[] newWeights = new float[(int) total];
        for (int s = 0; s < length; s++) {
            newStart[s + 1] = (int) (newStart[s] + capacity[s]);
            System.arraycopy(targets, start[s], newTargets, newStart[s], size[s]);
            System.arraycopy(weights, start[s], newWeights, newStart[s], size[s]);
        }
        targets = newTargets;
        weights = newWeights;
        start = newStart;
    }

    /** Entries the pool can hold, all slots together. */
    int capacity() { return targets.length; }

    int[] targetPool() { return targets; }

    float[] weightPool() { return weights; }

    int[] starts() { return start; }

    int[] sizes() { return size; }
}
