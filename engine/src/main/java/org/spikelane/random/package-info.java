/**
 * Counter-based randomness: {@link org.spikelane.random.RandomStream}, the one generator of the
 * engine. Every random number of a simulation (parameter distributions, connectivity, weights,
 * delays, input noise, random pulse targets, the key of stochastic rounding) is a pure function
 * of (seed, stream, step, neuron), so results do not depend on how neurons are split into ranges
 * or in which order ranges run, and no generator holds state to save in a checkpoint.
 */
package org.spikelane.random;
