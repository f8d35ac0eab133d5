package org.spikelane.state;

/**
 * What a registered array is for; decides whether a checkpoint carries it. NEST's model headers
 * keep parameters, state, derived variables and buffers apart for the same reason: each kind is
 * saved, restored, reported or partitioned differently.
 */
public enum Role {
    /** Evolves with the dynamics (membrane potential, synaptic currents, cursors, spikes in flight). Checkpointed. */
    STATE,
    /**
     * Fixed by the network or changed only between steps (per-neuron constants, weights, delays,
     * quantized factors). Checkpointed, because a run-time {@code set} may have changed it.
     */
    PARAMETER,
    /** Filled during a step and cleared by its consumer; between steps normally zero. Checkpointed. */
    ACCUMULATOR,
    /** Working memory of a kernel, meaningless between steps. Not checkpointed. */
    SCRATCH,
    /**
     * Output gathered so far (recorded spikes and samples). Not checkpointed: a resumed run
     * writes the outputs of its own part.
     */
    RECORDING;

    /** Whether a checkpoint saves and restores arrays of this role. */
    public boolean checkpointed() {
        return this == STATE || this == PARAMETER || this == ACCUMULATOR;
    }
}
