package org.spikelane.spi;

import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The fixed-point form of one input on one population ({@link InputPlugin#createFixed}). Called
 * once per step and neuron range, never per neuron; all per-neuron work is int arithmetic on
 * {@link FixedTarget#drive()}. Ranges as in {@link InputKernel}: {@link #beginStep} once per step,
 * then {@link #addDrive} per range, possibly concurrently for different ranges.
 */
public interface FixedInputKernel extends StateOwner {
    /** As {@link InputKernel#beginStep}: the step's shared bookkeeping, once, before any range. */
    default void beginStep(long step) {}

    /**
     * Adds this input's {@code R I} at {@code t = step * dt}, in LSB_v, to {@code drive[i]} of each
     * target neuron {@code i} in {@code [from, to)}; writes nothing outside that range.
     */
    void addDrive(long step, int from, int to, int[] drive);

    /** As {@link InputKernel#set}: re-quantizes the changed value. */
    default void set(String param, int neuron, double siValue) {
        throw new UnsupportedOperationException("this input cannot change '" + param + "' while running");
    }

    /** The parameters {@link #set} accepts (the engine lists them in its state registry); none by default. */
    default java.util.List<String> settableParameters() { return java.util.List.of(); }

    /**
     * Registers every array and scalar this kernel keeps across steps (state, parameters it may
     * change at run time, scratch) with {@code state.array(...)} / {@code state.scalar(...)}; see
     * docs/plugins.md, "Declared state". A kernel without state overrides this with an empty body.
     * The default reports the kernel as undeclared: it runs, but checkpoints are refused.
     */
    @Override
    default void declareState(StateDeclarer state) { state.undeclared(); }
}
