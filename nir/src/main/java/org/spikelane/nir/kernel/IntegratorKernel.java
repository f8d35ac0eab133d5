package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.RunOptions;

/** I, the integrator: dv/dt = r x, output v; v + dt r x is exact for an input held over the step. */
final class IntegratorKernel extends PointwiseKernel {
    private final float[] dtR;

    IntegratorKernel(double[] r, RunOptions options) {
        super(r.length, "v");
        this.dtR = dtTimes(r, options.dt());
    }

    /** dt r per neuron, rounded to float once. */
    static float[] dtTimes(double[] r, double dt) {
        float[] f = new float[r.length];
        for (int i = 0; i < r.length; i++) f[i] = (float) (dt * r[i]);
        return f;
    }

    @Override
    public void step(int step, float[] x, float[][] state, float[] out) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = v[i] + dtR[i] * x[i];
            out[i] = v[i];
        }
    }
}
