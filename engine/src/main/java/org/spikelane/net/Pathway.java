package org.spikelane.net;

/**
 * Something with synaptic state that takes part in every step: phase 2 (update: decay and feed
 * the target's accumulators) and phase 4 (deliver the spikes whose delay expires now).
 */
public interface Pathway {
    void update(long step);

    void deliver(long step);
}
