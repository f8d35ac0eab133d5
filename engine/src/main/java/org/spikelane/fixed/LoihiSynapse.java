package org.spikelane.fixed;

import java.util.List;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * What a projection into a population under precision loihi becomes: the exponential current is
 * the neuron's own {@code u} (decay {@code du}), so the synapse only adds its integer weight to
 * the target's {@code a_in}; the next step adds {@code a_in << 6} to {@code u} after decaying
 * it, as Lava's Dense feeds {@code PyLifModelBitAcc}. The simulation builds one instance per
 * projection, bound to the target's state (no plugin lookup).
 *
 * <p>Raw mode ({@link #LoihiSynapse(LoihiLifState, String)}): a decaying current with integer
 * weights. Physical mode ({@link #physical}): a decaying current or a voltage jump with SI weights, which
 * the simulation converts once to integers ({@link Kernel#useIntegerWeights}) with the per-target
 * {@link #factor()} of {@code LoihiPhysicalMapping}.
 */
public final class LoihiSynapse implements SynapsePlugin {
    /** Largest |weight|: Lava's a_in port holds 16 bits. */
    public static final int MAX_WEIGHT = (1 << 15) - 1;

    private final LoihiLifState target;
    private final String name;
    private final List<Dimension> weightDimensions;
    private final double[] factor;

    /** Raw mode: integer weights, under the name of the plugin it replaces. */
    public LoihiSynapse(LoihiLifState target, String name) {
        this(target, name, List.of(Dimension.DIMENSIONLESS), null);
    }

    private LoihiSynapse(LoihiLifState target, String name, List<Dimension> weightDimensions, double[] factor) {
        this.target = target;
        this.name = name;
        this.weightDimensions = weightDimensions;
        this.factor = factor;
    }

    /**
     * A synapse with SI weights ({@code weightDimensions} as the replaced plugin's) into a
     * population with physical parameters; {@code factor[i]} turns a weight into units of
     * {@code u} of target neuron {@code i}.
     */
    public static LoihiSynapse physical(LoihiLifState target, String name, List<Dimension> weightDimensions, double[] factor) {
        return new LoihiSynapse(target, name, weightDimensions, factor.clone());
    }

    /** Per target neuron: weight to units of {@code u}; null in raw mode. */
    public double[] factor() { return factor == null ? null : factor.clone(); }

    @Override public String name() { return name; }

    @Override public String description() { return "Loihi current synapse: integer weight added to a_in of the target"; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public List<Dimension> weightDimensions() { return weightDimensions; }

    @Override public Range weightRange() { return factor == null ? Range.closed(-MAX_WEIGHT, MAX_WEIGHT) : Range.any(); }

    @Override
    public SynapseKernel create(SynapseContext context, Params params) {
        return new Kernel(target.aIn);
    }

    /** Adds each arriving synapse's integer weight to {@code a_in} of its target. */
    public static final class Kernel implements SynapseKernel {
        private final int[] aIn;
        /** Integer weights by synapse index; null: the table's weights are integers already (raw mode). */
        private int[] integerWeights;

        Kernel(int[] aIn) { this.aIn = aIn; }

        /** Uses these integer weights (indexed like the projection's table) instead of the table's. */
        public void useIntegerWeights(int[] weights) { this.integerWeights = weights.clone(); }

        @Override public void update(long step, int from, int to) { }

        /** a_in belongs to the target's Loihi state; only the converted weights are this kernel's. */
        @Override
        public void declareState(StateDeclarer s) {
            if (integerWeights != null) s.array("integerWeights", Role.PARAMETER, "raw", integerWeights);
        }

        @Override
        public void receive(int[] targets, float[] weights, int from, int to) {
            int[] integer = integerWeights;
            if (integer == null) {
                for (int k = from; k < to; k++) aIn[targets[k]] += (int) weights[k];
            } else {
                for (int k = from; k < to; k++) aIn[targets[k]] += integer[k];
            }
        }
    }
}
