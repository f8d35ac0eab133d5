package org.spikelane.format;

import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.record.Variable;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;

/**
 * What both Loihi modes share: the integer state ({@link LoihiLifState}, {@code u} and {@code v}),
 * its wrap and saturation counts, parameters fixed at build time, and synapses played by the
 * neuron's own current {@code u}, so a projection's plugin is replaced
 * ({@link #projection}) by one that adds integer weights to {@code a_in}
 * ({@link org.spikelane.fixed.LoihiSynapse}).
 */
abstract sealed class LoihiBinding implements FormatBinding permits LoihiRawBinding, LoihiPhysicalBinding {
    final String population;
    final LoihiLifState loihi;
    final LoihiLifKernel kernel;
    /** What plugins and the CLI see of the population: parameters only. */
    final LoihiSynapseTarget target;

    LoihiBinding(String population, LoihiLifState loihi, LoihiLifKernel kernel, LoihiSynapseTarget target) {
        this.population = population;
        this.loihi = loihi;
        this.kernel = kernel;
        this.target = target;
    }

    @Override public final LifKernel<LoihiLifState> kernel() { return kernel; }

    @Override
    public final int step(long step, int from, int to, int[] spikesOut, int offset) {
        return kernel.step(loihi, step, from, to, spikesOut, offset);
    }

    @Override public final LifParameters parameters() { return target; }

    @Override public final SynapseTarget synapseTarget() { return target; }

    @Override
    public final LifState floatState() {
        throw new IllegalStateException("population '" + population + "' runs under precision loihi: it has no float state; "
                + "record its variables (v, u, I) or read format().parameters()");
    }

    @Override
    public final List<String> variableNames() { return List.of("v", "I", "u"); }

    /** v (volts under the physical mapping, else raw) and u from the integer state; I as each mode has it. */
    @Override
    public final Variable variable(String name) {
        return switch (name) {
            case "v" -> voltage();
            case "u" -> new RawVariable("u", loihi.u);
            case "I" -> current();
            default -> null;
        };
    }

    /** The recorded v. */
    abstract Variable voltage();

    /** The recorded input current, or null where the mode has none. */
    abstract Variable current();

    @Override public final List<String> settableParameters() { return List.of(); }

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
        if (loihi.inputCurrent != null) Arrays.fill(loihi.inputCurrent, 0f);
        Arrays.fill(loihi.aIn, 0);
    }
}
