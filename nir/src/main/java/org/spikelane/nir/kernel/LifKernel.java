package org.spikelane.nir.kernel;

import java.util.List;
import org.spikelane.nir.exec.RunOptions;

/**
 * LIF: tau dv/dt = (v_leak - v) + r x; a spike (output 1) where v > v_threshold after the step,
 * then the reset. State: v, starting at 0 (NIR defines no initial state; the tools start at 0).
 */
final class LifKernel implements NodeKernel {
    private final int n;
    private final Leak leak;
    private final float[] r;
    private final float[] vLeak;
    private final float[] vThreshold;
    private final float[] vReset;
    private final boolean subtract;

    LifKernel(double[] tau, double[] r, double[] vLeak, double[] vThreshold, double[] vReset, RunOptions options) {
        this.n = tau.length;
        this.leak = new Leak(tau, options.dt(), options.integration());
        this.r = NodeParams.floats(r);
        this.vLeak = NodeParams.floats(vLeak);
        this.vThreshold = NodeParams.floats(vThreshold);
        this.vReset = NodeParams.floats(vReset);
        this.subtract = Reset.subtract(options.reset());
    }

    @Override public int inputSize() { return n; }

    @Override public int outputSize() { return n; }

    @Override public boolean spiking() { return true; }

    @Override public List<String> variables() { return List.of("v"); }

    @Override public float[][] newState() { return new float[][] {new float[n]}; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] z) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            float vi = leak.advance(i, v[i], vLeak[i], r[i] * x[i]);
            boolean spike = vi > vThreshold[i];
            v[i] = spike ? Reset.after(vi, vThreshold[i], vReset[i], subtract) : vi;
            z[i] = spike ? 1f : 0f;
        }
    }
}
