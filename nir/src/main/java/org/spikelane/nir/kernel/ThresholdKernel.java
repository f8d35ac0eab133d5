package org.spikelane.nir.kernel;

/** Threshold: the Heaviside step, 1 where x > threshold (strictly), else 0; no state. */
final class ThresholdKernel implements NodeKernel {
    private final float[] threshold;

    ThresholdKernel(double[] threshold) {
        this.threshold = NodeParams.floats(threshold);
    }

    @Override public int inputSize() { return threshold.length; }

    @Override public int outputSize() { return threshold.length; }

    @Override public boolean spiking() { return true; }

    @Override
    public void step(int step, float[] in, float[][] state, float[] out) {
        for (int i = 0; i < threshold.length; i++) out[i] = in[i] > threshold[i] ? 1f : 0f;
    }
}
