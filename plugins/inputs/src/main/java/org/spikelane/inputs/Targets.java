package org.spikelane.inputs;

import java.util.Arrays;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.InputContext;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The neurons one input drives. Kernels keep their per-neuron state in "slots" {@code 0..count-1}
 * (slot k drives population neuron {@link #neuron(int) neuron(k)}, ascending, as
 * {@link InputContext#neurons()} lists them); events and run-time changes
 * name population indices, which {@link #slot(int)} maps back in O(1).
 */
final class Targets {
    /** Number of target neurons (slots). */
    final int count;
    /**
     * Population index of each slot, or null when the input drives the whole population (slot k
     * is then neuron k); this is the form {@link org.spikelane.spi.Accumulate} takes.
     */
    final int[] indices;
    private final int[] neurons;
    private final int[] slotOf;
    private final int populationSize;

    Targets(InputContext context) {
        this.populationSize = context.populationSize();
        this.neurons = context.neurons();
        this.count = neurons.length;
        this.indices = context.allNeurons() ? null : neurons;
        if (indices == null) {
            this.slotOf = null; // slot k is neuron k: no map needed for (possibly huge) whole populations
        } else {
            this.slotOf = new int[populationSize];
            Arrays.fill(slotOf, -1);
            for (int k = 0; k < count; k++) slotOf[neurons[k]] = k;
        }
    }

    /**
     * The first slot whose neuron is {@code >= neuron} ({@link #count} if none): slots are in
     * ascending neuron order, so the slots of a neuron range {@code [from, to)} are
     * {@code [firstSlot(from), firstSlot(to))}, found by binary search for a subset.
     */
    int firstSlot(int neuron) {
        return indices == null ? Math.min(neuron, count) : Accumulate.lowerBound(indices, 0, count, neuron);
    }

    /** Population index driven by slot {@code k}. */
    int neuron(int k) { return neurons[k]; }

    /** Slot of population neuron {@code neuron}, or -1 if this input does not drive it. */
    int slot(int neuron) {
        if (neuron < 0 || neuron >= populationSize) return -1;
        return slotOf == null ? neuron : slotOf[neuron];
    }

    int populationSize() { return populationSize; }

    /** For error messages: "[0, 9]" for a whole population, else the first few indices. */
    String describe() {
        if (indices == null) return "neurons [0, " + (populationSize - 1) + "]";
        int[] sorted = neurons.clone();
        Arrays.sort(sorted);
        StringBuilder s = new StringBuilder("neurons ");
        int shown = Math.min(sorted.length, 8);
        for (int k = 0; k < shown; k++) s.append(k == 0 ? "" : ", ").append(sorted[k]);
        if (shown < sorted.length) s.append(", ... (").append(sorted.length).append(" in all)");
        return s.toString();
    }

    /** The target list is a parameter of every kernel that uses it. */
    void declareState(StateDeclarer s) {
        s.array("targets", Role.PARAMETER, "neuron", neurons);
        if (slotOf != null) s.array("slotOf", Role.PARAMETER, "slot", slotOf);
    }
}
