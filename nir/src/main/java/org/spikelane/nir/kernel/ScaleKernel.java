package org.spikelane.nir.kernel;

/** Scale: y = x * s element by element. */
final class ScaleKernel implements NodeKernel {
    private final float[] scale;

    ScaleKernel(double[] scale) {
        this.scale = NodeParams.floats(scale);
    }

    @Override public int inputSize() { return scale.length; }

    @Override public int outputSize() { return scale.length; }

    @Override
    public void step(int step, float[] in, float[][] state, float[] out) {
        for (int i = 0; i < scale.length; i++) out[i] = in[i] * scale[i];
    }
}
