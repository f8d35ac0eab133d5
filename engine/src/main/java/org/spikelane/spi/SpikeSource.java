package org.spikelane.spi;

/**
 * The spikes a population emitted in its most recent step. During the input phase of step
 * {@code n} these are the spikes of step {@code n - 1}, so an input driven by them takes effect
 * one step after the spike, as a delay-0 synapse does (docs/semantics.md §2, phase INPUTS).
 */
public interface SpikeSource {
    String name();

    int size();

    /** Number of neurons that spiked in the most recent step. */
    int spikeCount();

    /** Indices of those neurons in {@code [0, spikeCount())}; do not modify. */
    int[] spikes();
}
