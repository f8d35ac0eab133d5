package org.spikelane.synapses;

import java.util.List;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/**
 * Conductance that jumps by the weight (S) and decays with {@code tau}; {@code I = g (E_rev - v)}.
 * Under float32 the target's LIF kernel decays it and feeds it into {@code g} and {@code gE} in its own
 * pass ({@link FusedConductanceKernel}). Under {@code precision: fixed} the conductance state stays float (this same kernel) and only the
 * membrane is integer: the fixed LIF kernel folds each step's float {@code g}, {@code gE} into that
 * step's rest and Q16 decay (FixedLifKernel), so there is no int conductance kernel.
 */
public final class ExpConductanceSynapse implements SynapsePlugin {
    static final String TAU = "tau_syn";
    static final String E_REV = "E_rev";

    @Override public String name() { return "exp_conductance"; }

    @Override public String description() { return "conductance that jumps by the weight and decays exponentially; I = g (E_rev - v)"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.quantity(TAU, Dimension.TIME, 5e-3, Range.positive(), "decay time constant of the conductance"),
                ParamSpec.quantity(E_REV, Dimension.VOLTAGE, 0.0, Range.any(), "reversal potential (0 mV excitatory, -80 mV inhibitory)"));
    }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.CONDUCTANCE); }

    @Override public Range weightRange() { return Range.nonNegative(); }

    /** Under float32 the target's LIF kernel advances the conductance in its own pass ({@link FusedConductanceKernel}). */
    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        return FusedConductanceKernel.of(context, params.get(TAU), params.get(E_REV));
    }

    /** Float conductance state under fixed (see the class comment), in its own pass: the target then is the int state, whose v I_syn reads. */
    @Override
    public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        return new ConductanceKernel(context, params.get(E_REV), new double[] {1}, new double[] {params.get(TAU)});
    }

    /** Under float32 its kernel's {@code receive} is a plain add ({@link FusedConductanceKernel#accumulator()}). */
    @Override public boolean accumulates() { return true; }
}
