package org.spikelane.net;

import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The spikes of a source population over the last {@code maxDelay + 1} steps: a ring of spike
 * lists, one slot per step. Slot {@code step mod length} holds step {@code step}'s spikes until it
 * is overwritten {@code length} steps later; steps never pushed (before the start) read as empty.
 * A slot starts small and doubles (up to the population size) when a step brings more spikes
 * than it has held before, so memory follows the activity rather than {@code delay * size}
 * (a million neurons with 20 ms of delay would otherwise pin 800 MB), and a warm ring no longer
 * allocates.
 */
final class SpikeRing implements StateOwner {
    private final int[][] lists;
    private final int[] counts;
    private final long[] stepOf;
    private final int sourceSize;

    SpikeRing(int maxDelay, int sourceSize) {
        int length = maxDelay + 1;
        this.sourceSize = sourceSize;
        lists = new int[length][Math.min(sourceSize, 64)];
        counts = new int[length];
        stepOf = new long[length];
        java.util.Arrays.fill(stepOf, -1);
    }

    /** Stores the spikes of {@code step}; call once per step, steps ascending. */
    void push(long step, int[] spikes, int count) {
        int slot = slot(step);
        if (count > lists[slot].length) lists[slot] = new int[Math.min(sourceSize, Math.max(count, 2 * lists[slot].length))];
        System.arraycopy(spikes, 0, lists[slot], 0, count);
        counts[slot] = count;
        stepOf[slot] = step;
    }

    /** Number of spikes of {@code step}; 0 if that step is not in the ring. */
    int count(long step) {
        if (step < 0) return 0;
        int slot = slot(step);
        return stepOf[slot] == step ? counts[slot] : 0;
    }

    /** The spike list of {@code step} (valid entries: {@link #count(long)}); do not modify. */
    int[] spikes(long step) { return lists[slot(step)]; }

    private int slot(long step) { return (int) Math.floorMod(step, (long) lists.length); }

    /** The spikes in flight: one growing list per slot, its count and the step it holds. */
    @Override
    public void declareState(StateDeclarer s) {
        for (int k = 0; k < lists.length; k++) {
            int slot = k;
            s.resizable("ring." + slot, Role.STATE, "neuron", () -> lists[slot], a -> lists[slot] = (int[]) a);
        }
        s.array("ring.counts", Role.STATE, StateDeclarer.NO_UNIT, counts);
        s.array("ring.stepOf", Role.STATE, "steps", stepOf);
    }
}
