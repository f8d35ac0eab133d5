package org.spikelane.inputs;

import org.spikelane.state.StateOwner;

/** What an event does: starts a pulse on one target slot; shared by the float and fixed-point shapes. */
interface PulseTrigger extends StateOwner {
    /** A pulse for target slot {@code slot} starting at {@code step}; it shows in that step's current. */
    void trigger(int slot, long step);
}
