package org.spikelane.synapses;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * What the exponential and alpha current kernels share: the target's {@code dv} accumulator, the
 * per-target current state ({@code I_syn} in the weight's unit: A, or V meaning {@code R * I}),
 * the per-neuron propagator scale ({@link CurrentScale}) and the recordable {@code I_syn} in A.
 * Propagators are computed once, when the simulation is built, from each target's {@code tau_m},
 * {@code C} and {@code dt}; a {@code tau_m} or {@code C} changed later through
 * {@code LifPopulation.set} is not seen by them.
 */
abstract class CurrentKernel implements SynapseKernel {
    protected final SynapseTarget target;
    protected final float[] dv;
    protected final int n;
    protected final double h;
    protected final double[] current;
    /** {@code 1/C} or {@code 1/tau_m} per target neuron, for the propagators. */
    protected final double[] scale;
    protected final SynapseOps ops;
    private final double[] toAmperes;

    CurrentKernel(SynapseContext context) {
        target = context.target();
        dv = target.dv();
        n = target.padded();
        h = context.dt();
        current = new double[n];
        scale = CurrentScale.of(target, context.weightDimension());
        ops = SynapseOps.of(context.vector());
        toAmperes = CurrentScale.toAmperes(target, context.weightDimension());
    }

    /** Propagator of every target neuron (padding 0), from its {@code tau_m} and scale. */
    protected double[] propagator(java.util.function.IntToDoubleFunction ofNeuron) {
        double[] p = new double[n];
        for (int i = 0; i < target.size(); i++) p[i] = ofNeuron.applyAsDouble(i);
        return p;
    }

    @Override
    public List<Variable> variables() {
        return List.of(new StateVariable("I_syn", Dimension.CURRENT, current, toAmperes));
    }

    /** The synaptic current per target; subclasses add their propagators and extra state. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("current", Role.STATE, "A", current);
        s.array("scale", Role.PARAMETER, StateDeclarer.NO_UNIT, scale);
        s.array("toAmperes", Role.PARAMETER, StateDeclarer.NO_UNIT, toAmperes);
    }
}
