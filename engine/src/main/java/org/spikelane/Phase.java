package org.spikelane;

/**
 * The phases of one step of {@code dt}, in the order {@link Simulation#step()} runs them. Step
 * {@code n} goes from {@code t_n = n dt} to {@code t_{n+1}}; {@link Simulation#schedule()} lists
 * what runs in each phase of a built network.
 */
public enum Phase {
    /** Hooks due at step n (n a multiple of their interval) run between steps and may change parameters and inputs. */
    HOOKS,
    /** Inputs add their current at {@code t_n}, held over the step, to their population's accumulator. */
    INPUTS,
    /** State recorders sample the state at {@code t_n}, with the inputs of step n already added. */
    RECORD,
    /** Synapses add their contribution from their state at {@code t_n} to the accumulators, then advance to {@code t_{n+1}}. */
    SYNAPSE_UPDATE,
    /** Populations integrate to {@code t_{n+1}}, threshold and reset; their spikes are stamped step n. */
    NEURON_UPDATE,
    /** Projections hand step n's spikes (and older ones whose delay expires now) to their synapses, first seen in step n + 1. */
    DELIVERY,
    /** Step n's spikes go to the spike recorder and the listeners. */
    SPIKES_OUT
}
