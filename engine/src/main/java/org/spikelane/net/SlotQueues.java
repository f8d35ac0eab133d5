package org.spikelane.net;

/**
 * The input in flight of one part of a {@link FutureInputRing}'s targets: per slot (step of
 * arrival modulo the ring's length) a queue of (target, weight) entries in the order they were
 * delivered. All slots share one pool, two parallel arrays ({@link #targets}, {@link #weights});
 * slot {@code s} owns entries {@code [s * capacity, (s + 1) * capacity)} of it and fills the
 * first {@code size[s]}.
 *
 * <p>Why queues: a spike's synapses are appended with two sequential copies per delay segment,
 * instead of one random read-modify-write per synapse into a dense ring of
 * {@code slots x targets} floats that is far larger than a core's cache (18.5 MB for the
 * microcircuit); the random adds happen when the slot is drained, into one array of the
 * targets' size, which stays in cache.
 *
 * <p>Every slot has the same capacity: each slot in turn receives one step's arrivals, so what
 * one slot needed, the others soon will. When a step needs more, the capacity of all slots
 * doubles at once (the pool is laid out again), so a run grows a few times while it warms up and
 * then allocates nothing. Only one thread touches a part at a time (the ring's parts are the
 * worker slices).
 */
final class SlotQueues {
    /** Smallest capacity a slot grows to. */
    private static final int MIN_CAPACITY = 16;
    /** Largest pool: the longest Java array. */
    private static final long MAX_POOL = Integer.MAX_VALUE - 8;

    private int[] targets;
    private float[] weights;
    /** Entries each slot can hold. */
    private int capacity;
    /** Entries queued per slot. */
    private final int[] size;

    /** @param capacity initial entries per slot */
    SlotQueues(int length, int capacity) {
        this.capacity = capacity;
        this.size = new int[length];
        this.targets = new int[Math.multiplyExact(length, capacity)];
        this.weights = new float[targets.length];
    }

    /** Appends synapses {@code [from, to)} of a row ({@code t}, {@code w}) to slot {@code slot}'s queue, in order. */
    void append(int slot, int[] t, float[] w, int from, int to) {
        int n = to - from, queued = size[slot];
        if (queued + n > capacity) grow((long) queued + n);
        int at = slot * capacity + queued;
        System.arraycopy(t, from, targets, at, n);
        System.arraycopy(w, from, weights, at, n);
        size[slot] = queued + n;
    }

    /** Appends one entry (a restore). */
    void append(int slot, int target, float weight) {
        int queued = size[slot];
        if (queued + 1 > capacity) grow(queued + 1L);
        targets[slot * capacity + queued] = target;
        weights[slot * capacity + queued] = weight;
        size[slot] = queued + 1;
    }

    /** Adds slot {@code slot}'s entries, in queue order, into {@code sums[target]}, and empties the slot. */
    void drain(int slot, float[] sums) {
        int[] t = targets;
        float[] w = weights;
        for (int i = slot * capacity, end = i + size[slot]; i < end; i++) sums[t[i]] += w[i];
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
        for (int i = slot * capacity, end = i + size[slot]; i < end; i++) {
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
            for (int i = s * capacity, end = i + size[s]; i < end; i++) dense[base + targets[i]] += weights[i];
        }
    }

    /** Makes room for {@code needed} entries in every slot: doubles the capacity (at least), and lays the pool out anew. */
    private void grow(long needed) {
        int length = size.length;
        long grown = Math.max(needed, Math.max(MIN_CAPACITY, 2L * capacity));
        if (grown * length > MAX_POOL) {
            throw new IllegalStateException("input in flight: " + grown + " queued synapses in each of " + length
                    + " slots would not fit in one array (at most " + MAX_POOL + " in all); the network delivers more synapses per step"
                    + " than this engine holds");
        }
        int[] newTargets = new int[(int) (grown * length)];
        float[] newWeights = new float[newTargets.length];
        for (int s = 0; s < length; s++) {
            System.arraycopy(targets, s * capacity, newTargets, (int) (s * grown), size[s]);
            System.arraycopy(weights, s * capacity, newWeights, (int) (s * grown), size[s]);
        }
        targets = newTargets;
        weights = newWeights;
        capacity = (int) grown;
    }

    /** Entries the pool can hold, all slots together. */
    int capacity() { return targets.length; }

    int[] targetPool() { return targets; }

    float[] weightPool() { return weights; }

    int[] sizes() { return size; }
}
