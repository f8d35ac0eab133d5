package org.spikelane;

/** Observes spikes as they happen, once per population and step that had any. */
@FunctionalInterface
public interface SpikeListener {
    /**
     * @param neurons indices of the neurons that spiked, valid in {@code [0, count)} and only
     *                during the call (the array is reused)
     */
    void onSpikes(long step, String population, int[] neurons, int count);

    /**
     * Whether this listener uses nothing but its arguments: it reads no state of the simulation
     * and changes no parameter (a spike counter, a writer of spike times). A threaded step then
     * calls it before the step's DELIVERY has run and delivers together with the next step's
     * work: one synchronisation of the workers per step instead of two (docs/threads.md). Default
     * false: a listener may read or set anything, so the step delivers first.
     */
    default boolean usesSpikesOnly() { return false; }

    /** {@code listener}, declared to use nothing but its arguments ({@link #usesSpikesOnly}). */
    static SpikeListener spikesOnly(SpikeListener listener) {
        return new SpikeListener() {
            @Override
            public void onSpikes(long step, String population, int[] neurons, int count) {
                listener.onSpikes(step, population, neurons, count);
            }

            @Override
            public boolean usesSpikesOnly() { return true; }
        };
    }
}
