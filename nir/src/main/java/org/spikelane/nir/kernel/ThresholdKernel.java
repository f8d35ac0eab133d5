package org.spikelane.nir.kernel;

/** Threshold: the Heaviside step, 1 where x > threshold (strictly), else 0; no state. */
final class ThresholdKernel extends PointwiseKernel {
    private final float[] threshold;

    ThresholdKernel(double[] threshold) {
        super(threshold.length);
        this.threshold = NodeParams.floats(threshold);
    }

    @Override public boolean spiking() { return true; }

    @Override
    public void step(int step, float[] in, float[][] state, float[] out) {
        for (int i = 0; i < n; i++) out[i] = in[i] > threshold[i] ? 1f : 0f;
    }
}
