package org.spikelane.nir.quant;

import java.util.List;
import org.spikelane.nir.kernel.NodeKernel;

/**
 * What the fixed and loihi neuron kernels share: n neurons in and out, integer state in the run's
 * work object, and float copies of the recordable variables ({@code v}, and {@code I} for the
 * current-based types) refreshed each step in the file's units.
 */
abstract class IntegerNeuronKernel implements NodeKernel {
    protected final int n;
    private final List<String> variables;

    IntegerNeuronKernel(int n, boolean current) {
        this.n = n;
        this.variables = current ? List.of("v", "I") : List.of("v");
    }

    @Override public final int inputSize() { return n; }

    @Override public final int outputSize() { return n; }

    @Override public final List<String> variables() { return variables; }

    @Override
    public final float[][] newState() {
        float[][] s = new float[variables.size()][];
        for (int k = 0; k < s.length; k++) s[k] = new float[n];
        return s;
    }

    /** Never called: the run hands every kernel with a work object to the step that takes it. */
    @Override
    public final void step(int step, float[] in, float[][] state, float[] out) {
        throw new IllegalStateException("an integer neuron kernel steps with its work state");
    }

    @Override
    public abstract void step(int step, float[] in, float[][] state, Object work, float[] out);
}
