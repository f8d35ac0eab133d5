package org.spikelane.nir.kernel;

import java.util.List;
import org.spikelane.nir.exec.RunOptions;

/** LI, the leaky integrator readout: tau dv/dt = (v_leak - v) + r x; the output is v. */
final class LiKernel implements NodeKernel {
    private final int n;
    private final Leak leak;
    private final float[] r;
    private final float[] vLeak;

    LiKernel(double[] tau, double[] r, double[] vLeak, RunOptions options) {
        this.n = tau.length;
        this.leak = new Leak(tau, options.dt(), options.integration());
        this.r = NodeParams.floats(r);
        this.vLeak = NodeParams.floats(vLeak);
    }

    @Override public int inputSize() { return n; }

    @Override public int outputSize() { return n; }

    @Override public List<String> variables() { return List.of("v"); }

    @Override public float[][] newState() { return new float[][] {new float[n]}; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] out) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = leak.advance(i, v[i], vLeak[i], r[i] * x[i]);
            out[i] = v[i];
        }
    }
}
