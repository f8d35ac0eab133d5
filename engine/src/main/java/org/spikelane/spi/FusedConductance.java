package org.spikelane.spi;

import java.util.List;
import org.spikelane.record.Variable;

/**
 * An exponentially decaying conductance {@code g} per target neuron that the target's neuron
 * kernel advances in its own pass, instead of the synapse taking a pass of its own: each step the
 * kernel adds {@code g[i]} to neuron {@code i}'s total conductance and {@code g[i] E_rev} to its
 * driving term, integrates, then multiplies {@code g[i]} by the constant decay. Obtained from
 * {@link SynapseTarget#fusedConductance}; projections into one population that ask with the same
 * decay and reversal potential get the same instance, so they decay one state array between them
 * (their effect on {@code v} depends on the sum only).
 */
public interface FusedConductance {
    /** The conductance per target neuron (padded), in S: DELIVERY adds the weights to it. */
    float[] state();

    /**
     * {@code g} (S) and {@code I_syn = g (E_rev - v)} (A), recordable; the same instances for
     * every projection that shares the state, which is how the engine tells that they share it.
     */
    List<Variable> variables();
}
