package org.spikelane.spi;

import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The compiled form of one input on one population. Called once per step, never per neuron.
 */
public interface InputKernel extends StateOwner {
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

    /**
     * Registers every array and scalar this kernel keeps across steps (state, parameters it may
     * change at run time, scratch) with {@code state.array(...)} / {@code state.scalar(...)}; see
     * docs/plugins.md, "Declared state". A kernel without state overrides this with an empty body.
     * The default reports the kernel as undeclared: it runs, but checkpoints are refused.
     */
    @Override
    default void declareState(StateDeclarer state) { state.undeclared(); }
}
