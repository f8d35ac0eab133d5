package org.spikelane.fixed;

import java.util.List;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/**
 * What {@code synapse: exp_current} means for a projection into a population under precision
 * loihi: the exponential current is the neuron's own {@code u} (decay {@code du}), so the synapse
 * only adds its integer weight to the target's {@code a_in}; the next step adds {@code a_in << 6}
 * to {@code u} after decaying it, as Lava's Dense feeds {@code PyLifModelBitAcc}. The simulation
 * builds one instance per projection, bound to the target's state (no plugin lookup).
 */
public final class LoihiSynapse implements SynapsePlugin {
    /** Largest |weight|: Lava's a_in port holds 16 bits. */
    public static final int MAX_WEIGHT = (1 << 15) - 1;

    private final LoihiLifState target;

    public LoihiSynapse(LoihiLifState target) { this.target = target; }

    @Override public String name() { return "exp_current"; }

    @Override public String description() { return "Loihi current synapse: integer weight added to a_in of the target"; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public List<Dimension> weightDimensions() { return List.of(Dimension.DIMENSIONLESS); }

    @Override public Range weightRange() { return Range.closed(-MAX_WEIGHT, MAX_WEIGHT); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        int[] aIn = target.aIn;
        return new SynapseKernel() {
            @Override public void update(long step) { }

            @Override
            public void receive(int[] targets, float[] weights, int from, int to) {
                for (int k = from; k < to; k++) aIn[targets[k]] += (int) weights[k];
            }
        };
    }
}
