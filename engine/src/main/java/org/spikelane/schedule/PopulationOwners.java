package org.spikelane.schedule;

/**
 * Whole target populations per worker, when they balance: each population, with every input and
 * pathway into it, goes to one worker, the largest cost first to the least loaded worker. Then
 * no worker splits a row: a spike's row into a population is walked by one worker, segment by
 * segment, as on one thread. Split rows pay each segment's fixed cost (a loop of about 6 adds
 * instead of 12 at the microcircuit's rows) once per worker: measured on one core, delivering a
 * quarter-scale microcircuit in two halves cost 19-28 % more CPU than whole (jmh-results/microcircuit.md).
 *
 * <p>Each neuron's sums are still formed by one worker in the sequential order, so the split
 * changes no bit (docs/threads.md). Not simulation state: a checkpoint resumes under any split.
 */
public final class PopulationOwners {
    /** Largest load allowed over the even share, in percent: above it the lane slices are used. */
    static final int MAX_IMBALANCE_PERCENT = 10;

    private PopulationOwners() {}

    /**
     * @param cost    each population's work per step, in any unit (e.g. synapses into it plus a weight per neuron)
     * @param workers the worker count, at least 2
     * @return the worker of each population, or null when the heaviest worker would carry more than
     *         {@link #MAX_IMBALANCE_PERCENT} % over an even share
     */
    public static int[] assign(long[] cost, int workers) {
        int n = cost.length;
        if (workers < 2 || n < workers) return null;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // heaviest first, ties by index: the assignment depends only on the costs
        java.util.Arrays.sort(order, (a, b) -> cost[a] != cost[b] ? Long.compare(cost[b], cost[a]) : Integer.compare(a, b));
        long[] load = new long[workers];
        int[] owner = new int[n];
        long total = 0;
        for (int i : order) {
            int least = 0;
            for (int w = 1; w < workers; w++) if (load[w] < load[least]) least = w;
            owner[i] = least;
            load[least] += cost[i];
            total += cost[i];
        }
        long max = 0;
        for (long l : load) max = Math.max(max, l);
        // max / (total / workers) <= 1 + MAX_IMBALANCE_PERCENT / 100, in integers
        return max * workers * 100 <= total * (100 + MAX_IMBALANCE_PERCENT) ? owner : null;
    }
}
