package org.spikelane.spi;

import org.spikelane.neuron.LifState;

/** What a synapse plugin may know about the projection it serves. */
public interface SynapseContext {
    double dt();

    /** Seconds to whole steps, rounded to nearest. */
    long toSteps(double seconds);

    /** The target population's state: accumulators to add to, and tau_m / C for propagators. */
    LifState target();

    /** E.g. "projection 'src -> lif' synapse 'exp_current'": start of error messages. */
    String owner();
}
