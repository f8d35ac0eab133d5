package org.spikelane.synapses;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * {@link SynapseOps} on the Vector API. Each iteration covers one double vector of state
 * ({@code D}, the width of {@link Simd#FLOAT}, at least 128 bits) and the same number of float
 * accumulator lanes ({@code F}, half the bits), so the double-to-float conversion keeps the lane
 * count (one {@code vcvtpd2ps} on x86) instead of splicing halves. Padded sizes are multiples of
 * {@link Simd#LANES} >= 2, hence of {@code D.length()}.
 */
final class VectorSynapseOps implements SynapseOps {
    static final VectorSynapseOps INSTANCE = new VectorSynapseOps();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED
            .withShape(VectorShape.forBitSize(Math.max(128, Simd.FLOAT.vectorBitSize()))).check(double.class);
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED
            .withShape(VectorShape.forBitSize(D.vectorBitSize() / 2)).check(float.class);
    private static final int L = D.length();

    private VectorSynapseOps() {}

    private static FloatVector toFloat(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, F, 0);
    }

    @Override
    public void feedConductance(float[] g, float[] gE, double eRev, double[][] s, double[] decay, int from, int to) {
        for (int i = from; i < to; i += L) {
            DoubleVector sum = DoubleVector.fromArray(D, s[0], i);
            sum.mul(decay[0]).intoArray(s[0], i);
            for (int t = 1; t < s.length; t++) {
                DoubleVector term = DoubleVector.fromArray(D, s[t], i);
                sum = sum.add(term);
                term.mul(decay[t]).intoArray(s[t], i);
            }
            FloatVector.fromArray(F, g, i).add(toFloat(sum)).intoArray(g, i);
            FloatVector.fromArray(F, gE, i).add(toFloat(sum.mul(eRev))).intoArray(gE, i);
        }
    }
}
