package org.spikelane.net;

/**
 * Something with synaptic state that takes part in every step: phase SYNAPSE_UPDATE (update: decay and feed
 * the target's accumulators) and phase DELIVERY (deliver the spikes whose delay expires now).
 *
 * <p>Ranges are of the target population, lane-aligned, and cover {@code [0, padded)} once per
 * step; different ranges may run at the same time. {@link #pushSpikes} is once per step, on one
 * thread, after the source population finished its step and before any {@link #deliver}.
 */
public interface Pathway {
    /** Phase SYNAPSE_UPDATE for the targets in {@code [from, to)}. */
    void update(long step, int from, int to);

    /** Stores the source's spikes of {@code step}; once per step, before any range is delivered. */
    void pushSpikes(long step);

    /** Phase DELIVERY for the targets in {@code [from, to)}: the part of each due row that lands there. */
    void deliver(long step, int from, int to);

    /**
     * Tells the pathway the slices a threaded step will deliver ({@code bounds}: ascending,
     * {@code 0} first, the target's padded size last), once, before the first step, so it can
     * prepare for exactly those ranges; any other range must still work.
     */
    default void partition(int[] bounds) {}

    /** The padded size of the target population whose ranges this pathway is stepped over. */
    int padded();
}
