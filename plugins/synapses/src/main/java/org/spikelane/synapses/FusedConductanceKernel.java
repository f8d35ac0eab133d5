package org.spikelane.synapses;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.FusedConductance;
import org.spikelane.spi.SynapseContext;

/**
 * {@code exp_conductance} under float32: the conductance is a {@link FusedConductance} of the
 * target, which its LIF kernel adds to {@code g} and {@code g E_rev} and decays in its own pass
 * (float state, compensated decay), so this kernel has nothing to do per step; projections into
 * one population with equal {@code tau_syn} and {@code E_rev} share one state
 * (docs/architecture.md, "Fused synaptic currents").
 */
final class FusedConductanceKernel extends FusedStateKernel {
    private final FusedConductance fused;

    private FusedConductanceKernel(FusedConductance fused) {
        super(fused.state());
        this.fused = fused;
    }

    static FusedConductanceKernel of(SynapseContext context, double tau, double eRev) {
        return new FusedConductanceKernel(context.target().fusedConductance(Math.exp(-context.dt() / tau), eRev));
    }

    @Override public List<Variable> variables() { return fused.variables(); }
}
