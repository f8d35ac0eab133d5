package org.spikelane.format;

import org.spikelane.neuron.LifPopulation;

/**
 * How the LIF populations of a simulation hold their numbers: one object per format
 * ({@link Float32Format}, {@link FixedFormat}, {@link LoihiFormat}), chosen by
 * {@link org.spikelane.Precision#format()}. A format builds each population in its own state and
 * kernel and binds it ({@link FormatBinding}); everything that differs between formats (how
 * inputs and synapses reach the population, what can be recorded or changed at run time, what
 * the quantization cost and how often values overflowed) is asked of that binding, so no other
 * code tells formats apart.
 */
public interface NumberFormat {
    /**
     * Checks the population's parameters the way {@link #population} will read them, without
     * building it; a one-line error names the population and the parameter.
     */
    void validate(LifBlueprint lif);

    /** Builds the population, its state and kernel (vector or scalar, as {@code spikelane.vector} says). */
    LifPopulation population(LifBlueprint lif, double dt);

    /** The lanes the kernels run on, e.g. "vector Species[float, 8, S_256_BIT]". */
    String lanes();
}
