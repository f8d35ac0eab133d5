package org.spikelane.spi;

/**
 * The fixed-point form of one input on one population ({@link InputPlugin#createFixed}). Called
 * once per step, never per neuron; all per-neuron work is int arithmetic on
 * {@link FixedTarget#drive()}.
 */
public interface FixedInputKernel {
    /** Adds this input's {@code R I} at {@code t = step * dt}, in LSB_v, to {@code drive[i]} of each target neuron. */
    void addDrive(long step, int[] drive);

    /** As {@link InputKernel#set}: re-quantizes the changed value. */
    default void set(String param, int neuron, double siValue) {
        throw new UnsupportedOperationException("this input cannot change '" + param + "' while running");
    }
}
