package org.spikelane.nir.kernel;

import java.util.List;

/**
 * A node whose output i depends only on input i (neurons, Scale, Threshold, Delay, identities):
 * input and output have one size, and the state is one array of that size per named variable.
 */
abstract class PointwiseKernel implements NodeKernel {
    protected final int n;
    private final List<String> variables;

    PointwiseKernel(int n, String... variables) {
        this.n = n;
        this.variables = List.of(variables);
    }

    @Override public final int inputSize() { return n; }

    @Override public final int outputSize() { return n; }

    @Override public final List<String> variables() { return variables; }

    @Override
    public float[][] newState() {
        float[][] s = new float[variables.size()][];
        for (int k = 0; k < s.length; k++) s[k] = new float[n];
        return s;
    }
}
