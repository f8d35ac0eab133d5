package org.spikelane.neuron;

import java.util.List;
import org.spikelane.format.Float32Binding;
import org.spikelane.format.Float32Format;
import org.spikelane.format.FormatBinding;
import org.spikelane.record.Variable;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Params;
import org.spikelane.state.StateDeclarer;

/**
 * A population of LIF neurons: its one state, in its number format, and the kernel that advances
 * it, both held by the format's binding ({@link #format()}). One population type serves every format because
 * what differs between them is decided at build time, by the format's binding; the step only
 * runs the kernel.
 */
public final class LifPopulation extends Population {
    private final FormatBinding format;
    /** Variables owned by synapse kernels on this population (e.g. "g", "I_syn"), by name. */
    private final java.util.Map<String, Variable> synaptic = new java.util.LinkedHashMap<>();
    /** Names that are not recordable and why (e.g. a projection's own I_syn when it shares its state). */
    private final java.util.Map<String, String> notRecordable = new java.util.HashMap<>();

    /**
     * A float32 population.
     *
     * @param params validated against {@link LifModel#PARAMS}
     * @param kernel null to pick the vector kernel (or the scalar one if {@code spikelane.vector=scalar})
     */
    public LifPopulation(String name, int size, double dt, Params params, LifKernel<LifState> kernel) {
        this(name, size, new Float32Binding(new LifState(size, dt, params), kernel != null ? kernel : Float32Format.kernel()));
    }

    /** A population in the format {@code format} is bound to, holding that format's one state. */
    public LifPopulation(String name, int size, FormatBinding format) {
        super(name, size);
        this.format = format;
    }

    @Override
    protected int updateRange(long step, int from, int to) {
        return format.step(step, from, to, spikes, from);
    }

    /**
     * Direct access to the float32 state arrays (padded; entries beyond {@link #size()} are
     * padding), for code that embeds the engine.
     *
     * @throws IllegalStateException under fixed or loihi, naming the format: their state is integer
     *                               (read {@link #parameters()}, or record the variables)
     */
    public LifState state() { return format.floatState(); }

    /** The physical parameters, in every format. */
    public LifParameters parameters() { return format.parameters(); }

    public LifKernel<?> kernel() { return format.kernel(); }

    /** The population's number format: how inputs and synapses reach it, reports, recordable state. */
    public FormatBinding format() { return format; }

    /**
     * Changes one neuron's parameter between steps, as its format allows (see {@link LifState#set}).
     *
     * @throws org.spikelane.spi.ParameterException naming the parameter if it cannot change, the
     *     neuron is out of range, or the value is NaN, infinite or beyond what the state holds
     */
    public void set(String param, int neuron, double siValue) {
        if (param == null) throw new NullPointerException("set: param must not be null");
        format.set("population '" + name() + "'", param, neuron, siValue);
    }

    /** Makes a variable kept elsewhere (a synapse kernel's state) recordable under its name. */
    public void addVariable(Variable variable) { synaptic.put(variable.name(), variable); }

    /** Says why {@code name} cannot be recorded, where a one-line reason beats "no such variable". */
    public void addNotRecordable(String name, String why) { notRecordable.put(name, why); }

    /** The reason given by {@link #addNotRecordable}, or null. */
    public String whyNotRecordable(String name) { return notRecordable.get(name); }

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
        if (notRecordable.containsKey(name)) throw new IllegalArgumentException(notRecordable.get(name));
        throw new IllegalArgumentException("population '" + name() + "' has no variable '" + name
                + "'; recordable: " + String.join(", ", variableNames()));
    }

    /**
     * The format's state; every variable a recorder may sample (the format's own, then the
     * synapses'); what {@code set} may change; the format's quantization and overflow reports.
     */
    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        format.declareState(s);
        for (String name : variableNames()) s.recordable(variable(name));
        for (String param : format.settableParameters()) s.settable(param, (neuron, value) -> set(param, neuron, value));
        s.quantization(format::quantization);
        s.overflows(format::overflows);
    }
}
