package org.spikelane.nir.quant;

import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirNode;

/**
 * An Affine or Linear node that feeds a neuron node under a quantized precision, with what its
 * quantization needs: the float weights (row-major [out][in]), the bias (null for Linear) and
 * {@code maxIn}, the largest value an input element can take (the number of spike sources summed
 * into it: 1 for one Input or spiking node), and whether an Input node is among its sources
 * ({@code graded}: under loihi its values may be graded spikes, see {@link GradedAffineKernel}).
 */
record AffineInput(int index, String name, double[] weight, double[] bias, int out, int in, double maxIn, boolean graded) {
    static AffineInput of(int index, NirNode node, double maxIn, boolean graded) {
        NirArray w = node.require("weight");
        double[] bias = node.type().equals("Affine") ? node.require("bias").values() : null;
        return new AffineInput(index, node.name(), w.values(), bias, w.shape()[0], w.shape()[1], maxIn, graded);
    }

    /** The largest |sum| row {@code i} can reach with integer weights {@code w} and bias {@code b}. */
    static double rowBound(double[] w, double[] b, int i, int in, double maxIn) {
        double sum = b == null ? 0 : Math.abs(b[i]);
        for (int j = 0; j < in; j++) sum += Math.abs(w[i * in + j]) * maxIn;
        return sum;
    }
}
