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

    /**
     * A population whose kernel is made from its float state, e.g. a fixed-point kernel that
     * quantizes the parameters ({@link FixedLifKernel}) and keeps its own int state.
     */
    public static LifPopulation withKernel(String name, int size, double dt, Params params,
                                           java.util.function.Function<LifState, LifKernel> kernelFactory) {
        return new LifPopulation(name, size, dt, params, kernelFactory);
    }

    private LifPopulation(String name, int size, double dt, Params params,
                          java.util.function.Function<LifState, LifKernel> kernelFactory) {
        super(name, size);
        this.state = new LifState("population '" + name + "'", size, dt, params);
        this.kernel = kernelFactory.apply(state);
    }

    @Override
    protected int updateRange(long step, int from, int to) {
        return kernel.step(state, step, from, to, spikes, from);
    }

    /** Direct access to the state arrays (padded; entries beyond {@link #size()} are padding). */
    public LifState state() { return state; }

    public LifKernel kernel() { return kernel; }

    /** Changes one neuron's parameter between steps; see {@link LifState#set}. */
    public void set(String param, int neuron, double siValue) {
        state.set("population '" + name() + "'", param, neuron, siValue);
        if (kernel instanceof OwnStateLifKernel own) own.parameterChanged(state, param, neuron);
    }

    /** Makes a variable kept elsewhere (a synapse kernel's state) recordable under its name. */
    public void addVariable(Variable variable) { synaptic.put(variable.name(), variable); }

    @Override
    public List<String> variableNames() {
        List<String> names = new java.util.ArrayList<>(List.of("v", "I"));
        if (kernel instanceof OwnStateLifKernel own) {
            for (String n : own.ownVariableNames()) if (!names.contains(n)) names.add(n);
        }
        names.addAll(synaptic.keySet());
        return names;
    }

    @Override
    public Variable variable(String name) {
        if (kernel instanceof OwnStateLifKernel own && own.ownVariable(name) != null) return own.ownVariable(name);
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
