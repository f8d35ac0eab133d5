package org.spikelane.schedule;

/**
 * Whole target populations per worker, when they balance: each population, with every input and
 * pathway into it, goes to one worker, the largest cost first to the least loaded worker, then
 * single moves and pairwise swaps off the heaviest worker while they lower its load. Then
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
        int[] owner = new int[n];
        long max = deal(cost, workers, owner, new int[n], new long[workers]);
        long total = 0;
        for (long c : cost) total += c;
        // max / (total / workers) <= 1 + MAX_IMBALANCE_PERCENT / 100, in integers
        return max * workers * 100 <= total * (100 + MAX_IMBALANCE_PERCENT) ? owner : null;
    }

    /**
     * Deals the populations to {@code workers} workers into {@code owner} and returns the heaviest
     * worker's load; allocates nothing ({@code order}: scratch of {@code cost.length}, {@code load}:
     * of {@code workers}), so it may run between the steps of a simulation. Heaviest first to the
     * least loaded worker (ties by index, so the deal depends only on the costs), then, while one
     * exists, the move of one population or swap of two between the heaviest worker and another
     * that lowers both below the heaviest's load most; each such step lowers the sum of the
     * squared loads, so the loop ends.
     */
    public static long deal(long[] cost, int workers, int[] owner, int[] order, long[] load) {
        int n = cost.length;
        for (int i = 0; i < n; i++) order[i] = i;
        // insertion sort, heaviest first, ties by index: a handful of populations, nothing allocated
        for (int i = 1; i < n; i++) {
            int x = order[i], j = i - 1;
            while (j >= 0 && cost[order[j]] < cost[x]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        java.util.Arrays.fill(load, 0);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int least = 0;
            for (int w = 1; w < workers; w++) if (load[w] < load[least]) least = w;
            owner[i] = least;
            load[least] += cost[i];
        }
        while (improve(cost, workers, owner, load)) { }
        int heaviest = heaviest(load, workers);
        return load[heaviest];
    }

    /** One move or swap off the heaviest worker that leaves both workers below its load; false if none. */
    private static boolean improve(long[] cost, int workers, int[] owner, long[] load) {
        int h = heaviest(load, workers);
        long best = load[h];
        int bestI = -1, bestJ = -1, bestW = -1;
        for (int i = 0; i < cost.length; i++) {
            if (owner[i] != h) continue;
            for (int w = 0; w < workers; w++) {
                if (w == h) continue;
                long pair = Math.max(load[h] - cost[i], load[w] + cost[i]);
                if (pair < best) {
                    best = pair;
                    bestI = i;
                    bestJ = -1;
                    bestW = w;
                }
                for (int j = 0; j < cost.length; j++) {
                    if (owner[j] != w || cost[j] >= cost[i]) continue;
                    long d = cost[i] - cost[j];
                    pair = Math.max(load[h] - d, load[w] + d);
                    if (pair < best) {
                        best = pair;
                        bestI = i;
                        bestJ = j;
                        bestW = w;
                    }
                }
            }
        }
        if (bestI < 0) return false;
        long d = cost[bestI] - (bestJ < 0 ? 0 : cost[bestJ]);
        owner[bestI] = bestW;
        if (bestJ >= 0) owner[bestJ] = h;
        load[h] -= d;
        load[bestW] += d;
        return true;
    }

    /** The first worker with the largest load. */
    static int heaviest(long[] load, int workers) {
        int h = 0;
        for (int w = 1; w < workers; w++) if (load[w] > load[h]) h = w;
        return h;
    }

    /** The heaviest worker's load under {@code owner}, into {@code load} (scratch of {@code workers}). */
    public static long maxLoad(long[] cost, int workers, int[] owner, long[] load) {
        java.util.Arrays.fill(load, 0);
        for (int i = 0; i < cost.length; i++) load[owner[i]] += cost[i];
        return load[heaviest(load, workers)];
    }
}
