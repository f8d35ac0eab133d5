package org.spikelane.spi;

import org.spikelane.neuron.LifState;
import org.spikelane.units.Dimension;

/** What a synapse plugin may know about the projection it serves. */
public interface SynapseContext {
    double dt();

    /** Seconds to whole steps, rounded to nearest. */
    long toSteps(double seconds);

    /**
     * The target population's state: accumulators to add to, {@code tau_m} / {@code C} / {@code R}
     * for propagators. Conductance synapses call {@link LifState#enableConductance()} on it.
     * Kernel state arrays are indexed like it (population index) and sized {@link LifState#padded}.
     */
    LifState target();

    /** The dimension of this projection's weights (one of the plugin's {@code weightDimensions()}). */
    Dimension weightDimension();

    /** Whether to use the Vector API path (false: the scalar reference, e.g. {@code spikelane.vector=scalar}). */
    boolean vector();

    /** E.g. "projection 'src -> lif' synapse 'exp_current'": start of error messages. */
    String owner();
}
