package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.ExpNeg;
import org.spikelane.simd.Simd;
import org.spikelane.state.StateDeclarer;

/**
 * The LIF step on {@link Simd#FLOAT} vectors over the padded arrays. Spikes are extracted from
 * the threshold mask with {@code anyTrue} / {@code toLong} (intrinsics), so quiet steps never
 * look at neurons one by one. Mirrors {@link ScalarLifKernel} operation for operation. The
 * common shapes of the current path run in {@link VectorCurrentLoops}; the loop here takes the
 * conductance path and every other shape.
 *
 * <p>The whole step is one loop body on purpose: a vector handed to or returned from a helper
 * method that C2 happens not to inline is boxed (measured: one object per lane group per step),
 * so only arrays cross calls. The comparison operators are constants at their call sites for the
 * same reason (a run-time operator is not intrinsified).
 */
public final class VectorLifKernel implements LifKernel<LifState> {
    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final FloatVector ZERO = FloatVector.zero(F);

    @Override
    public int step(LifState s, long step, int from, int to, int[] spikesOut, int offset) {
        // the common shapes of the current path have loops of their own, without per-load masks
        if (VectorCurrentLoops.uniform(s)) return VectorCurrentLoops.stepUniform(s, from, to, spikesOut, offset);
        if (VectorCurrentLoops.perNeuron(s)) return VectorCurrentLoops.stepPerNeuron(s, from, to, spikesOut, offset);
        boolean conductance = s.g != null;
        boolean inclusive = s.inclusiveThreshold;
        int count = offset;
        int shared = s.sharedParameterMask;
        // fused synaptic currents (CurrentChannels): read, fed into dv and decayed in this same pass
        CurrentChannels fused = s.fused;
        int channels = fused.count();
        float[][] synState = fused.state, synPropagator = fused.propagator;
        int[] synMask = fused.propagatorMask;
        float[] synDecay = fused.decay, synDecayLow = fused.decayLow;
        // the first two channels are written out (a loop over channels inside the vector loop cost
        // about 0.3 ns per channel and neuron, three times the straight code). A channel that does not
        // exist reads zero propagators and passes the lanes of current through unchanged (decay 1):
        // those lanes are in this range, in L1, and cleared below, so no branch and no shared scratch.
        boolean has0 = channels > 0, has1 = channels > 1;
        float[] x0 = has0 ? synState[0] : s.current, x1 = has1 ? synState[1] : s.current;
        float[] p0 = has0 ? synPropagator[0] : fused.none, p1 = has1 ? synPropagator[1] : fused.none;
        int m0 = has0 ? synMask[0] : 0, m1 = has1 ? synMask[1] : 0;
        FloatVector d0 = FloatVector.broadcast(F, has0 ? synDecay[0] : 1f), d1 = FloatVector.broadcast(F, has1 ? synDecay[1] : 1f);
        FloatVector l0 = FloatVector.broadcast(F, has0 ? synDecayLow[0] : 0f), l1 = FloatVector.broadcast(F, has1 ? synDecayLow[1] : 0f);
        // constant inputs (ConstantCurrents), read from the first vector while every neuron has the same
        float[] constant = s.constant.sum;
        int constantMask = s.constant.mask;
        for (int i = from; i < to; i += F.length()) {
            int p = i & shared; // index of E_L, R, decay, v_reset: 0 when all neurons share them
            FloatVector current = FloatVector.fromArray(F, s.current, i).add(FloatVector.fromArray(F, constant, i & constantMask));
            FloatVector vInf;
            FloatVector decay;
            if (conductance) {
                // g_tot = g_L + g, v_inf = (g_L E_L + gE + I) / g_tot, decay = e^{-dt g_tot / C}
                FloatVector gTot = FloatVector.fromArray(F, s.leakConductance, i).add(FloatVector.fromArray(F, s.g, i));
                vInf = FloatVector.fromArray(F, s.leakDrive, i).add(FloatVector.fromArray(F, s.gE, i)).add(current).div(gTot);
                // the exponent goes through g's own lanes, which this step consumes anyway: scratch
                // inside the range, so ranges on different threads never share it
                FloatVector.fromArray(F, s.dtOverC, i).mul(gTot).neg().intoArray(s.g, i);
                ExpNeg.exp(s.g, i);
                decay = FloatVector.fromArray(F, s.g, i);
                ZERO.intoArray(s.g, i);
                ZERO.intoArray(s.gE, i);
            } else {
                // v_inf = E_L + R I, decay = e^{-dt / tau_m}
                vInf = FloatVector.fromArray(F, s.resistance, p).fma(current, FloatVector.fromArray(F, s.restingPotential, p));
                decay = FloatVector.fromArray(F, s.decay, p);
            }
            FloatVector dv = FloatVector.fromArray(F, s.dv, i);
            FloatVector xa = FloatVector.fromArray(F, x0, i);
            dv = FloatVector.fromArray(F, p0, i & m0).fma(xa, dv);
            xa.fma(d0, xa.mul(l0)).intoArray(x0, i);
            FloatVector xb = FloatVector.fromArray(F, x1, i);
            dv = FloatVector.fromArray(F, p1, i & m1).fma(xb, dv);
            xb.fma(d1, xb.mul(l1)).intoArray(x1, i);
            for (int c = 2; c < channels; c++) {
                float[] x = synState[c];
                FloatVector xv = FloatVector.fromArray(F, x, i);
                dv = FloatVector.fromArray(F, synPropagator[c], i & synMask[c]).fma(xv, dv);
                xv.fma(FloatVector.broadcast(F, synDecay[c]), xv.mul(synDecayLow[c])).intoArray(x, i);
            }
            FloatVector v = FloatVector.fromArray(F, s.v, i);
            FloatVector vNew = v.sub(vInf).fma(decay, vInf).add(dv);
            ZERO.intoArray(s.current, i);
            ZERO.intoArray(s.dv, i);

            // refractory neurons are held at v_reset and cannot spike
            IntVector left = IntVector.fromArray(I, s.refractoryLeft, i);
            VectorMask<Integer> holdInt = left.compare(VectorOperators.GT, 0);
            VectorMask<Float> hold = holdInt.cast(F);
            FloatVector threshold = FloatVector.fromArray(F, s.threshold, i);
            VectorMask<Float> crossed = inclusive ? vNew.compare(VectorOperators.GE, threshold)
                    : vNew.compare(VectorOperators.GT, threshold);
            VectorMask<Float> spike = crossed.andNot(hold);
            vNew.blend(FloatVector.fromArray(F, s.resetPotential, p), spike.or(hold)).intoArray(s.v, i);
            left = left.lanewise(VectorOperators.SUB, 1, holdInt);
            if (spike.anyTrue()) {
                left = left.blend(IntVector.fromArray(I, s.refractoryHold, i), spike.cast(I));
                count = LaneSteps.appendSpikes(spike.toLong(), i, spikesOut, count);
            }
            left.intoArray(s.refractoryLeft, i);
        }
        return count - offset;
    }

    /** No state of its own: everything is in the {@link LifState} it is handed. */
    @Override
    public void declareState(StateDeclarer s) { }
}
