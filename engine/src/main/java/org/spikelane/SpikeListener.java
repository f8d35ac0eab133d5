package org.spikelane;

/** Observes spikes as they happen, once per population and step that had any. */
@FunctionalInterface
public interface SpikeListener {
    /**
     * @param neurons indices of the neurons that spiked, valid in {@code [0, count)} and only
     *                during the call (the array is reused)
     */
    void onSpikes(long step, String population, int[] neurons, int count);
}
