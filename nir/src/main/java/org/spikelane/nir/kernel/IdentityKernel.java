package org.spikelane.nir.kernel;

/**
 * Input, Output and Flatten: on flat arrays in row-major order these pass values through
 * unchanged (Flatten only changes the shape NIR reports, not the order of the elements).
 */
final class IdentityKernel implements NodeKernel {
    private final int size;

    IdentityKernel(int size) {
        this.size = size;
    }

    @Override public int inputSize() { return size; }

    @Override public int outputSize() { return size; }

    @Override
    public void step(int step, float[] in, float[][] state, float[] out) {
        System.arraycopy(in, 0, out, 0, size);
    }
}
