package org.spikelane.synapses;

import java.util.List;
import java.util.Optional;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * {@code v += w} at delivery: the weight goes into the target's {@code dv} accumulator, which the
 * next step's LIF update adds after integrating (so a neuron that is refractory then loses it,
 * as in Brian2's {@code unless refractory}). No state, nothing to decay.
 */
public final class DeltaSynapse implements SynapsePlugin {
    @Override public String name() { return "delta"; }

    @Override public String description() { return "jump of the membrane potential by the weight (a voltage) at arrival"; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.VOLTAGE); }

    /** Under {@code precision: loihi} with physical parameters: a current {@code u} that forgets each step. */
    @Override public Optional<SynapseKinetics> kinetics() { return Optional.of(new SynapseKinetics.VoltageJump()); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        return new Kernel(context.target().dv());
    }

    /** Under {@code precision: fixed}: {@code round(w / LSB_v)} into the int jump accumulator ({@link FixedDeltaKernel}). */
    @Override
    public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) {
        return new FixedDeltaKernel(target);
    }

    private static final class Kernel implements SynapseKernel {
        private final float[] dv;

        Kernel(float[] dv) { this.dv = dv; }

        @Override public void update(long step, int from, int to) {}

        @Override
        public void receive(int[] targets, float[] weights, int from, int to) {
            for (int k = from; k < to; k++) dv[targets[k]] += weights[k];
        }

        /** No state of its own: it adds straight into the target's dv accumulator. */
        @Override public void declareState(StateDeclarer s) { }
    }
}
