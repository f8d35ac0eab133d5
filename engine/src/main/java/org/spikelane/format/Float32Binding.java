package org.spikelane.format;

import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifState;
import org.spikelane.record.Variable;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/** A float32 population: its state is a {@link LifState}, whose accumulators plugins' float kernels add into. */
public final class Float32Binding implements FormatBinding {
    private final LifState state;
    private final LifKernel<LifState> kernel;

    /** @param kernel a float kernel stepping {@code state} */
    public Float32Binding(LifState state, LifKernel<LifState> kernel) {
        this.state = state;
        this.kernel = kernel;
    }

    @Override public LifKernel<LifState> kernel() { return kernel; }

    @Override
    public int step(long step, int from, int to, int[] spikesOut, int offset) {
        return kernel.step(state, step, from, to, spikesOut, offset);
    }

    @Override public LifParameters parameters() { return state; }

    @Override public SynapseTarget synapseTarget() { return state; }

    @Override public float[] inputDv() { return state.dv; }

    @Override public LifState floatState() { return state; }

    @Override public List<String> variableNames() { return List.of("v", "I"); }

    @Override
    public Variable variable(String name) {
        return switch (name) {
            case "v" -> new FloatArrayVariable("v", Dimension.VOLTAGE, state.v);
            // sampled after the input phase of the step, before the kernel clears it
            case "I" -> new InputCurrent(state);
            default -> null;
        };
    }

    /** The step's input current: what the inputs added plus the constant inputs the kernel adds itself. */
    private record InputCurrent(LifState state) implements Variable {
        @Override public String name() { return "I"; }

        @Override public Dimension dimension() { return Dimension.CURRENT; }

        @Override public double value(int neuron) {
            return state.current[neuron] + state.constant.sum[neuron & state.constant.mask];
        }
    }

    @Override public org.spikelane.spi.ConstantCurrent constantCurrent() { return state.addConstantCurrent(); }

    @Override
    public org.spikelane.spi.FusedCurrent fusedCurrent(String variable, Dimension dimension, double decay, double[] propagator,
                                                       double[] toSi) {
        return state.fusedCurrent(variable, dimension, decay, propagator, toSi);
    }

    @Override public void set(String owner, String param, int neuron, double siValue) { state.set(owner, param, neuron, siValue); }

    @Override
    public BoundInput input(InputPlugin plugin, InputContext context, Params params) {
        return new BoundInput(plugin.create(context, params), state.current);
    }

    @Override
    public SynapseKernel synapseKernel(SynapsePlugin plugin, SynapseContext context, Params params) {
        return plugin.create(context, params);
    }

    @Override public List<Quantization> quantization() { return List.of(); }

    @Override public List<OverflowCount> overflows() { return List.of(); }

    @Override
    public void clearAccumulators() {
        Arrays.fill(state.current, 0f);
        Arrays.fill(state.dv, 0f);
        ConductanceArrays.clear(state);
    }

    @Override
    public void declareState(StateDeclarer s) {
        state.declareState(s);
        kernel.declareState(s);
    }
}
