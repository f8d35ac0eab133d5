package org.spikelane.nir.kernel;

import java.util.List;
import org.spikelane.nir.exec.RunOptions;

/**
 * IF: dv/dt = r x; a spike where v > v_threshold, then the reset. With x held over the step the
 * Euler step v + dt r x is also the exact one, so both integrations share it.
 */
final class IfKernel implements NodeKernel {
    private final int n;
    private final float[] dtR;
    private final float[] vThreshold;
    private final float[] vReset;
    private final boolean subtract;

    IfKernel(double[] r, double[] vThreshold, double[] vReset, RunOptions options) {
        this.n = r.length;
        this.dtR = new float[n];
        for (int i = 0; i < n; i++) dtR[i] = (float) (options.dt() * r[i]);
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
            float vi = v[i] + dtR[i] * x[i];
            boolean spike = vi > vThreshold[i];
            v[i] = spike ? Reset.after(vi, vThreshold[i], vReset[i], subtract) : vi;
            z[i] = spike ? 1f : 0f;
        }
    }
}
