package org.spikelane.format;

import java.util.List;
import java.util.stream.Stream;
import org.spikelane.fixed.LoihiSynapse;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.net.Projection;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.PhysicalParameters;
import org.spikelane.record.Variable;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.neuron.LoihiPhysicalMapping;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseKinetics;

/**
 * Loihi with physical LIF parameters ({@link LoihiPhysicalMapping}): input plugins add float
 * currents, which the kernel turns into the step's bias; a synapse that is a decaying current
 * (its time constant sets the target's {@code du}) or a voltage jump ({@code du = 4095}) becomes
 * the target's {@code u}, its SI weights converted once to {@code a_in} integers.
 */
final class LoihiPhysicalBinding extends LoihiBinding {
    private final LoihiPhysicalMapping mapping;
    private final PhysicalParameters parameters;

    /** @param parameters the physical parameters the population was mapped from */
    LoihiPhysicalBinding(String population, LoihiPhysicalMapping mapping, LoihiLifKernel kernel, PhysicalParameters parameters) {
        super(population, mapping.state(), kernel, new LoihiSynapseTarget(population, parameters.size, parameters.padded,
                parameters.dt, parameters, mapping::volts));
        this.mapping = mapping;
        this.parameters = parameters;
    }

    /** {@code E_L + x LSB_v}. */
    @Override Variable voltage() { return new Volts(mapping); }

    /** The input current of the step, sampled before the kernel turns it into the bias. */
    @Override Variable current() { return new FloatArrayVariable("I", Dimension.CURRENT, loihi.inputCurrent); }

    @Override
    public BoundInput input(InputPlugin plugin, InputContext context, Params params) {
        return new BoundInput(plugin.create(context, params), loihi.inputCurrent);
    }

    @Override
    public ProjectionSpec projection(ProjectionSpec spec) {
        SynapseKinetics kinetics = kinetics(spec, "a current decaying with a time constant, or a voltage jump");
        double tauSyn = kinetics instanceof SynapseKinetics.ExponentialCurrent exp ? spec.params().get(exp.timeConstant()) : 0;
        String name = spec.plugin().name();
        double[] factor = mapping.bindSynapse(spec.owner(), name, kinetics, tauSyn, spec.weightDimension());
        return spec.withSynapse(LoihiSynapse.physical(mapping.state(), name, spec.plugin().weightDimensions(), factor));
    }

    /** SI weights to a_in integers, with the factors {@link #projection} bound. */
    @Override
    public void projectionBuilt(Projection projection, ProjectionSpec spec) {
        var synapse = (LoihiSynapse) spec.plugin(); // made by projection(spec)
        ((LoihiSynapse.Kernel) projection.kernel()).useIntegerWeights(
                mapping.integerWeights(spec.owner(), projection.table(), synapse.factor()));
    }

    @Override public List<Quantization> quantization() { return mapping.report(); }

    /** u, v, and input currents beyond the largest bias, 4095 << 7. */
    @Override
    public List<OverflowCount> overflows() {
        return Stream.concat(integerOverflows().stream(), Stream.of(new OverflowCount(population, "I", Overflow.SATURATE,
                loihi.overflows[LoihiLifState.INPUT_SATURATIONS]))).toList();
    }

    /** Lava's integer state with its input current, the mapping's constants, and the parameters mapped from. */
    @Override
    public void declareState(StateDeclarer s) {
        loihi.declareState(s);
        mapping.declareState(s);
        parameters.declareState(s);
    }

    /** {@code v} in volts under the physical mapping. */
    private record Volts(LoihiPhysicalMapping mapping) implements Variable {
        @Override public String name() { return "v"; }

        @Override public Dimension dimension() { return Dimension.VOLTAGE; }

        @Override public double value(int neuron) { return mapping.volts(neuron); }
    }
}
