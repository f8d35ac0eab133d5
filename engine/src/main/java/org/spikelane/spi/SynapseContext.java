package org.spikelane.spi;

import org.spikelane.units.Dimension;

/** What a synapse plugin may know about the projection it serves. */
public interface SynapseContext {
    double dt();

    /** Seconds to whole steps, rounded to nearest. */
    long toSteps(double seconds);

    /**
     * The target population as the float kernel sees it, in every format: {@code tau_m} /
     * {@code C} / {@code R} for propagators, and the float accumulators its format has
     * ({@link SynapseTarget#dv()}; conductance synapses call {@link SynapseTarget#enableConductance()}).
     * Kernel state arrays are indexed like it (population index) and sized {@link SynapseTarget#padded()}.
     */
    SynapseTarget target();

    /** The dimension of this projection's weights (one of the plugin's {@code weightDimensions()}). */
    Dimension weightDimension();

    /** Whether to use the Vector API path (false: the scalar reference, e.g. {@code spikelane.vector=scalar}). */
    boolean vector();

    /** E.g. "projection 'src -> lif' synapse 'exp_current'": start of error messages. */
    String owner();
}
