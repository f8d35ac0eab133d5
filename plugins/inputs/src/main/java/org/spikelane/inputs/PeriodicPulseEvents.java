package org.spikelane.inputs;

import org.spikelane.random.RandomStream;
import org.spikelane.state.StateDeclarer;

/**
 * Events at {@code first, first + every, first + 2 every, ...} steps (at most {@code count} of them).
 * Each event goes to one target drawn uniformly at position (step, 0) of {@code random}, so the
 * target of an event depends only on its step, or to every target when {@code random} is null.
 * Whether a step has an event is computed from the step alone: no state, so steps may be asked
 * in any order (and a step the caller skips loses its event rather than delivering it late).
 */
final class PeriodicPulseEvents implements PulseEventSource {
    private final long first;
    private final long every;
    private final long count;
    private final int targetCount;
    private final RandomStream random;

    PeriodicPulseEvents(long first, long every, long count, int targetCount, RandomStream random) {
        this.first = first;
        this.every = every;
        this.count = count;
        this.targetCount = targetCount;
        this.random = random;
    }

    @Override public void emit(long step, PulseTrigger shape) {
        if (step < first || (step - first) % every != 0 || (step - first) / every >= count) return;
        if (random != null) {
            shape.trigger(random.bounded(step, 0, targetCount), step);
        } else {
            for (int k = 0; k < targetCount; k++) shape.trigger(k, step);
        }
    }

    /** No state: the schedule and the random targets are functions of the step. */
    @Override
    public void declareState(StateDeclarer s) { }
}
