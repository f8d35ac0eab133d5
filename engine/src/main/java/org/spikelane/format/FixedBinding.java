package org.spikelane.format;

import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifState;
import org.spikelane.record.Variable;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;

/**
 * A fixed-point population. The float {@link LifState} keeps the physical parameters (the int
 * state is quantized from them, re-quantized after a {@link #set}, and plugins read
 * {@code tau_m}, {@code R}, {@code C} there for their propagators) and the float conductance
 * accumulators; the membrane state and the drive and jump accumulators are the int ones of
 * {@link FixedLifState}, which is why v and I are recorded from there.
 */
public final class FixedBinding implements FormatBinding {
    private final LifState parameters;
    private final FixedLifKernel kernel;
    private final FixedLifState fixed;

    public FixedBinding(LifState parameters, FixedLifKernel kernel) {
        this.parameters = parameters;
        this.kernel = kernel;
        this.fixed = kernel.fixedState();
    }

    /** The int state, the target plugins' fixed kernels add to. */
    public FixedLifState fixedState() { return fixed; }

    @Override public LifKernel kernel() { return kernel; }

    @Override public List<String> variableNames() { return kernel.ownVariableNames(); }

    /** v from the int state; I from the int drive (the float current stays 0 under fixed). */
    @Override public Variable variable(String name) { return kernel.ownVariable(name); }

    @Override
    public void set(String owner, String param, int neuron, double siValue) {
        parameters.set(owner, param, neuron, siValue);
        kernel.parameterChanged(parameters, param, neuron);
    }

    @Override
    public BoundInput input(InputPlugin plugin, InputContext context, Params params) {
        return new BoundInput(new FixedDriveInput(plugin.createFixed(context, params, fixed), fixed.driveSum),
                parameters.current);
    }

    @Override
    public SynapseKernel synapseKernel(SynapsePlugin plugin, SynapseContext context, Params params) {
        return plugin.createFixed(context, params, fixed);
    }

    @Override public List<Quantization> quantization() { return fixed.quantization(parameters); }

    @Override public List<OverflowCount> overflows() { return fixed.overflowCounts(); }

    @Override
    public void clearAccumulators() {
        Float32Binding.clearFloat(parameters);
        Arrays.fill(fixed.driveSum, 0);
        Arrays.fill(fixed.jumpSum, 0);
    }
}
