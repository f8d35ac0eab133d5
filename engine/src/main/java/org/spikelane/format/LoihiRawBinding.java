package org.spikelane.format;

import java.util.List;
import org.spikelane.fixed.LoihiSynapse;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.net.Projection;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.record.Variable;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseKinetics;

/**
 * Loihi with raw hardware parameters: integers already, so nothing is quantized. The drive is
 * the bias and integer weights into {@code a_in}; input plugins (float currents) have no place.
 */
final class LoihiRawBinding extends LoihiBinding {
    LoihiRawBinding(String population, LoihiLifState loihi, LoihiLifKernel kernel, double dt) {
        super(population, loihi, kernel, new LoihiSynapseTarget(population, loihi.size, loihi.padded, dt, null, i -> loihi.v[i]));
    }

    @Override Variable voltage() { return new RawVariable("v", loihi.v); }

    /** No input plugin can reach a raw population, so its input current is 0 throughout. */
    @Override Variable current() { return new FloatArrayVariable("I", Dimension.CURRENT, new float[loihi.padded]); }

    @Override public void declareState(StateDeclarer s) { loihi.declareState(s); }

    @Override
    public BoundInput input(InputPlugin plugin, InputContext context, Params params) {
        throw new ParameterException(context.owner(), "target", "population '" + population + "' runs under precision loihi "
                + "with raw hardware parameters, which take no input plugins; drive it with bias_mant/bias_exp or a projection "
                + "(integer weights), or give it physical LIF parameters");
    }

    /** A synapse decaying exponentially becomes the target's u, decaying with the target's du. */
    @Override
    public ProjectionSpec projection(ProjectionSpec spec) {
        String name = spec.plugin().name();
        SynapseKinetics kinetics = kinetics(spec, "a current decaying with a time constant");
        if (!(kinetics instanceof SynapseKinetics.ExponentialCurrent)) {
            throw new ParameterException(spec.owner(), "synapse", "'" + name + "' is not available under precision loihi "
                    + "with raw hardware parameters: it is " + kinetics.describe() + ", and only a current decaying with a "
                    + "time constant can be the target's u (decay du)");
        }
        if (!spec.synapseParams().isEmpty()) {
            throw new ParameterException(spec.owner(), "synapse", name + " takes no parameters under precision loihi "
                    + "(its decay is the target's du), got " + spec.synapseParams().keySet());
        }
        return spec.withSynapse(new LoihiSynapse(loihi, name));
    }

    /** Raw weights are added to a_in as they are, so they must be integers. */
    @Override
    public void projectionBuilt(Projection projection, ProjectionSpec spec) {
        for (float w : projection.table().weights()) {
            if (w != Math.rint(w)) {
                throw new ParameterException(spec.owner(), "weight", "must be an integer under precision loihi "
                        + "(added to a_in), got " + w);
            }
        }
    }

    @Override public List<Quantization> quantization() { return List.of(); }

    @Override public List<OverflowCount> overflows() { return integerOverflows(); }
}
