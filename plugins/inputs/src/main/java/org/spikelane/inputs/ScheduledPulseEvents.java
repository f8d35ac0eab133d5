package org.spikelane.inputs;

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
}
