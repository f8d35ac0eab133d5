package org.spikelane.synapses;

import org.spikelane.spi.SynapseKernel;
import org.spikelane.state.StateDeclarer;

/**
 * A float32 kernel whose state the target's LIF kernel advances in its own pass (a fused current
 * or conductance of the target): all that is left to it is delivery, a plain add of the weights.
 */
abstract class FusedStateKernel implements SynapseKernel {
    private final float[] state;

    /** @param state the target's fused state that delivery adds the weights to */
    FusedStateKernel(float[] state) {
        this.state = state;
    }

    /** Nothing: the target's LIF kernel advances the state. */
    @Override public final void update(long step, int from, int to) { }

    @Override
    public final void receive(int[] targets, float[] weights, int from, int to) {
        for (int k = from; k < to; k++) state[targets[k]] += weights[k];
    }

    /** {@link #receive} is a plain add into the (possibly shared) state: the engine may deliver ahead into it. */
    @Override public final float[] accumulator() { return state; }

    /** No state of its own: the state and its constants are the target population's (declared there). */
    @Override public final void declareState(StateDeclarer s) { }
}
