package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.RunOptions;

/**
 * CubaLIF: tau_syn dI/dt = -I + w_in x, tau_mem dv/dt = (v_leak - v) + r I, a spike where
 * v > v_threshold after the step, then the reset. State I and v, both starting at 0.
 * <ul>
 * <li>euler, in the order of NIR's reference step: I' = I + (dt/tau_syn)(-I + w_in x), then
 *     v' = v + (dt/tau_mem)(v_leak - v + r I) with the I from before the step;</li>
 * <li>exact, x held over the step: I' = I_inf + (I - I_inf) e_s with I_inf = w_in x, and v the
 *     closed-form solution driven by that exponential current:
 *     v' = v_leak + (v - v_leak) e_m + r I_inf (1 - e_m) + r (I - I_inf) k, where
 *     k = tau_syn / (tau_syn - tau_mem) (e_s - e_m), or (dt/tau) e when the two taus are equal.</li>
 * </ul>
 * CubaLI, the current-based leaky integrator, is the same step without threshold and reset; its
 * output is v ({@code firing} null).
 */
final class CubaLifKernel extends PointwiseKernel {
    private final boolean exact;
    private final Leak membrane;
    /** euler: dt/tau_syn; exact: e_s = exp(-dt/tau_syn) */
    private final float[] syn;
    /** exact only: k of the class comment */
    private final float[] cross;
    private final float[] wIn;
    /** null for CubaLI */
    private final Firing firing;

    /** CubaLIF with {@code vThreshold} and {@code vReset}; CubaLI with both null. */
    CubaLifKernel(double[] tauSyn, double[] tauMem, double[] r, double[] vLeak, double[] vThreshold, double[] vReset,
            double[] wIn, RunOptions options) {
        super(tauMem.length, "v", "I");
        this.exact = options.integration() == Integration.EXACT;
        double dt = options.dt();
        this.membrane = new Leak(tauMem, r, vLeak, dt, options.integration());
        this.syn = new float[n];
        this.cross = new float[n];
        for (int i = 0; i < n; i++) {
            double es = Math.exp(-dt / tauSyn[i]);
            double em = Math.exp(-dt / tauMem[i]);
            syn[i] = (float) (exact ? es : dt / tauSyn[i]);
            // equal taus: the limit of the general form (no division by a vanishing difference)
            cross[i] = (float) (Math.abs(tauSyn[i] - tauMem[i]) <= 1e-12 * tauMem[i]
                    ? dt / tauMem[i] * em
                    : tauSyn[i] / (tauSyn[i] - tauMem[i]) * (es - em));
        }
        this.wIn = NodeParams.floats(wIn);
        this.firing = vThreshold == null ? null : new Firing(vThreshold, vReset, options.reset());
    }

    @Override public boolean spiking() { return firing != null; }

    @Override
    public void step(int step, float[] x, float[][] state, float[] z) {
        float[] v = state[0];
        float[] current = state[1];
        for (int i = 0; i < n; i++) {
            float before = current[i];
            float target = wIn[i] * x[i];
            float vi;
            if (exact) {
                current[i] = target + (before - target) * syn[i];
                vi = membrane.advance(i, v[i], target) + membrane.r(i) * (before - target) * cross[i];
            } else {
                current[i] = before + syn[i] * (-before + target);
                vi = membrane.advance(i, v[i], before);
            }
            if (firing != null) {
                firing.apply(i, vi, v, z);
            } else {
                v[i] = vi;
                z[i] = vi;
            }
        }
    }
}
