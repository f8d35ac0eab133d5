package org.spikelane.net;

/**
 * Something with synaptic state that takes part in every step: phase SYNAPSE_UPDATE (update: decay and feed
 * the target's accumulators) and phase DELIVERY (deliver the spikes whose delay expires now).
 */
public interface Pathway {
    void update(long step);

    void deliver(long step);
}
