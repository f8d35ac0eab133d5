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
        // padding lanes are left alone, as the vector kernel leaves them unable to spike
        for (int i = from, end = Math.min(to, s.size); i < end; i++) {
            float dvIn = dv[i];
            for (int c = 0; c < channels; c++) {
                float x = fused.state[c][i];
                dvIn = Math.fma(fused.propagator[c][i & fused.propagatorMask[c]], x, dvIn);
                fused.state[c][i] = Math.fma(x, fused.decay[c], x * fused.decayLow[c]);
            }
            float input = current[i] + s.constant.sum[i & s.constant.mask];
            float vNew;
            if (g == null) {
                float vInf = Math.fma(s.resistance[i], input, s.restingPotential[i]);
                vNew = Math.fma(v[i] - vInf, s.decay[i], vInf) + dvIn;
            } else {
                float gTot = s.leakConductance[i] + g[i];
                float vInf = (s.leakDrive[i] + gE[i] + input) / gTot;
                float decay = ExpNeg.exp(-(s.dtOverC[i] * gTot));
                vNew = Math.fma(v[i] - vInf, decay, vInf) + dvIn;
                g[i] = 0f;
                gE[i] = 0f;
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
