package org.spikelane.synapses;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.FusedCurrent;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Propagators;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * Alpha-shaped current {@code I(s) = w (s / tau_syn) e^{1 - s/tau_syn}}, peak {@code w} at
 * {@code s = tau_syn}. Two linear states per target, {@code dx/dt = -x/tau}, {@code dI/dt = -I/tau + x};
 * a spike adds {@code w e / tau} to {@code x}. The states and their effect on {@code v} are
 * propagated exactly over each step ({@link Propagators}). Weights in A, or in V meaning {@code R * I}.
 */
public final class AlphaCurrentSynapse implements SynapsePlugin {
    @Override public String name() { return "alpha_current"; }

    @Override public String description() { return "alpha-shaped current with peak equal to the weight at t = tau_syn (exact propagators)"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.quantity(ExpCurrentSynapse.TAU, Dimension.TIME, 2e-3, Range.positive(), "time to peak of the current"));
    }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.CURRENT, Dimension.VOLTAGE); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        return new Kernel(context, params.get(ExpCurrentSynapse.TAU));
    }

    /** Under {@code precision: fixed}: two int states in units of their effect on v ({@link FixedAlphaCurrentKernel}). */
    @Override
    public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        return new FixedAlphaCurrentKernel(context, target, params.get(ExpCurrentSynapse.TAU));
    }

    /**
     * Under float32 the pair is a fused alpha current of the target
     * ({@link SynapseTarget#fusedAlphaCurrent}): the LIF kernel feeds both states' effect into
     * {@code dv} and propagates them in its own pass, so this kernel only kicks the ramp at
     * delivery; projections into one population with equal {@code tau_syn} and weight unit share
     * one pair (docs/architecture.md, "Fused synaptic currents").
     */
    private static final class Kernel implements SynapseKernel {
        private final FusedCurrent fused;
        private final float[] ramp;
        private final double kick;

        Kernel(SynapseContext context, double tau) {
            SynapseTarget target = context.target();
            double h = context.dt();
            double[] scale = CurrentScale.of(target, context.weightDimension());
            double[] pCurrent = new double[target.size()], pRamp = new double[target.size()];
            for (int i = 0; i < pCurrent.length; i++) {
                pCurrent[i] = Propagators.expCurrent(h, target.tauM(i), tau, scale[i]);
                pRamp[i] = Propagators.alphaRamp(h, target.tauM(i), tau, scale[i]);
            }
            fused = target.fusedAlphaCurrent("I_syn", Dimension.CURRENT, Math.exp(-h / tau), pCurrent, pRamp,
                    CurrentScale.toAmperes(target, context.weightDimension()));
            ramp = fused.state();
            kick = Math.E / tau;
        }

        /** Nothing: the target's LIF kernel advances the fused pair. */
        @Override public void update(long step, int from, int to) { }

        /** A spike of weight {@code w} raises the ramp by {@code w e / tau}, so the current peaks at {@code w} after {@code tau}. */
        @Override
        public void receive(int[] targets, float[] weights, int from, int to) {
            for (int k = from; k < to; k++) ramp[targets[k]] += (float) (kick * weights[k]);
        }

        @Override public List<Variable> variables() { return List.of(fused.variable()); }

        /** No state of its own: both states and their propagators are the target population's (declared there). */
        @Override public void declareState(StateDeclarer s) { }
    }
}
