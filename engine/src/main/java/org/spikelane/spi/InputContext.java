package org.spikelane.spi;

import java.util.SplittableRandom;

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

    /** A random generator derived from the simulation seed and this input's position: reproducible. */
    SplittableRandom random();

    /** Another population's spikes; throws a ParameterException naming {@code parameter} if unknown. */
    SpikeSource spikesOf(String population, String parameter);

    /** E.g. "input 'pulse'": start of error messages. */
    String owner();
}
