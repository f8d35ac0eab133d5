package org.spikelane.schedule;

import org.spikelane.simd.Simd;

/**
 * How the neurons of a list of components (inputs, pathways or populations, each over its
 * target's padded range) are split among workers: worker {@code w} of {@code W} owns the
 * lane-aligned slice {@code [from(k, w), to(k, w))} of component {@code k}, every slice the same
 * number of whole vectors give or take one, or, where an owner is given, the whole component to
 * one worker ({@link PopulationOwners}). The split depends only on the padded size, the worker
 * count and the owner of the target population, so an input, a pathway and the population they
 * target are split alike: a worker's inputs, synapses and neurons touch the same neurons and need
 * no barrier between them.
 *
 * <p>Not simulation state: how work is divided, not what it computes. A checkpoint holds none of
 * it, so it resumes under any worker count.
 */
public final class Slices {
    /** bounds[k]: the {@code W + 1} slice bounds of component k. */
    private final int[][] bounds;
    /** The population of each component, for {@link #deal}; empty without one. */
    private int[] population = new int[0];

    /** @param padded each component's padded range, a multiple of {@link Simd#LANES} */
    public Slices(int[] padded, int workers) {
        if (workers < 1) throw new IllegalArgumentException("slices: workers must be >= 1, got " + workers);
        bounds = new int[padded.length][];
        for (int k = 0; k < padded.length; k++) bounds[k] = bounds(padded[k], workers);
    }

    /**
     * Whole components: worker {@code owner[population[k]]} gets all of component {@code k} and the
     * others an empty slice ({@link PopulationOwners}); the lane split where {@code owner} is null.
     *
     * @param population the population each component acts on, kept for {@link #deal}
     */
    public Slices(int[] padded, int[] population, int[] owner, int workers) {
        this(padded, workers);
        this.population = population.clone();
        if (owner != null) deal(owner);
    }

    /**
     * Gives each component whole to the worker of its population ({@code owner}, one worker per
     * population) and an empty slice to every other worker. Allocates nothing: a simulation
     * re-deals between steps ({@link RedealByEvents}). Call it only between parallel sections.
     */
    public void deal(int[] owner) {
        for (int k = 0; k < bounds.length; k++) {
            int o = owner[population[k]];
            int padded = bounds[k][bounds[k].length - 1];
            for (int w = 0; w < bounds[k].length; w++) bounds[k][w] = w <= o ? 0 : padded;
        }
    }

    /** Component {@code k}'s {@code W + 1} bounds, a copy. */
    public int[] bounds(int k) { return bounds[k].clone(); }

    /** First neuron of worker {@code w}'s slice of component {@code k}. */
    public int from(int k, int w) { return bounds[k][w]; }

    /** End (exclusive) of worker {@code w}'s slice of component {@code k}; equals from when the slice is empty. */
    public int to(int k, int w) { return bounds[k][w + 1]; }

    /**
     * The {@code workers + 1} bounds of {@code [0, padded)}: 0 first, {@code padded} last, each a
     * multiple of {@link Simd#LANES}. A slice may be empty (more workers than vectors).
     */
    static int[] bounds(int padded, int workers) {
        int vectors = (padded + Simd.LANES - 1) / Simd.LANES;
        int[] b = new int[workers + 1];
        for (int w = 1; w < workers; w++) b[w] = (int) ((long) vectors * w / workers) * Simd.LANES;
        b[workers] = padded;
        return b;
    }
}
