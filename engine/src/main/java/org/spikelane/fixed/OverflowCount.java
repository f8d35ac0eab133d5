package org.spikelane.fixed;

/**
 * How often a variable of a population left its bit range since the simulation started.
 *
 * @param variable e.g. "v", "I" (input current quantized into its accumulator), "dv", "u"
 * @param mode     what happened each time (clipped or wrapped)
 * @param count    number of neuron-steps on which it happened
 */
public record OverflowCount(String population, String variable, Overflow mode, long count) {}
