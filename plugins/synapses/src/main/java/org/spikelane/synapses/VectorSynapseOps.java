package org.spikelane.synapses;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * {@link SynapseOps} on the Vector API. Each iteration covers one float vector of the
 * accumulator ({@code F} lanes) with two double vectors of the same bit size ({@code F/2} lanes
 * each); {@code convertShape(D2F, F, 0)} and {@code (..., -1)} place the two halves in the low and
 * high lanes of a float vector (zeros elsewhere), so their sum is the float vector to add.
 */
final class VectorSynapseOps implements SynapseOps {
    static final VectorSynapseOps INSTANCE = new VectorSynapseOps();

    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED.withShape(F.vectorShape()).check(double.class);
    private static final int HALF = D.length();

    private VectorSynapseOps() {}

    private static FloatVector toFloat(DoubleVector low, DoubleVector high) {
        return ((FloatVector) low.convertShape(VectorOperators.D2F, F, 0))
                .add((FloatVector) high.convertShape(VectorOperators.D2F, F, -1));
    }

    @Override
    public void feedExp(float[] acc, double[] p, double[] x, double decay, int n) {
        for (int i = 0; i < n; i += F.length()) {
            int j = i + HALF;
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector x1 = DoubleVector.fromArray(D, x, j);
            FloatVector add = toFloat(DoubleVector.fromArray(D, p, i).mul(x0), DoubleVector.fromArray(D, p, j).mul(x1));
            FloatVector.fromArray(F, acc, i).add(add).intoArray(acc, i);
            x0.mul(decay).intoArray(x, i);
            x1.mul(decay).intoArray(x, j);
        }
    }

    @Override
    public void feedAlpha(float[] acc, double[] py, double[] px, double[] y, double[] x, double decay, double h, int n) {
        for (int i = 0; i < n; i += F.length()) {
            int j = i + HALF;
            DoubleVector x0 = DoubleVector.fromArray(D, x, i);
            DoubleVector x1 = DoubleVector.fromArray(D, x, j);
            DoubleVector y0 = DoubleVector.fromArray(D, y, i);
            DoubleVector y1 = DoubleVector.fromArray(D, y, j);
            DoubleVector c0 = DoubleVector.fromArray(D, py, i).mul(y0).add(DoubleVector.fromArray(D, px, i).mul(x0));
            DoubleVector c1 = DoubleVector.fromArray(D, py, j).mul(y1).add(DoubleVector.fromArray(D, px, j).mul(x1));
            FloatVector.fromArray(F, acc, i).add(toFloat(c0, c1)).intoArray(acc, i);
            y0.add(x0.mul(h)).mul(decay).intoArray(y, i);
            y1.add(x1.mul(h)).mul(decay).intoArray(y, j);
            x0.mul(decay).intoArray(x, i);
            x1.mul(decay).intoArray(x, j);
        }
    }

    @Override
    public void feedConductance(float[] g, float[] gE, double eRev, double[][] s, double[] decay, int n) {
        for (int i = 0; i < n; i += F.length()) {
            int j = i + HALF;
            DoubleVector sum0 = DoubleVector.fromArray(D, s[0], i);
            DoubleVector sum1 = DoubleVector.fromArray(D, s[0], j);
            sum0.mul(decay[0]).intoArray(s[0], i);
            sum1.mul(decay[0]).intoArray(s[0], j);
            for (int t = 1; t < s.length; t++) {
                DoubleVector a = DoubleVector.fromArray(D, s[t], i);
                DoubleVector b = DoubleVector.fromArray(D, s[t], j);
                sum0 = sum0.add(a);
                sum1 = sum1.add(b);
                a.mul(decay[t]).intoArray(s[t], i);
                b.mul(decay[t]).intoArray(s[t], j);
            }
            FloatVector.fromArray(F, g, i).add(toFloat(sum0, sum1)).intoArray(g, i);
            FloatVector.fromArray(F, gE, i).add(toFloat(sum0.mul(eRev), sum1.mul(eRev))).intoArray(gE, i);
        }
    }
}
