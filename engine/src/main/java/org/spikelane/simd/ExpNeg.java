package org.spikelane.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code e^x} for {@code x <= 0} in float, written once as a sequence of IEEE operations so the
 * scalar and the vector form give the same bits (the Vector API's {@code EXP} and {@code Math.exp}
 * may differ by an ulp, which would make vector and reference kernels drift apart). Range
 * reduction {@code x = k ln2 + r}, {@code |r| <= ln2/2}, then a degree-7 Taylor polynomial in
 * Horner form: relative error below 2e-7 (about 1-2 ulp). Inputs below -87 are clamped (the
 * result, ~1e-38, is zero for any purpose here).
 */
public final class ExpNeg {
    private ExpNeg() {}

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f; // few mantissa bits, so k * LN2_HI is exact
    private static final float LN2_LO = 1.42860677e-6f;
    private static final float MIN_X = -87f;
    private static final float C2 = 1f / 2, C3 = 1f / 6, C4 = 1f / 24, C5 = 1f / 120, C6 = 1f / 720, C7 = 1f / 5040;

    public static float exp(float x) {
        x = Math.max(x, MIN_X);
        int k = (int) (x * LOG2E - 0.5f); // x <= 0: truncation toward zero rounds to nearest
        float kf = k;
        float r = Math.fma(kf, -LN2_HI, x);
        r = Math.fma(kf, -LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        return p * Float.intBitsToFloat((k + 127) << 23);
    }

    /**
     * The same, in place on the {@link Simd#LANES} floats of {@code x} from {@code offset}, with
     * vectors. Arrays in and out, not a FloatVector: a vector passed to or returned from a call
     * that C2 does not inline is boxed on the heap, and kernels must not allocate.
     */
    public static void exp(float[] x, int offset) {
        VectorSpecies<Float> species = Simd.FLOAT;
        FloatVector in = FloatVector.fromArray(species, x, offset).max(MIN_X);
        IntVector k = (IntVector) in.mul(LOG2E).sub(0.5f).convert(VectorOperators.F2I, 0);
        FloatVector kf = (FloatVector) k.convert(VectorOperators.I2F, 0);
        FloatVector r = kf.fma(in.broadcast(-LN2_HI), in);
        r = kf.fma(in.broadcast(-LN2_LO), r);
        FloatVector p = r.fma(C7, C6);
        p = p.fma(r, p.broadcast(C5));
        p = p.fma(r, p.broadcast(C4));
        p = p.fma(r, p.broadcast(C3));
        p = p.fma(r, p.broadcast(C2));
        p = p.fma(r, p.broadcast(1f));
        p = p.fma(r, p.broadcast(1f));
        p.mul(k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()).intoArray(x, offset);
    }
}
