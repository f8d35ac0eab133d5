package org.spikelane.inputs;

import org.spikelane.spi.FixedTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * Pulses {@code amplitude / (1 + alpha (t - t_event))} that restart at each event of their neuron
 * (the seed forum's {@code last_injection} model): at step n a neuron whose latest event was at
 * step k carries {@code amplitude / (1 + alpha (n - k) dt)}, and nothing before its first event.
 *
 * <p>The 1/t tail never ends, so a neuron stays active from its first event on; only active
 * neurons are visited, which keeps sparse schedules (one neuron every 500 ms) cheap. They are
 * marked in a bit set by slot, so a neuron range finds its active slots by skipping empty 64-slot
 * words: no per-neuron test, and no shared list that ranges would have to filter.
 */
final class InversePulses implements PulseShape {
    private final Targets targets;
    private final double amplitude;
    private final double alphaDt;
    /** Step of each slot's latest event; meaningful once the slot is active. */
    private final long[] lastEvent;
    /** Bit {@code k % 64} of word {@code k / 64}: slot k has had an event. */
    private final long[] active;

    InversePulses(Targets targets, double amplitude, double alpha, double dt) {
        this.targets = targets;
        this.amplitude = amplitude;
        this.alphaDt = alpha * dt;
        this.lastEvent = new long[targets.count];
        this.active = new long[(targets.count + 63) / 64];
    }

    @Override public void trigger(int slot, long step) {
        active[slot >>> 6] |= 1L << slot;
        lastEvent[slot] = step;
    }

    /** The first active slot in {@code [slot, end)}, or {@code end}. */
    private int nextActive(int slot, int end) {
        if (slot >= end) return end;
        int word = slot >>> 6;
        long bits = active[word] & (-1L << slot); // the shift counts modulo 64: bits of slot and above
        while (bits == 0) {
            if (++word << 6 >= end) return end;
            bits = active[word];
        }
        return Math.min(end, (word << 6) + Long.numberOfTrailingZeros(bits));
    }

    @Override public void addCurrent(long step, int from, int to, float[] current) {
        int end = targets.firstSlot(to);
        for (int slot = nextActive(targets.firstSlot(from), end); slot < end; slot = nextActive(slot + 1, end)) {
            current[targets.neuron(slot)] += (float) (amplitude / (1 + alphaDt * (step - lastEvent[slot])));
        }
    }

    /**
     * The fixed-point form: {@code drive += rint(amplitude_i / (1 + alpha (n - k) dt))} with the
     * amplitude quantized per target slot ({@code R_i I} in LSB_v). The factor depends on each
     * slot's own age, so it is one double division per active slot and step, as in float32 (the
     * same sparse loop; no vector path: the active slots are scattered). Rounding the quotient to
     * nearest keeps every step within half an LSB_v of the exact value; |result| <= |amplitude_i|.
     * The addition into the drive is clipped and counted ({@link FixedDrive#addClipped}).
     */
    void addDrive(FixedTarget target, long step, int from, int to, int[] drive, int[] amplitudes) {
        int end = targets.firstSlot(to), limit = target.contributionLimit();
        long clipped = 0;
        for (int slot = nextActive(targets.firstSlot(from), end); slot < end; slot = nextActive(slot + 1, end)) {
            int value = (int) Math.rint(amplitudes[slot] / (1 + alphaDt * (step - lastEvent[slot])));
            clipped += FixedDrive.addClipped(drive, targets.neuron(slot), value, limit);
        }
        if (clipped > 0) target.countClipped(false, clipped);
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.array("pulse.lastEvent", Role.STATE, "steps", lastEvent);
        s.array("pulse.active", Role.STATE, "bit set", active);
    }
}
