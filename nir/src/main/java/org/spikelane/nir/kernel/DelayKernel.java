package org.spikelane.nir.kernel;

/**
 * Delay: y_i(t) = x_i(t - d_i), d_i a whole number of steps (NIR gives seconds; the factory
 * converts and refuses delays that are not a multiple of dt); 0 before the first input arrives.
 * The past inputs sit in a per-run ring of {@code maxDelay + 1} rows, indexed by the step.
 */
final class DelayKernel extends PointwiseKernel {
    private final int[] delaySteps;
    private final int rows;

    DelayKernel(int[] delaySteps) {
        super(delaySteps.length);
        this.delaySteps = delaySteps.clone();
        int max = 0;
        for (int d : delaySteps) max = Math.max(max, d);
        this.rows = max + 1;
    }

    @Override public float[][] newState() { return new float[][] {new float[rows * n]}; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] y) {
        float[] ring = state[0];
        int row = step % rows;
        System.arraycopy(x, 0, ring, row * n, n);
        for (int i = 0; i < n; i++) {
            int d = delaySteps[i];
            y[i] = step < d ? 0f : ring[((step - d) % rows) * n + i];
        }
    }
}
