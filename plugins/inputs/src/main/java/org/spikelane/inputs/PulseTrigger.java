package org.spikelane.inputs;

/** What an event does: starts a pulse on one target slot; shared by the float and fixed-point shapes. */
interface PulseTrigger {
    /** A pulse for target slot {@code slot} starting at {@code step}; it shows in that step's current. */
    void trigger(int slot, long step);
}
