package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.RunOptions;

/**
 * IF: dv/dt = r x; a spike where v > v_threshold, then the reset. With x held over the step the
 * Euler step v + dt r x is also the exact one, so both integrations share it.
 */
final class IfKernel extends PointwiseKernel {
    private final float[] dtR;
    private final Firing firing;

    IfKernel(double[] r, double[] vThreshold, double[] vReset, RunOptions options) {
        super(r.length, "v");
        this.dtR = IntegratorKernel.dtTimes(r, options.dt());
        this.firing = new Firing(vThreshold, vReset, options.reset());
    }

    @Override public boolean spiking() { return true; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] z) {
        float[] v = state[0];
        for (int i = 0; i < n; i++) firing.apply(i, v[i] + dtR[i] * x[i], v, z);
    }
}
