package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.RunOptions;

/**
 * LIF: tau dv/dt = (v_leak - v) + r x; a spike (output 1) where v > v_threshold after the step,
 * then the reset. State: v, starting at 0 (NIR defines no initial state; the tools start at 0).
 */
final class LifKernel extends PointwiseKernel {
    private final Leak leak;
    private final Firing firing;

    LifKernel(double[] tau, double[] r, double[] vLeak, double[] vThreshold, double[] vReset, RunOptions options) {
        super(tau.length, "v");
        this.leak = new Leak(tau, r, vLeak, options.dt(), options.integration());
        this.firing = new Firing(vThreshold, vReset, options.reset());
    }

    @Override public boolean spiking() { return true; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] z) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) firing.apply(i, leak.advance(i, v[i], x[i]), v, z);
    }
}
