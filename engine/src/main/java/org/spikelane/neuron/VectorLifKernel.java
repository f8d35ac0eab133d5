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
        boolean conductance = s.conductance();
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
        // fused conductances (ConductanceChannels): summed into g and gE, then decayed, in this pass. The
        // first two are written out as the currents are; a missing one reads the lanes of current with
        // gain 0 (adds exactly nothing) and decay 1 (writes them back unchanged)
        ConductanceChannels cond = s.conductances;
        int gChannels = cond.count();
        boolean hasG0 = gChannels > 0, hasG1 = gChannels > 1;
        float[] y0 = hasG0 ? cond.state[0] : s.current, y1 = hasG1 ? cond.state[1] : s.current;
        FloatVector gain0 = FloatVector.broadcast(F, hasG0 ? 1f : 0f), gain1 = FloatVector.broadcast(F, hasG1 ? 1f : 0f);
        FloatVector e0 = FloatVector.broadcast(F, hasG0 ? cond.reversal[0] : 0f), e1 = FloatVector.broadcast(F, hasG1 ? cond.reversal[1] : 0f);
        FloatVector gd0 = FloatVector.broadcast(F, hasG0 ? cond.decay[0] : 1f), gd1 = FloatVector.broadcast(F, hasG1 ? cond.decay[1] : 1f);
        FloatVector gl0 = FloatVector.broadcast(F, hasG0 ? cond.decayLow[0] : 0f), gl1 = FloatVector.broadcast(F, hasG1 ? cond.decayLow[1] : 0f);
        // the accumulators of unfused conductance synapses, or zeros read from one vector when there are none
        boolean accumulated = s.g != null;
        float[] gAcc = accumulated ? s.g : cond.zeros, gEAcc = accumulated ? s.gE : cond.zeros;
        int accMask = accumulated ? -1 : 0;
        AlphaChannels alpha = s.alphas;
        int alphaChannels = alpha.count();
        // constant inputs (ConstantCurrents), read from the first vector while every neuron has the same
        float[] constant = s.constant.sum;
        int constantMask = s.constant.mask;
        for (int i = from; i < to; i += F.length()) {
            int p = i & shared; // index of E_L, R, decay, v_reset: 0 when all neurons share them
            FloatVector current = FloatVector.fromArray(F, s.current, i).add(FloatVector.fromArray(F, constant, i & constantMask));
            FloatVector vInf;
            FloatVector decay;
            if (conductance) {
                FloatVector gSyn = FloatVector.fromArray(F, gAcc, i & accMask);
                FloatVector gESyn = FloatVector.fromArray(F, gEAcc, i & accMask);
                if (accumulated) {
                    ZERO.intoArray(s.g, i);
                    ZERO.intoArray(s.gE, i);
                }
                FloatVector ya = FloatVector.fromArray(F, y0, i);
                gSyn = ya.fma(gain0, gSyn);
                gESyn = ya.fma(e0, gESyn);
                ya.fma(gd0, ya.mul(gl0)).intoArray(y0, i);
                FloatVector yb = FloatVector.fromArray(F, y1, i);
                gSyn = yb.fma(gain1, gSyn);
                gESyn = yb.fma(e1, gESyn);
                yb.fma(gd1, yb.mul(gl1)).intoArray(y1, i);
                for (int c = 2; c < gChannels; c++) {
                    float[] y = cond.state[c];
                    FloatVector yv = FloatVector.fromArray(F, y, i);
                    gSyn = gSyn.add(yv);
                    gESyn = yv.fma(FloatVector.broadcast(F, cond.reversal[c]), gESyn);
                    yv.fma(FloatVector.broadcast(F, cond.decay[c]), yv.mul(cond.decayLow[c])).intoArray(y, i);
                }
                // g_tot = g_L + g, v_inf = (g_L E_L + gE + I) / g_tot, decay = e^{-dt g_tot / C}
                FloatVector gTot = FloatVector.fromArray(F, s.leakConductance, i).add(gSyn);
                vInf = FloatVector.fromArray(F, s.leakDrive, i).add(gESyn).add(current).div(gTot);
                // the exponent goes through the lanes of current, loaded above and cleared below: scratch
                // inside the range, so ranges on different threads never share it
                FloatVector.fromArray(F, s.dtOverC, i).mul(gTot).neg().intoArray(s.current, i);
                ExpNeg.exp(s.current, i);
                decay = FloatVector.fromArray(F, s.current, i);
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
            for (int c = 0; c < alphaChannels; c++) {
                int q = i & alpha.propagatorMask[c];
                float[] y = alpha.current[c], x = alpha.ramp[c];
                FloatVector yv = FloatVector.fromArray(F, y, i), xv = FloatVector.fromArray(F, x, i);
                dv = FloatVector.fromArray(F, alpha.currentPropagator[c], q).fma(yv, dv);
                dv = FloatVector.fromArray(F, alpha.rampPropagator[c], q).fma(xv, dv);
                FloatVector d = FloatVector.broadcast(F, alpha.decay[c]);
                float low = alpha.decayLow[c];
                yv.fma(d, xv.fma(FloatVector.broadcast(F, alpha.coupling[c]), yv.mul(low))).intoArray(y, i);
                xv.fma(d, xv.mul(low)).intoArray(x, i);
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
