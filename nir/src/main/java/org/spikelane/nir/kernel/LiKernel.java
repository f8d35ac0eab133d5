package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.RunOptions;

/** LI, the leaky integrator readout: tau dv/dt = (v_leak - v) + r x; the output is v. */
final class LiKernel extends PointwiseKernel {
    private final Leak leak;

    LiKernel(double[] tau, double[] r, double[] vLeak, RunOptions options) {
        super(tau.length, "v");
        this.leak = new Leak(tau, r, vLeak, options.dt(), options.integration());
    }

    @Override
    public void step(int step, float[] x, float[][] state, float[] out) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = leak.advance(i, v[i], x[i]);
            out[i] = v[i];
        }
    }
}
