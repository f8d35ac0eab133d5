package org.spikelane.neuron;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.spi.Params;
import org.spikelane.units.Dimension;

/** A population of LIF neurons: its state arrays plus the kernel that advances them. */
public final class LifPopulation extends Population {
    private final LifState state;
    private final LifKernel kernel;
    /** Variables owned by synapse kernels on this population (e.g. "g", "I_syn"), by name. */
    private final java.util.Map<String, Variable> synaptic = new java.util.LinkedHashMap<>();

    /**
     * @param params validated against {@link LifModel#PARAMS}
     * @param kernel null to pick the vector kernel (or the scalar one if {@code spikelane.vector=scalar})
     */
    public LifPopulation(String name, int size, double dt, Params params, LifKernel kernel) {
        super(name, size);
        this.state = new LifState("population '" + name + "'", size, dt, params);
        this.kernel = kernel != null ? kernel : Simd.useVectorKernels() ? new VectorLifKernel() : new ScalarLifKernel();
    }

    @Override
    public void update(long step) {
        spikeCount = kernel.step(state, spikes);
    }

    /** Direct access to the state arrays (padded; entries beyond {@link #size()} are padding). */
    public LifState state() { return state; }

    public LifKernel kernel() { return kernel; }

    /** Changes one neuron's parameter between steps; see {@link LifState#set}. */
    public void set(String param, int neuron, double siValue) {
        state.set("population '" + name() + "'", param, neuron, siValue);
    }

    /** Makes a variable kept elsewhere (a synapse kernel's state) recordable under its name. */
    public void addVariable(Variable variable) { synaptic.put(variable.name(), variable); }

    @Override
    public List<String> variableNames() {
        List<String> names = new java.util.ArrayList<>(List.of("v", "I"));
        names.addAll(synaptic.keySet());
        return names;
    }

    @Override
    public Variable variable(String name) {
        return switch (name) {
            case "v" -> new ArrayVariable("v", Dimension.VOLTAGE, state.v);
            // sampled after the input phase of the step, before the kernel clears it
            case "I" -> new ArrayVariable("I", Dimension.CURRENT, state.current);
            default -> {
                Variable v = synaptic.get(name);
                if (v != null) yield v;
                throw new IllegalArgumentException("population '" + name() + "' has no variable '" + name
                    + "'; recordable: " + String.join(", ", variableNames()));
            }
        };
    }

    private record ArrayVariable(String name, Dimension dimension, float[] values) implements Variable {
        @Override public double value(int neuron) { return values[neuron]; }
    }
}
