package org.spikelane.spi;

import org.spikelane.record.Variable;

/**
 * A linear synaptic state {@code x} per target neuron that the target's neuron kernel advances
 * in its own pass over the neurons, instead of the synapse taking a pass of its own: each step
 * the kernel adds {@code propagator[i] * x[i]} to neuron {@code i}'s exact voltage increment and
 * then multiplies {@code x[i]} by the constant decay. Obtained from
 * {@link SynapseTarget#fusedCurrent}; projections into one population that ask with the same
 * name, decay, propagators and unit factor get the same instance, so they decay one state array
 * between them (their effect is linear in {@code x}, so the sum behaves as the parts did).
 */
public interface FusedCurrent {
    /**
     * The state per target neuron (padded), in the unit of the weights that DELIVERY adds to it
     * ({@link SynapseKernel#receive}: {@code state()[targets[k]] += weights[k]}).
     */
    float[] state();

    /**
     * The state in SI units as a recordable variable; the same instance for every projection
     * that shares the state, which is how the engine tells that they share it.
     */
    Variable variable();
}
