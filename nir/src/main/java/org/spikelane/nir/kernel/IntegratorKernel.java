package org.spikelane.nir.kernel;

import java.util.List;
import org.spikelane.nir.exec.RunOptions;

/** I, the integrator: dv/dt = r x, output v; v + dt r x is exact for an input held over the step. */
final class IntegratorKernel implements NodeKernel {
    private final int n;
    private final float[] dtR;

    IntegratorKernel(double[] r, RunOptions options) {
        this.n = r.length;
        this.dtR = new float[n];
        for (int i = 0; i < n; i++) dtR[i] = (float) (options.dt() * r[i]);
    }

    @Override public int inputSize() { return n; }

    @Override public int outputSize() { return n; }

    @Override public List<String> variables() { return List.of("v"); }

    @Override public float[][] newState() { return new float[][] {new float[n]}; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] out) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = v[i] + dtR[i] * x[i];
            out[i] = v[i];
        }
    }
}
