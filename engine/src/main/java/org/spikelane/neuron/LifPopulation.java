package org.spikelane.neuron;

import java.util.List;
import java.util.function.Function;
import org.spikelane.format.Float32Binding;
import org.spikelane.format.Float32Format;
import org.spikelane.format.FormatBinding;
import org.spikelane.record.Variable;
import org.spikelane.spi.Params;
import org.spikelane.state.StateDeclarer;

/**
 * A population of LIF neurons: its state arrays plus the kernel that advances them, both as its
 * number format made them ({@link #format()}). One population type serves every format because
 * what differs between them is decided at build time, by the format's binding; the step only
 * runs the kernel.
 */
public final class LifPopulation extends Population {
    private final LifState state;
    private final LifKernel kernel;
    private final FormatBinding format;
    /** Variables owned by synapse kernels on this population (e.g. "g", "I_syn"), by name. */
    private final java.util.Map<String, Variable> synaptic = new java.util.LinkedHashMap<>();

    /**
     * A float32 population.
     *
     * @param params validated against {@link LifModel#PARAMS}
     * @param kernel null to pick the vector kernel (or the scalar one if {@code spikelane.vector=scalar})
     */
    public LifPopulation(String name, int size, double dt, Params params, LifKernel kernel) {
        this(name, size, dt, params, s -> new Float32Binding(s, kernel != null ? kernel : Float32Format.kernel()));
    }

    /**
     * A population in the format that {@code binding} makes from its float state (e.g. a
     * fixed-point state quantized from the float parameters, and its kernel).
     */
    public static LifPopulation inFormat(String name, int size, double dt, Params params,
                                         Function<LifState, FormatBinding> binding) {
        return new LifPopulation(name, size, dt, params, binding);
    }

    private LifPopulation(String name, int size, double dt, Params params, Function<LifState, FormatBinding> binding) {
        super(name, size);
        this.state = new LifState("population '" + name + "'", size, dt, params);
        this.format = binding.apply(state);
        this.kernel = format.kernel();
    }

    @Override
    protected int updateRange(long step, int from, int to) {
        return kernel.step(state, step, from, to, spikes, from);
    }

    /**
     * Direct access to the float state arrays (padded; entries beyond {@link #size()} are
     * padding): under float32 the state itself; under the integer formats the physical
     * parameters and float accumulators, while the membrane state lives in the format's own.
     */
    public LifState state() { return state; }

    public LifKernel kernel() { return kernel; }

    /** The population's number format: how inputs and synapses reach it, reports, recordable state. */
    public FormatBinding format() { return format; }

    /** Changes one neuron's parameter between steps; see {@link LifState#set}. */
    public void set(String param, int neuron, double siValue) {
        format.set("population '" + name() + "'", param, neuron, siValue);
    }

    /** Makes a variable kept elsewhere (a synapse kernel's state) recordable under its name. */
    public void addVariable(Variable variable) { synaptic.put(variable.name(), variable); }

    @Override
    public List<String> variableNames() {
        List<String> names = new java.util.ArrayList<>(format.variableNames());
        names.addAll(synaptic.keySet());
        return names;
    }

    @Override
    public Variable variable(String name) {
        Variable own = format.variable(name);
        if (own != null) return own;
        Variable v = synaptic.get(name);
        if (v != null) return v;
        throw new IllegalArgumentException("population '" + name() + "' has no variable '" + name
                + "'; recordable: " + String.join(", ", variableNames()));
    }

    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        state.declareState(s);
        kernel.declareState(s);
    }
}
