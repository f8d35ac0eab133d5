package org.spikelane.schedule;

/**
 * Re-deals whole populations to workers ({@link PopulationOwners}) by the work they were measured
 * to take, while the simulation runs. The deal at build can only guess a population's delivery
 * work (its synapses), but that work follows the firing rates of its sources, which only running
 * shows: on the microcircuit the guessed deal left one worker with 1.45x the other's section time
 * (jmh-results/microcircuit.md). Which worker owns a population changes no bit (docs/threads.md),
 * so the deal may change between any two steps.
 *
 * <p>The measure is deterministic and costs one add per population and step: each population's
 * spikes, counted over a window of team steps. A projection's delivery work in the window is then
 * its source's spikes times its synapses per source neuron (the mean row), credited to the target;
 * a population's own update (inputs, synapses, neurons) costs {@link #NEURON_STEPS_PER_EVENT}
 * padded neurons per delivered event. After the first window ({@link #FIRST_WINDOW} steps, so a
 * run is balanced early) and every {@link #WINDOW} steps after it, the populations are dealt again
 * by the window's costs, and the new deal is taken when it lowers the heaviest worker's load by
 * more than {@link #MIN_GAIN_PERCENT} % (so rates that jitter do not move populations back and
 * forth). Nothing is allocated.
 */
public final class RedealByEvents {
    /** Team steps counted before the first re-deal. */
    public static final int FIRST_WINDOW = 200;
    /** Team steps counted for each later re-deal. */
    public static final int WINDOW = 2000;
    /** A new deal is taken when it lowers the heaviest worker's load by more than this, in percent. */
    static final int MIN_GAIN_PERCENT = 2;
    /**
     * Padded neurons of update work that cost as much as one delivered synaptic event. From the
     * full-scale microcircuit on one thread (jmh-results/microcircuit.md): delivery 86.7 % and
     * neuron update 13.0 % of the step, 1.23 events per neuron and step, so a neuron's update
     * costs 0.13 / 0.867 * 1.23 = 0.18 events, about one in 5.
     */
    static final int NEURON_STEPS_PER_EVENT = 5;

    private final int workers;
    private final int[] projectionSource, projectionTarget;
    private final long[] projectionSynapses;
    private final int[] populationSize, populationPadded;
    /** Spikes of each population in the current window. */
    private final long[] spikes;
    /** The current deal, and scratch for the next. */
    private final int[] owner, candidate, order;
    private final long[] cost, load;
    private int counted;
    private int window = FIRST_WINDOW;
    private int redeals;

    /**
     * @param owner              the deal at build, one worker per population (copied)
     * @param populationSize     neurons of each population
     * @param populationPadded   each population's padded range (the neurons its update walks)
     * @param projectionSource   each projection's source population
     * @param projectionTarget   each projection's target population
     * @param projectionSynapses each projection's synapse count
     */
    public RedealByEvents(int[] owner, int workers, int[] populationSize, int[] populationPadded, int[] projectionSource,
            int[] projectionTarget, long[] projectionSynapses) {
        int n = owner.length;
        this.workers = workers;
        this.owner = owner.clone();
        this.populationSize = populationSize.clone();
        this.populationPadded = populationPadded.clone();
        this.projectionSource = projectionSource.clone();
        this.projectionTarget = projectionTarget.clone();
        this.projectionSynapses = projectionSynapses.clone();
        this.spikes = new long[n];
        this.candidate = new int[n];
        this.order = new int[n];
        this.cost = new long[n];
        this.load = new long[workers];
    }

    /** Counts population {@code population}'s spikes of the team step just run. */
    public void count(int population, int spikeCount) { spikes[population] += spikeCount; }

    /**
     * Ends a team step's count; at the end of a window deals again.
     *
     * @return whether {@link #owner()} changed
     */
    public boolean stepDone() {
        if (++counted < window) return false;
        boolean changed = redeal();
        counted = 0;
        window = WINDOW;
        java.util.Arrays.fill(spikes, 0);
        return changed;
    }

    private boolean redeal() {
        costs(counted);
        long now = PopulationOwners.maxLoad(cost, workers, owner, load);
        long next = PopulationOwners.deal(cost, workers, candidate, order, load);
        // next < now * (1 - MIN_GAIN_PERCENT / 100), in integers
        if (next * 100 >= now * (100 - MIN_GAIN_PERCENT)) return false;
        System.arraycopy(candidate, 0, owner, 0, owner.length);
        redeals++;
        return true;
    }

    /** Each population's work over {@code steps} steps, in padded neuron updates. */
    private void costs(int steps) {
        for (int i = 0; i < cost.length; i++) cost[i] = (long) populationPadded[i] * steps;
        for (int p = 0; p < projectionSource.length; p++) {
            int s = projectionSource[p];
            if (populationSize[s] == 0) continue;
            double events = (double) spikes[s] * projectionSynapses[p] / populationSize[s];
            cost[projectionTarget[p]] += Math.round(events * NEURON_STEPS_PER_EVENT);
        }
    }

    /** The current deal: the worker of each population. Read only. */
    public int[] owner() { return owner; }

    /** How many times the deal changed so far. */
    public int redeals() { return redeals; }
}
