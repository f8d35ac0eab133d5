package org.spikelane.inputs;

import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/** Events at fixed steps for fixed target slots, sorted by step once at build time. */
final class ScheduledPulseEvents implements PulseEventSource {
    private final long[] steps;
    private final int[] slots;
    private int next;

    /** @param steps ascending event steps; {@code slots[i]} receives the event at {@code steps[i]} */
    ScheduledPulseEvents(long[] steps, int[] slots) {
        this.steps = steps;
        this.slots = slots;
    }

    @Override public void emit(long step, PulseTrigger shape) {
        while (next < steps.length && steps[next] < step) next++;
        while (next < steps.length && steps[next] == step) shape.trigger(slots[next++], step);
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.array("events.steps", Role.PARAMETER, "steps", steps);
        s.array("events.slots", Role.PARAMETER, "slot", slots);
        s.scalar("events.next", Role.STATE, StateDeclarer.NO_UNIT, () -> next, n -> next = (int) n);
    }
}
