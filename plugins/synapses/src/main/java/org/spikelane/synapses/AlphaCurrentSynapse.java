package org.spikelane.synapses;

import java.util.List;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Propagators;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.state.Role;
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

    private static final class Kernel extends CurrentKernel {
        private final double[] ramp;
        private final double[] pCurrent;
        private final double[] pRamp;
        private final double decay;
        private final double kick;

        Kernel(SynapseContext context, double tau) {
            super(context);
            ramp = new double[n];
            pCurrent = propagator(i -> Propagators.expCurrent(h, target.tauM(i), tau, scale[i]));
            pRamp = propagator(i -> Propagators.alphaRamp(h, target.tauM(i), tau, scale[i]));
            decay = Math.exp(-h / tau);
            kick = Math.E / tau;
        }

        @Override public void update(long step, int from, int to) { ops.feedAlpha(dv, pCurrent, pRamp, current, ramp, decay, h, from, to); }

        @Override
        public void receive(int[] targets, float[] weights, int from, int to) {
            for (int k = from; k < to; k++) ramp[targets[k]] += kick * weights[k];
        }

        @Override
        public void declareState(StateDeclarer s) {
            super.declareState(s);
            s.array("ramp", Role.STATE, "A/s", ramp);
            s.array("pCurrent", Role.PARAMETER, "V/A", pCurrent);
            s.array("pRamp", Role.PARAMETER, "V s/A", pRamp);
        }
    }
}
