package org.spikelane.inputs;

import org.spikelane.state.StateOwner;

/** How one pulse evolves after its event; state is kept per target slot in primitive arrays. */
interface PulseShape extends PulseTrigger, StateOwner {
    /** Adds the current of every pulse at {@code t = step * dt}; called once per step, in order. */
    void addCurrent(long step, float[] current);
}
