package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.ResetMode;

/**
 * Threshold and reset, one rule for LIF, CubaLIF and IF: a spike where v > v_threshold after the
 * step (strictly, as NIR defines it), then v becomes v_reset (reset {@code value}) or
 * v - v_threshold (reset {@code subtract}); docs/nir.md, "Reset".
 */
final class Firing {
    private final float[] threshold;
    private final float[] reset;
    private final boolean subtract;

    Firing(double[] vThreshold, double[] vReset, ResetMode mode) {
        this.threshold = NodeParams.floats(vThreshold);
        this.reset = NodeParams.floats(vReset);
        this.subtract = mode == ResetMode.SUBTRACT;
    }

    /** Stores neuron i's voltage after threshold and reset in {@code v[i]} and its spike (1 or 0) in {@code z[i]}. */
    void apply(int i, float vAfterStep, float[] v, float[] z) {
        boolean spike = vAfterStep > threshold[i];
        v[i] = spike ? (subtract ? vAfterStep - threshold[i] : reset[i]) : vAfterStep;
        z[i] = spike ? 1f : 0f;
    }
}
