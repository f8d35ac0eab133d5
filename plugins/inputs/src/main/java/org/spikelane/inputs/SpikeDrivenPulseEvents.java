package org.spikelane.inputs;

import org.spikelane.spi.SpikeSource;
import org.spikelane.state.StateDeclarer;

/**
 * One event per spike of another population of the same size, neuron i driving neuron i (spikes
 * of neurons this input does not target are ignored). During the input phase of step n the source
 * holds the spikes of step n - 1, so a spike at step s shows up in the current of step s + 1,
 * exactly like a delay-0 synapse (docs/semantics.md §2, phase INPUTS).
 */
final class SpikeDrivenPulseEvents implements PulseEventSource {
    private final SpikeSource source;
    private final Targets targets;

    SpikeDrivenPulseEvents(SpikeSource source, Targets targets) {
        this.source = source;
        this.targets = targets;
    }

    @Override public void emit(long step, PulseTrigger shape) {
        int count = source.spikeCount();
        if (count == 0) return;
        int[] spikes = source.spikes();
        for (int i = 0; i < count; i++) {
            int slot = targets.slot(spikes[i]);
            if (slot >= 0) shape.trigger(slot, step);
        }
    }

    /** No state: the events are the source population's spikes of the previous step. */
    @Override
    public void declareState(StateDeclarer s) { }
}
