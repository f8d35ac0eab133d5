package org.spikelane.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.record.Variable;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/**
 * What both Loihi modes share: the integer state ({@link LoihiLifState}, {@code u} and {@code v}),
 * its wrap and saturation counts, parameters fixed at build time, and synapses played by the
 * neuron's own current {@code u}, so a projection's plugin is replaced
 * ({@link #projection}) by one that adds integer weights to {@code a_in}
 * ({@link org.spikelane.fixed.LoihiSynapse}).
 */
abstract sealed class LoihiBinding implements FormatBinding permits LoihiRawBinding, LoihiPhysicalBinding {
    final String population;
    /** The float state: the accumulators input plugins add to (physical mode); not stepped. */
    final LifState floatState;
    final LoihiLifKernel kernel;
    final LoihiLifState loihi;

    LoihiBinding(String population, LifState floatState, LoihiLifKernel kernel) {
        this.population = population;
        this.floatState = floatState;
        this.kernel = kernel;
        this.loihi = kernel.loihiState();
    }

    @Override public final LifKernel kernel() { return kernel; }

    @Override
    public final List<String> variableNames() {
        List<String> names = new ArrayList<>(List.of("v", "I"));
        for (String n : kernel.ownVariableNames()) if (!names.contains(n)) names.add(n);
        return names;
    }

    /** v and u from the integer state; I is the float input current of the step. */
    @Override
    public final Variable variable(String name) {
        Variable own = kernel.ownVariable(name);
        if (own != null) return own;
        return name.equals("I") ? new FloatArrayVariable("I", Dimension.CURRENT, floatState.current) : null;
    }

    @Override
    public final void set(String owner, String param, int neuron, double siValue) {
        throw new ParameterException(owner, param, "cannot be changed at run time under precision loihi");
    }

    /** The synapse's kinetics, or a one-line error naming the plugin and what it lacks. */
    static SynapseKinetics kinetics(ProjectionSpec spec, String needs) {
        SynapsePlugin plugin = spec.plugin();
        return plugin.kinetics().orElseThrow(() -> new ParameterException(spec.owner(), "synapse", "'" + plugin.name()
                + "' is not available under precision loihi: it declares no kinetics that Loihi's current u can play ("
                + needs + ")"));
    }

    /** The projection's plugin is the replacement made by {@link #projection}. */
    @Override
    public final SynapseKernel synapseKernel(SynapsePlugin plugin, SynapseContext context, Params params) {
        return plugin.create(context, params);
    }

    /** The wraps of u and saturations of v. */
    final List<OverflowCount> integerOverflows() {
        return List.of(new OverflowCount(population, "u", Overflow.WRAP, loihi.overflows[LoihiLifState.U_WRAPS]),
                new OverflowCount(population, "v", Overflow.SATURATE, loihi.overflows[LoihiLifState.V_SATURATIONS]));
    }

    @Override
    public final void clearAccumulators() {
        Float32Binding.clearFloat(floatState);
        Arrays.fill(loihi.aIn, 0);
    }
}
