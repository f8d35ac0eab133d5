package org.spikelane.nir.quant;

import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.simd.Simd;

/**
 * A neuron node under precision loihi (the readouts LI, CubaLI and I never firing): the engine's {@link LoihiLifKernel} (Lava's
 * {@code PyLifModelBitAcc}, bit for bit) on a {@link LoihiLifState} per run, with the parameters
 * {@link LoihiMapping} chose. The step's input is the integer sum of its quantized Affine nodes,
 * already in Lava's {@code a_in} units. CubaLIF takes the previous step's sum, as Lava's Dense
 * delivers it one step late; with {@code u} updated before {@code v} this makes v see the current
 * from before the step, the order of NIR's Euler step. LIF and IF (u forgets each step,
 * {@code du = 4095}) take the sum of the same step, so a layer adds no delay, as in the float
 * executor.
 */
final class LoihiNeuronKernel extends IntegerNeuronKernel {
    /** State units per unit of the file's voltage: v and u are held in 1/4096 (threshold {@code vth << 6}, vth in 1/64). */
    static final int STATE_SCALE = 4096;

    private final boolean current;
    /** false for the readouts (LI, CubaLI, I): their threshold is out of v's reach and their output is v. */
    private final boolean fires;
    private final int[] du, dv, vth, bias;
    /** Per neuron: 1 / (4096 alpha_m r), turning u back into I for recording (0 where alpha_m r is 0). */
    private final float[] currentScale;
    private final boolean vector = Simd.useVectorKernels();

    static final class Work {
        final LoihiLifState s;
        final int[] pending;
        final int[] spikes;

        Work(int n) {
            s = new LoihiLifState(n);
            pending = new int[n];
            spikes = new int[s.padded];
        }
    }

    LoihiNeuronKernel(int n, boolean current, boolean fires, int[] du, int[] dv, int[] vth, int[] bias, float[] currentScale) {
        super(n, current);
        this.current = current;
        this.fires = fires;
        this.du = du;
        this.dv = dv;
        this.vth = vth;
        this.bias = bias;
        this.currentScale = currentScale;
    }





    @Override
    public Object newWork() {
        Work w = new Work(n);
        for (int i = 0; i < n; i++) {
            w.s.set(i, du[i], dv[i], vth[i], 0, 0);
            w.s.bias[i] = bias[i];
        }
        return w;
    }

    @Override public boolean spiking() { return fires; }

    @Override public long overflows(Object work) {
        long[] o = ((Work) work).s.overflows;
        return o[LoihiLifState.U_WRAPS] + o[LoihiLifState.V_SATURATIONS];
    }


    @Override
    public void step(int step, float[] in, float[][] state, Object workObject, float[] out) {
        Work w = (Work) workObject;
        LoihiLifState s = w.s;
        for (int i = 0; i < n; i++) {
            int a = (int) in[i]; // an exact integer: LoihiMapping keeps every sum far below 2^24
            if (current) {
                s.aIn[i] = w.pending[i];
                w.pending[i] = a;
            } else {
                s.aIn[i] = a;
            }
        }
        int count = vector ? LoihiLifKernel.vectorStep(s, 0, s.padded, w.spikes, 0) : LoihiLifKernel.scalarStep(s, 0, n, w.spikes, 0);
        java.util.Arrays.fill(out, 0f);
        for (int k = 0; k < count; k++) out[w.spikes[k]] = 1f;
        for (int i = 0; i < n; i++) {
            state[0][i] = s.v[i] / (float) STATE_SCALE;
            if (current) state[1][i] = s.u[i] * currentScale[i];
            if (!fires) out[i] = state[0][i]; // a readout's output is v (count stays 0: v never passes 2^23)
        }
    }
}
