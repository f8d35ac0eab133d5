package org.spikelane.inputs;

import java.util.SplittableRandom;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * Events at {@code first, first + every, first + 2 every, ...} steps (at most {@code count} of them).
 * Each event goes to one target drawn uniformly from a seeded generator (one draw per event, in
 * order, so a seed fixes the whole sequence), or to every target when {@code random} is null.
 */
final class PeriodicPulseEvents implements PulseEventSource {
    private final long every;
    private final int targetCount;
    private final SplittableRandom random;
    private long next;
    private long remaining;

    PeriodicPulseEvents(long first, long every, long count, int targetCount, SplittableRandom random) {
        this.next = first;
        this.every = every;
        this.remaining = count;
        this.targetCount = targetCount;
        this.random = random;
    }

    @Override public void emit(long step, PulseTrigger shape) {
        // a step the caller skipped loses its event rather than delivering it late
        while (remaining > 0 && next <= step) {
            if (next == step) {
                if (random != null) {
                    shape.trigger(random.nextInt(targetCount), step);
                } else {
                    for (int k = 0; k < targetCount; k++) shape.trigger(k, step);
                }
            }
            next += every;
            remaining--;
        }
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.scalar("events.next", Role.STATE, "steps", () -> next, n -> next = n);
        s.scalar("events.remaining", Role.STATE, StateDeclarer.NO_UNIT, () -> remaining, n -> remaining = n);
    }
}
