package org.spikelane.neuron;

import org.spikelane.simd.ExpNeg;
import org.spikelane.state.StateDeclarer;

/**
 * Reference kernel: the plain loop every vector kernel is tested against. Same operations in
 * the same order (fma where the vector kernel uses fma), so results agree to the last bit on
 * the current path.
 */
public final class ScalarLifKernel implements LifKernel<LifState> {

    @Override
    public int step(LifState s, long step, int from, int to, int[] spikesOut, int offset) {
        float[] v = s.v, current = s.current, dv = s.dv, g = s.g, gE = s.gE;
        int[] left = s.refractoryLeft;
        int count = offset;
        CurrentChannels fused = s.fused;
        int channels = fused.count();
        AlphaChannels alpha = s.alphas;
        ConductanceChannels cond = s.conductances;
        boolean conductance = s.conductance();
        // padding lanes are left alone, as the vector kernel leaves them unable to spike
        for (int i = from, end = Math.min(to, s.size); i < end; i++) {
            float dvIn = dv[i];
            for (int c = 0; c < channels; c++) {
                float x = fused.state[c][i];
                dvIn = Math.fma(fused.propagator[c][i & fused.propagatorMask[c]], x, dvIn);
                fused.state[c][i] = Math.fma(x, fused.decay[c], x * fused.decayLow[c]);
            }
            for (int c = 0; c < alpha.count(); c++) {
                int p = i & alpha.propagatorMask[c];
                float y = alpha.current[c][i], x = alpha.ramp[c][i];
                dvIn = Math.fma(alpha.currentPropagator[c][p], y, dvIn);
                dvIn = Math.fma(alpha.rampPropagator[c][p], x, dvIn);
                alpha.current[c][i] = Math.fma(y, alpha.decay[c], Math.fma(x, alpha.coupling[c], y * alpha.decayLow[c]));
                alpha.ramp[c][i] = Math.fma(x, alpha.decay[c], x * alpha.decayLow[c]);
            }
            float input = current[i] + s.constant.sum[i & s.constant.mask];
            float vNew;
            if (!conductance) {
                float vInf = Math.fma(s.resistance[i], input, s.restingPotential[i]);
                vNew = Math.fma(v[i] - vInf, s.decay[i], vInf) + dvIn;
            } else {
                // the accumulators of unfused conductance synapses, then the fused conductances in order
                float gSyn = 0f, gESyn = 0f;
                if (g != null) {
                    gSyn = g[i];
                    gESyn = gE[i];
                    g[i] = 0f;
                    gE[i] = 0f;
                }
                for (int c = 0; c < cond.count(); c++) {
                    float x = cond.state[c][i];
                    gSyn += x;
                    gESyn = Math.fma(x, cond.reversal[c], gESyn);
                    cond.state[c][i] = Math.fma(x, cond.decay[c], x * cond.decayLow[c]);
                }
                float gTot = s.leakConductance[i] + gSyn;
                float vInf = (s.leakDrive[i] + gESyn + input) / gTot;
                float decay = ExpNeg.exp(-(s.dtOverC[i] * gTot));
                vNew = Math.fma(v[i] - vInf, decay, vInf) + dvIn;
            }
            current[i] = 0f;
            dv[i] = 0f;
            if (left[i] > 0) {
                v[i] = s.resetPotential[i];
                left[i]--;
                continue;
            }
            boolean spike = s.inclusiveThreshold ? vNew >= s.threshold[i] : vNew > s.threshold[i];
            if (spike) {
                v[i] = s.resetPotential[i];
                left[i] = s.refractoryHold[i];
                spikesOut[count++] = i;
            } else {
                v[i] = vNew;
            }
        }
        return count - offset;
    }

    /** No state of its own: everything is in {@link LifState}. */
    @Override
    public void declareState(StateDeclarer s) { }
}
