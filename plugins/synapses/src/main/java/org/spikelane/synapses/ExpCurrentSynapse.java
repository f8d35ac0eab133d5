package org.spikelane.synapses;

import java.util.List;
import java.util.Optional;
import org.spikelane.record.Variable;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.FusedCurrent;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Propagators;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.units.Dimension;

/**
 * Exponentially decaying current: {@code I_syn} jumps by {@code w} and decays with
 * {@code tau_syn}. Its effect on {@code v} is exact for the coupled linear system: each step adds
 * NEST {@code iaf_psc_exp}'s {@code P21 * I_syn} to {@code dv} ({@link Propagators#expCurrent},
 * singular case {@code tau_syn == tau_m} included), then {@code I_syn *= P11}.
 * A weight in V means {@code R * I} (Brian2 CUBA's {@code ge}); {@code I_syn} is recorded in A.
 * Propagators use the target's {@code tau_m} and {@code C} at build time.
 */
public final class ExpCurrentSynapse implements SynapsePlugin {
    static final String TAU = "tau_syn";

    @Override public String name() { return "exp_current"; }

    @Override public String description() { return "current that jumps by the weight and decays exponentially (exact propagators)"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.quantity(TAU, Dimension.TIME, 2e-3, Range.positive(), "decay time constant of the current (NEST default 2 ms)"));
    }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.CURRENT, Dimension.VOLTAGE); }

    /** Under {@code precision: loihi} the target neuron's own current {@code u} plays this synapse. */
    @Override public Optional<SynapseKinetics> kinetics() { return Optional.of(new SynapseKinetics.ExponentialCurrent(TAU)); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        return Kernel.of(context, params.get(TAU));
    }

    /** Under {@code precision: fixed}: int state in units of its effect on v ({@link FixedExpCurrentKernel}). */
    @Override
    public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        return new FixedExpCurrentKernel(context, target, params.get(TAU));
    }

    /**
     * Under float32 the current is a {@link FusedCurrent} of the target: the LIF kernel feeds
     * {@code P21 * I_syn} into {@code dv} and decays {@code I_syn} in its own pass, so this kernel
     * has nothing to do per step; and projections into one population with equal {@code tau_syn}
     * and weight unit share one state (docs/architecture.md, "Fused synaptic currents").
     */
    private static final class Kernel extends FusedStateKernel {
        private final FusedCurrent fused;

        private Kernel(FusedCurrent fused) {
            super(fused.state());
            this.fused = fused;
        }

        static Kernel of(SynapseContext context, double tau) {
            SynapseTarget target = context.target();
            double h = context.dt();
            double[] scale = CurrentScale.of(target, context.weightDimension());
            double[] p21 = new double[target.size()];
            for (int i = 0; i < p21.length; i++) p21[i] = Propagators.expCurrent(h, target.tauM(i), tau, scale[i]);
            return new Kernel(target.fusedCurrent("I_syn", Dimension.CURRENT, Math.exp(-h / tau), p21,
                    CurrentScale.toAmperes(target, context.weightDimension())));
        }

        @Override public List<Variable> variables() { return List.of(fused.variable()); }
    }
}
