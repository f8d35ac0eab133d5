package org.spikelane.spi;

/**
 * A synapse model (delta, exponential current, conductance, ...). One kernel is created per
 * projection; it keeps per-target-neuron state arrays and feeds the target's accumulators.
 * Found with {@link java.util.ServiceLoader} like {@link InputPlugin}.
 */
public interface SynapsePlugin extends Plugin {
    SynapseKernel create(SynapseContext context, Params params);
}
