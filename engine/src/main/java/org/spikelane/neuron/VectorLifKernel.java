package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.ExpNeg;
import org.spikelane.simd.Simd;

/**
 * The LIF step on {@link Simd#FLOAT} vectors over the padded arrays. Spikes are extracted from
 * the threshold mask with {@code anyTrue} / {@code toLong} (intrinsics), so quiet steps never
 * look at neurons one by one. Mirrors {@link ScalarLifKernel} operation for operation.
 */
public final class VectorLifKernel implements LifKernel {
    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final FloatVector ZERO = FloatVector.zero(F);

    @Override
    public int step(LifState s, int[] spikesOut) {
        VectorOperators.Comparison above = s.inclusiveThreshold ? VectorOperators.GE : VectorOperators.GT;
        return s.g == null ? currentPath(s, spikesOut, above) : conductancePath(s, spikesOut, above);
    }

    private static int currentPath(LifState s, int[] spikesOut, VectorOperators.Comparison above) {
        int count = 0;
        for (int i = 0; i < s.padded; i += F.length()) {
            FloatVector current = FloatVector.fromArray(F, s.current, i);
            FloatVector rest = FloatVector.fromArray(F, s.restingPotential, i);
            FloatVector vInf = FloatVector.fromArray(F, s.resistance, i).fma(current, rest);
            FloatVector v = FloatVector.fromArray(F, s.v, i);
            FloatVector decay = FloatVector.fromArray(F, s.decay, i);
            FloatVector vNew = v.sub(vInf).fma(decay, vInf).add(FloatVector.fromArray(F, s.dv, i));
            ZERO.intoArray(s.current, i);
            ZERO.intoArray(s.dv, i);
            count = thresholdAndReset(s, i, vNew, above, spikesOut, count);
        }
        return count;
    }

    private static int conductancePath(LifState s, int[] spikesOut, VectorOperators.Comparison above) {
        int count = 0;
        for (int i = 0; i < s.padded; i += F.length()) {
            FloatVector gTot = FloatVector.fromArray(F, s.leakConductance, i).add(FloatVector.fromArray(F, s.g, i));
            FloatVector drive = FloatVector.fromArray(F, s.leakDrive, i).add(FloatVector.fromArray(F, s.gE, i))
                    .add(FloatVector.fromArray(F, s.current, i));
            FloatVector vInf = drive.div(gTot);
            FloatVector decay = ExpNeg.exp(FloatVector.fromArray(F, s.dtOverC, i).mul(gTot).neg());
            FloatVector v = FloatVector.fromArray(F, s.v, i);
            FloatVector vNew = v.sub(vInf).fma(decay, vInf).add(FloatVector.fromArray(F, s.dv, i));
            ZERO.intoArray(s.current, i);
            ZERO.intoArray(s.dv, i);
            ZERO.intoArray(s.g, i);
            ZERO.intoArray(s.gE, i);
            count = thresholdAndReset(s, i, vNew, above, spikesOut, count);
        }
        return count;
    }

    /** Refractory hold, threshold, reset; stores v and the counters; appends spikes. */
    private static int thresholdAndReset(LifState s, int i, FloatVector vNew, VectorOperators.Comparison above,
                                         int[] spikesOut, int count) {
        IntVector left = IntVector.fromArray(I, s.refractoryLeft, i);
        VectorMask<Integer> holdInt = left.compare(VectorOperators.GT, 0);
        VectorMask<Float> hold = holdInt.cast(F);
        FloatVector reset = FloatVector.fromArray(F, s.resetPotential, i);
        FloatVector threshold = FloatVector.fromArray(F, s.threshold, i);
        // a constant operator at each call site: compare() with a run-time operator is not
        // intrinsified (boxes every vector: 24 B and ~10x the time per neuron-step)
        VectorMask<Float> crossed = above == VectorOperators.GE ? vNew.compare(VectorOperators.GE, threshold)
                : vNew.compare(VectorOperators.GT, threshold);
        VectorMask<Float> spike = crossed.andNot(hold);
        vNew.blend(reset, spike.or(hold)).intoArray(s.v, i);
        left = left.lanewise(VectorOperators.SUB, 1, holdInt);
        if (spike.anyTrue()) {
            left = left.blend(IntVector.fromArray(I, s.refractoryHold, i), spike.cast(I));
            long bits = spike.toLong();
            while (bits != 0) {
                spikesOut[count++] = i + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        left.intoArray(s.refractoryLeft, i);
        return count;
    }
}
