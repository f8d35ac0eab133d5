package org.spikelane.spi;

import org.spikelane.random.RandomStream;

/** What an input plugin may know about the simulation it is built into. */
public interface InputContext {
    /** Time step in seconds. */
    double dt();

    /** Seconds converted to whole steps by rounding to the nearest step (docs/semantics.md §1). */
    long toSteps(double seconds);

    /** Size of the target population. */
    int populationSize();

    /** Target neuron indices (ascending, distinct); every neuron of the population if none were chosen. */
    int[] neurons();

    /** Whether the input targets every neuron of the population. */
    boolean allNeurons();

    /**
     * A new random stream on each call: the n-th call of this input (counting from 0) gets the
     * n-th numbered substream of the input's stream, which derives from the network seed and the
     * input's position. Draw with {@link RandomStream#uniform(long, long) uniform(step, neuron)},
     * {@link RandomStream#gaussian(long, long) gaussian(step, neuron)} etc.: a stream is an
     * immutable key, so kernels may draw for any neurons in any order and have no generator state.
     */
    RandomStream randomStream();

    /**
     * The input's stream named {@code name}: the same for every call with that name, independent
     * of the numbered ones and of other names (for draws whose purpose should keep its numbers
     * when the plugin later asks for more streams).
     */
    RandomStream randomStream(String name);

    /** Another population's spikes; throws a ParameterException naming {@code parameter} if unknown. */
    SpikeSource spikesOf(String population, String parameter);

    /** E.g. "input 'pulse'": start of error messages. */
    String owner();
}
