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
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/** A float32 population: plugins' float kernels add into {@link LifState}'s accumulators. */
public final class Float32Binding implements FormatBinding {
    private final LifState state;
    private final LifKernel kernel;

    /** @param kernel a float kernel stepping {@code state} */
    public Float32Binding(LifState state, LifKernel kernel) {
        this.state = state;
        this.kernel = kernel;
    }

    @Override public LifKernel kernel() { return kernel; }

    @Override public List<String> variableNames() { return List.of("v", "I"); }

    @Override
    public Variable variable(String name) {
        return switch (name) {
            case "v" -> new FloatArrayVariable("v", Dimension.VOLTAGE, state.v);
            // sampled after the input phase of the step, before the kernel clears it
            case "I" -> new FloatArrayVariable("I", Dimension.CURRENT, state.current);
            default -> null;
        };
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

    @Override public void clearAccumulators() { clearFloat(state); }

    /** The float accumulators, which every format's plugins may add to. */
    static void clearFloat(LifState s) {
        Arrays.fill(s.current, 0f);
        Arrays.fill(s.dv, 0f);
        if (s.g != null) {
            Arrays.fill(s.g, 0f);
            Arrays.fill(s.gE, 0f);
        }
    }
}
