package org.spikelane.inputs;

import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * Pulses {@code amplitude / (1 + alpha (t - t_event))} that restart at each event of their neuron
 * (the seed forum's {@code last_injection} model): at step n a neuron whose latest event was at
 * step k carries {@code amplitude / (1 + alpha (n - k) dt)}, and nothing before its first event.
 *
 * <p>The 1/t tail never ends, so a neuron stays active from its first event on; only active
 * neurons are visited, which keeps sparse schedules (one neuron every 500 ms) cheap.
 */
final class InversePulses implements PulseShape {
    private final Targets targets;
    private final double amplitude;
    private final double alphaDt;
    /** Step of each slot's latest event; meaningful once the slot is active. */
    private final long[] lastEvent;
    private final boolean[] isActive;
    /** Slots that have had an event, in order of their first event. */
    private final int[] activeSlots;
    private int activeCount;

    InversePulses(Targets targets, double amplitude, double alpha, double dt) {
        this.targets = targets;
        this.amplitude = amplitude;
        this.alphaDt = alpha * dt;
        this.lastEvent = new long[targets.count];
        this.isActive = new boolean[targets.count];
        this.activeSlots = new int[targets.count];
    }

    @Override public void trigger(int slot, long step) {
        if (!isActive[slot]) {
            isActive[slot] = true;
            activeSlots[activeCount++] = slot;
        }
        lastEvent[slot] = step;
    }

    @Override public void addCurrent(long step, float[] current) {
        for (int j = 0; j < activeCount; j++) {
            int slot = activeSlots[j];
            current[targets.neuron(slot)] += (float) (amplitude / (1 + alphaDt * (step - lastEvent[slot])));
        }
    }

    /**
     * The fixed-point form: {@code drive += rint(amplitude_i / (1 + alpha (n - k) dt))} with the
     * amplitude quantized per target slot ({@code R_i I} in LSB_v). The factor depends on each
     * slot's own age, so it is one double division per active slot and step, as in float32 (the
     * same sparse loop; no vector path: the active slots are scattered). Rounding the quotient to
     * nearest keeps every step within half an LSB_v of the exact value; |result| <= |amplitude_i|.
     */
    void addDrive(long step, int[] drive, int[] amplitudes) {
        for (int j = 0; j < activeCount; j++) {
            int slot = activeSlots[j];
            drive[targets.neuron(slot)] += (int) Math.rint(amplitudes[slot] / (1 + alphaDt * (step - lastEvent[slot])));
        }
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.array("pulse.lastEvent", Role.STATE, "steps", lastEvent);
        s.array("pulse.isActive", Role.STATE, StateDeclarer.NO_UNIT, isActive);
        s.array("pulse.activeSlots", Role.STATE, "slot", activeSlots);
        s.scalar("pulse.activeCount", Role.STATE, StateDeclarer.NO_UNIT, () -> activeCount, n -> activeCount = (int) n);
    }
}
