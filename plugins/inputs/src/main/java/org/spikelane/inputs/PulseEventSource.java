package org.spikelane.inputs;

import org.spikelane.state.StateOwner;

/** Where a pulse input's events come from: a schedule, a clock, or another population's spikes. */
interface PulseEventSource extends StateOwner {
    /** Triggers on {@code shape} every event that falls on {@code step}; called once per step, in order (in the kernel's beginStep, not per range). */
    void emit(long step, PulseTrigger shape);
}
