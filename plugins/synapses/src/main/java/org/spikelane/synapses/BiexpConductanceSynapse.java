package org.spikelane.synapses;

import java.util.ArrayList;
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
 * The GABA_A conductance of the seed (Neuronal Dynamics):
 * {@code g(s) = gbar (1 - e^{-s/tau_rise}) (a e^{-s/tau_fast} + (1 - a) e^{-s/tau_slow})},
 * {@code I = g (E_rev - v)}, {@code gbar} the weight. Multiplied out it is four decaying
 * exponentials (docs/semantics.md §10): {@code a e^{-s/tau_fast}}, {@code (1-a) e^{-s/tau_slow}},
 * {@code -a e^{-s (1/tau_rise + 1/tau_fast)}}, {@code -(1-a) e^{-s (1/tau_rise + 1/tau_slow)}};
 * terms with a zero coefficient ({@code a = 1} or {@code a = 0}) are left out.
 * Under {@code precision: fixed} the four conductance states stay float (this same kernel) and only
 * the membrane is integer: the fixed LIF kernel folds each step's float {@code g}, {@code gE} into
 * that step's rest and Q16 decay (FixedLifKernel).
 */
public final class BiexpConductanceSynapse implements SynapsePlugin {
    static final String TAU_RISE = "tau_rise";
    static final String TAU_FAST = "tau_fast";
    static final String TAU_SLOW = "tau_slow";
    static final String A = "a";
    static final String E_REV = "E_rev";

    @Override public String name() { return "biexp_conductance"; }

    @Override
    public String description() {
        return "GABA_A-like conductance: rise times fast and slow decay, gbar (1 - e^-s/tau_rise)(a e^-s/tau_fast + (1-a) e^-s/tau_slow)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.quantity(TAU_RISE, Dimension.TIME, 1e-3, Range.positive(), "rise time constant"),
                ParamSpec.quantity(TAU_FAST, Dimension.TIME, 6e-3, Range.positive(), "fast decay time constant"),
                ParamSpec.quantity(TAU_SLOW, Dimension.TIME, 100e-3, Range.positive(), "slow decay time constant (unused when a = 1)"),
                ParamSpec.quantity(A, Dimension.DIMENSIONLESS, 1.0, Range.closed(0, 1), "weight of the fast decay"),
                ParamSpec.quantity(E_REV, Dimension.VOLTAGE, -75e-3, Range.any(), "reversal potential (GABA_A about -75 mV)"));
    }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.CONDUCTANCE); }

    @Override public Range weightRange() { return Range.nonNegative(); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        double rise = params.get(TAU_RISE);
        double fast = params.get(TAU_FAST);
        double slow = params.get(TAU_SLOW);
        double a = params.get(A);
        List<double[]> terms = new ArrayList<>(); // {coefficient, tau}
        if (a > 0) {
            terms.add(new double[] {a, fast});
            terms.add(new double[] {-a, 1 / (1 / rise + 1 / fast)});
        }
        if (a < 1) {
            terms.add(new double[] {1 - a, slow});
            terms.add(new double[] {-(1 - a), 1 / (1 / rise + 1 / slow)});
        }
        double[] coefficient = terms.stream().mapToDouble(t -> t[0]).toArray();
        double[] tau = terms.stream().mapToDouble(t -> t[1]).toArray();
        return new ConductanceKernel(context, params.get(E_REV), coefficient, tau);
    }

    /** Float conductance state under fixed too (see the class comment): the target then is the int state, whose v I_syn reads. */
    @Override
    public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        return create(context, params);
    }
}
