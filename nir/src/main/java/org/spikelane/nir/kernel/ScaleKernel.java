package org.spikelane.nir.kernel;

/** Scale: y = x * s element by element. */
final class ScaleKernel extends PointwiseKernel {
    private final float[] scale;

    ScaleKernel(double[] scale) {
        super(scale.length);
        this.scale = NodeParams.floats(scale);
    }

    @Override
    public void step(int step, float[] in, float[][] state, float[] out) {
        for (int i = 0; i < n; i++) out[i] = in[i] * scale[i];
    }
}
