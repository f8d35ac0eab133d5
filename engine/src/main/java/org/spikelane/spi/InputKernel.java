package org.spikelane.spi;

/**
 * The compiled form of one input on one population. Called once per step, never per neuron.
 */
public interface InputKernel {
    /**
     * Adds this input's current in amperes, evaluated at {@code t = step * dt} and held over the
     * step, to {@code current[i]} of each target neuron {@code i}. The array is the population's
     * accumulator, padded beyond the population size; indices are population indices.
     */
    void addCurrent(long step, float[] current);

    /**
     * Changes a parameter between steps (e.g. one neuron's bias from a periodic hook).
     *
     * @param neuron population index, or -1 for every target neuron
     * @throws UnsupportedOperationException if this input cannot change {@code param} at run time
     */
    default void set(String param, int neuron, double siValue) {
        throw new UnsupportedOperationException("this input cannot change '" + param + "' while running");
    }
}
