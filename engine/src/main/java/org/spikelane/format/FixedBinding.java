package org.spikelane.format;

import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.PhysicalParameters;
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

/**
 * A fixed-point population. Its one state is the int {@link FixedLifState}: membrane state,
 * drive and jump accumulators, the float conductances a conductance synapse asks for, and the
 * {@link PhysicalParameters} it is quantized from (and re-quantized from after a {@link #set});
 * plugins read {@code tau_m}, {@code R}, {@code C} there for their propagators.
 */
public final class FixedBinding implements FormatBinding {
    private final FixedLifState fixed;
    private final PhysicalParameters parameters;
    private final FixedLifKernel kernel;

    public FixedBinding(FixedLifState fixed, PhysicalParameters parameters, FixedLifKernel kernel) {
        this.fixed = fixed;
        this.parameters = parameters;
        this.kernel = kernel;
    }

    /** The int state, the target plugins' fixed kernels add to. */
    public FixedLifState fixedState() { return fixed; }

    @Override public LifKernel<FixedLifState> kernel() { return kernel; }

    @Override
    public int step(long step, int from, int to, int[] spikesOut, int offset) {
        return kernel.step(fixed, step, from, to, spikesOut, offset);
    }

    @Override public LifParameters parameters() { return parameters; }

    /** Float synapse kernels (the conductance ones) add to the state's float g and gE; dv does not exist. */
    @Override public SynapseTarget synapseTarget() { return fixed; }

    @Override
    public LifState floatState() {
        throw new IllegalStateException("population '" + fixed.population + "' runs under precision " + fixed.profile.name()
                + ": it has no float state; its int state is format().fixedState(), its parameters format().parameters()");
    }

    @Override public List<String> variableNames() { return List.of("v", "I"); }

    @Override
    public Variable variable(String name) {
        return switch (name) {
            case "v" -> new Volts(fixed);
            case "I" -> new InputCurrent(fixed);
            default -> null;
        };
    }

    private static final List<String> VOLTAGES = List.of("v", LifModel.E_L, LifModel.V_RESET, LifModel.V_THRESHOLD);

    /**
     * The parameter changes and is re-quantized; {@code v} is quantized directly. A voltage beyond
     * the int range is refused ({@link FixedLifState#checkVoltage}), not saturated.
     */
    @Override
    public void set(String owner, String param, int neuron, double siValue) {
        parameters.check(owner, param, neuron, siValue);
        if (VOLTAGES.contains(param)) fixed.checkVoltage(owner, param, siValue);
        if (param.equals("v")) {
            fixed.setVoltage(neuron, siValue);
            return;
        }
        parameters.set(param, neuron, siValue);
        fixed.requantize(param, neuron);
    }

    @Override
    public BoundInput input(InputPlugin plugin, InputContext context, Params params) {
        // the kernel adds to the int drive; the scheduler's float array is never read
        return new BoundInput(new FixedDriveInput(plugin.createFixed(context, params, fixed), fixed.driveSum), null);
    }

    @Override
    public SynapseKernel synapseKernel(SynapsePlugin plugin, SynapseContext context, Params params) {
        return plugin.createFixed(context, params, fixed);
    }

    @Override public List<Quantization> quantization() { return fixed.quantization(); }

    @Override public List<OverflowCount> overflows() { return fixed.overflowCounts(); }

    @Override
    public void clearAccumulators() {
        ConductanceArrays.clear(fixed);
        Arrays.fill(fixed.driveSum, 0);
        Arrays.fill(fixed.jumpSum, 0);
    }

    @Override
    public void declareState(StateDeclarer s) {
        fixed.declareState(s);
        kernel.declareState(s);
    }

    /**
     * The input current in amperes: the drive accumulator ({@code R I} in LSB_v, filled by the
     * inputs' fixed kernels and sampled before the kernel clears it) over the neuron's LSB_v per
     * ampere.
     */
    private record InputCurrent(FixedLifState f) implements Variable {
        @Override public String name() { return "I"; }

        @Override public Dimension dimension() { return Dimension.CURRENT; }

        @Override public double value(int neuron) { return f.driveSum[neuron] / f.lsbPerAmpere(neuron); }
    }

    /** v in volts: the integer times LSB_v. */
    private record Volts(FixedLifState f) implements Variable {
        @Override public String name() { return "v"; }

        @Override public Dimension dimension() { return Dimension.VOLTAGE; }

        @Override public double value(int neuron) { return f.volts(neuron); }
    }
}
