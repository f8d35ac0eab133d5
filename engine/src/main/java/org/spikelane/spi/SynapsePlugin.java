package org.spikelane.spi;

import java.util.List;
import org.spikelane.units.Dimension;

/**
 * A synapse model (delta, exponential current, conductance, ...). One kernel is created per
 * projection; it keeps per-target-neuron state arrays and feeds the target's accumulators.
 * Found with {@link java.util.ServiceLoader} like {@link InputPlugin}.
 *
 * <p>The engine owns connectivity, weights and delays: it parses every weight in one of
 * {@link #weightDimensions()}, checks it against {@link #weightRange()}, stores it in SI units in
 * the projection's compressed rows and hands whole rows to {@link SynapseKernel#receive}.
 */
public interface SynapsePlugin extends Plugin {
    /** Builds the kernel of one projection. Throw {@link Params#error} for invalid combinations. */
    SynapseKernel create(SynapseContext context, Params params);

    /**
     * Builds the kernel of a projection into a population under {@code precision: fixed}: int
     * state feeding {@link FixedTarget#jump()} or {@link FixedTarget#drive()}. A plugin that
     * does not override this supports float32 only, and a fixed-point run that uses it stops with
     * this error.
     */
    default SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        throw new ParameterException(context.owner(), null, "plugin '" + name() + "' supports precision float32 only "
                + "(it has no fixed-point kernel); run with precision: float32");
    }

    /**
     * Dimensions a weight may have, e.g. a current (A) or a voltage meaning {@code R * I}; the
     * first one is assumed for plain numbers. {@link SynapseContext#weightDimension()} tells the
     * kernel which one the user chose.
     */
    default List<Dimension> weightDimensions() { return List.of(Dimension.CURRENT); }

    /** Allowed weights in SI units (conductances: {@code >= 0}). */
    default Range weightRange() { return Range.any(); }

    /**
     * The synapse's closed form, if it has one that integer hardware can take over: under
     * {@code precision: loihi} the synapse becomes the target neuron's own current {@code u}, so
     * only plugins that declare {@link SynapseKinetics.ExponentialCurrent} (or, with physical
     * parameters, {@link SynapseKinetics.VoltageJump}) run there. Empty (the default): the plugin
     * runs under float32 and, with {@link #createFixed}, fixed only.
     */
    default java.util.Optional<SynapseKinetics> kinetics() { return java.util.Optional.empty(); }

    /**
     * Whether this plugin's float32 kernels return an {@link SynapseKernel#accumulator()}, so that
     * a projection with several delays is delivered ahead into a ring of future input. Only the
     * memory estimate asks (it runs before any kernel exists); the kernel's answer decides. Default:
     * the plugins whose closed form is an exponential current.
     */
    default boolean accumulates() { return kinetics().orElse(null) instanceof SynapseKinetics.ExponentialCurrent; }
}
