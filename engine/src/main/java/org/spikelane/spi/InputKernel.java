package org.spikelane.spi;

import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The compiled form of one input on one population. Called once per step and neuron range, never
 * per neuron.
 *
 * <p>Ranges: each step the engine calls {@link #beginStep} once, then {@link #addCurrent} for
 * ranges {@code [from, to)} of population indices that together cover {@code [0, padded)} exactly
 * once. {@code from} is a multiple of {@link org.spikelane.simd.Simd#LANES} and {@code to} is one
 * too or the padded size, so a vector loop over a range needs no tail. A single-threaded run
 * passes the whole population in one call; a multi-threaded one may call {@code addCurrent} for
 * different ranges of the same step at the same time. So per-step bookkeeping (event cursors,
 * random draws, anything that is not one neuron's own state) belongs in {@code beginStep}, and
 * {@code addCurrent} writes only {@code current[from, to)} and the kernel's own per-neuron state
 * of the neurons in that range.
 */
public interface InputKernel extends StateOwner {
    /**
     * Once per step, on one thread, before any {@link #addCurrent} of that step: advance cursors,
     * trigger events, anything shared by all neurons. Events land in the kernel's own state; the
     * accumulator is written only in {@code addCurrent}.
     */
    default void beginStep(long step) {}

    /**
     * Adds this input's current in amperes, evaluated at {@code t = step * dt} and held over the
     * step, to {@code current[i]} of each target neuron {@code i} in {@code [from, to)}. The array
     * is the population's accumulator, padded beyond the population size; indices are population
     * indices. Must not write outside {@code [from, to)}: neither here nor in the context's
     * {@link InputContext#dv()}, where a kernel may add the rest of its exact effect on v.
     */
    void addCurrent(long step, int from, int to, float[] current);

    /**
     * Changes a parameter between steps (e.g. one neuron's bias from a periodic hook).
     *
     * @param neuron population index, or -1 for every target neuron
     * @throws UnsupportedOperationException if this input cannot change {@code param} at run time
     */
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
