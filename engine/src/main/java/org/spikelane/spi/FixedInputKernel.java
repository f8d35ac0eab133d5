package org.spikelane.spi;

/**
 * The fixed-point form of one input on one population ({@link InputPlugin#createFixed}). Called
 * once per step and neuron range, never per neuron; all per-neuron work is int arithmetic on
 * {@link FixedTarget#drive()}. Ranges as in {@link InputKernel}: {@link #beginStep} once per step,
 * then {@link #addDrive} per range, possibly concurrently for different ranges.
 */
public interface FixedInputKernel {
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
}
