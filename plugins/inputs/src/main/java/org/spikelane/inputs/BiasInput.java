package org.spikelane.inputs;

import java.util.List;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.ConstantCurrent;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.spi.Suggest;
import org.spikelane.spi.Values;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * {@code bias}: a constant current, one value for all targets or one per target, that a periodic
 * hook may change neuron by neuron while the simulation runs (the seed's {@code i_offset}).
 */
public final class BiasInput implements InputPlugin {
    static final String AMPLITUDE = "amplitude";

    @Override public String name() { return "bias"; }

    @Override public String description() {
        return "constant current, one value or one per target neuron; changeable while running";
    }

    @Override public List<ParamSpec> params() {
        return List.of(ParamSpec.perNeuron(AMPLITUDE, Dimension.CURRENT, null, Range.any(),
                "current of each target neuron: one value, or a list with one value per target"));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        Targets targets = new Targets(context);
        double[] amplitude = params.perNeuron(AMPLITUDE, targets.count);
        float[] values = new float[targets.count];
        for (int k = 0; k < values.length; k++) values[k] = (float) amplitude[k];
        return new Kernel(context.owner(), targets, values, context.constantCurrent());
    }

    /**
     * The amplitude of each target quantized once ({@code R_i I_i} in LSB_v, clipped and counted)
     * and added each step; {@link FixedInputKernel#set} re-quantizes the changed values.
     */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Targets targets = new Targets(context);
        double[] amplitude = params.perNeuron(AMPLITUDE, targets.count);
        int[] values = FixedDrive.slots(targets, target);
        for (int k = 0; k < targets.count; k++) values[k] = FixedDrive.quantize(target, targets.neuron(k), amplitude[k], context.owner(), AMPLITUDE);
        String owner = context.owner();
        boolean vector = target.vector();
        return new FixedInputKernel() {
            @Override public void addDrive(long step, int from, int to, int[] drive) {
                FixedDrive.add(target, drive, from, to, targets, values, vector);
            }

            @Override public void declareState(StateDeclarer s) {
                targets.declareState(s);
                s.array("amplitude", Role.PARAMETER, "LSB_v", values);
            }

            @Override public List<String> settableParameters() { return List.of(AMPLITUDE); }

            @Override public void set(String param, int neuron, double siValue) {
                int slot = slotToSet(owner, targets, param, neuron, siValue);
                int first = slot < 0 ? 0 : slot, end = slot < 0 ? targets.count : slot + 1;
                for (int k = first; k < end; k++) values[k] = FixedDrive.quantize(target, targets.neuron(k), siValue, owner, AMPLITUDE);
            }
        };
    }

    /** Checks a run-time change; returns the slot of {@code neuron}, or -1 for every target ({@code neuron == -1}). */
    private static int slotToSet(String owner, Targets targets, String param, int neuron, double siValue) {
        if (!AMPLITUDE.equals(param)) {
            throw new ParameterException(owner, param, "cannot be changed while running"
                    + Suggest.didYouMean(param, List.of(AMPLITUDE)) + "; changeable: " + AMPLITUDE);
        }
        if (!Double.isFinite(siValue)) {
            throw new ParameterException(owner, AMPLITUDE, "must be a finite current, got " + siValue);
        }
        // the same bound as when the network is built: the float kernel would hold it as infinity
        Values.checkFloatRange(siValue, Dimension.CURRENT, owner, AMPLITUDE);
        if (neuron == -1) return -1;
        int slot = targets.slot(neuron);
        if (slot < 0) {
            throw new ParameterException(owner, AMPLITUDE, "neuron " + neuron
                    + " is not driven by this input (targets: " + targets.describe() + ")");
        }
        return slot;
    }

    /**
     * Under float32 the current is a {@link ConstantCurrent} the LIF kernel adds in its own pass
     * (no pass of this input per step); elsewhere ({@code folded} null) it is added every step.
     */
    private static final class Kernel implements InputKernel {
        private final String owner;
        private final Targets targets;
        /** Current of each slot (A); changed in place by {@link #set}. */
        private final float[] values;
        private final ConstantCurrent folded;

        Kernel(String owner, Targets targets, float[] values, ConstantCurrent folded) {
            this.owner = owner;
            this.targets = targets;
            this.values = values;
            this.folded = folded;
            fold(0, targets.count);
        }

        /** Copies slots {@code [first, end)} into the folded current, if there is one. */
        private void fold(int first, int end) {
            if (folded == null || first >= end) return;
            float[] into = folded.values();
            for (int k = first; k < end; k++) into[targets.neuron(k)] = values[k];
            folded.changed(targets.neuron(first), targets.neuron(end - 1) + 1);
        }

        @Override public void addCurrent(long step, int from, int to, float[] current) {
            if (folded == null) Accumulate.add(current, from, to, targets.indices, values, targets.count);
        }

        @Override public void declareState(StateDeclarer s) {
            targets.declareState(s);
            s.array("amplitude", Role.PARAMETER, "A", values);
        }

        @Override public List<String> settableParameters() { return List.of(AMPLITUDE); }

        @Override public void set(String param, int neuron, double siValue) {
            int slot = slotToSet(owner, targets, param, neuron, siValue);
            if (slot < 0) {
                java.util.Arrays.fill(values, (float) siValue);
                fold(0, targets.count);
            } else {
                values[slot] = (float) siValue;
                fold(slot, slot + 1);
            }
        }
    }
}
