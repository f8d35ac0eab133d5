package org.spikelane.inputs;

import org.spikelane.state.StateOwner;

/** How one pulse evolves after its event; state is kept per target slot in primitive arrays. */
interface PulseShape extends PulseTrigger, StateOwner {
    /** Once per step, after the step's events and before any range: bookkeeping shared by all slots. */
    default void beginStep(long step) {}

    /** Adds the current at {@code t = step * dt} of every pulse on a neuron in {@code [from, to)}. */
    void addCurrent(long step, int from, int to, float[] current);
}
