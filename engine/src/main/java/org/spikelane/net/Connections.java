package org.spikelane.net;

/**
 * Synapses as drawn by a {@link ConnectRule}, in generation order (the order in which per-synapse
 * weight and delay lists apply): synapse {@code k} goes from {@code pre[k]} to {@code post[k]}.
 */
public record Connections(int[] pre, int[] post) {
    public int count() { return pre.length; }
}
