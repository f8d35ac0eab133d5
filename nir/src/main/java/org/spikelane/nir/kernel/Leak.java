package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.Integration;

/**
 * One step of tau dv/dt = (v_leak - v) + r x, for LIF, LI and the membrane of CubaLIF, with
 * the input x held over the step. Coefficients are computed once in double and
 * rounded to float once; the step itself is float arithmetic, so it matches float32 tools.
 * <ul>
 * <li>euler: v + (dt/tau) ((v_leak - v) + r x), literally in that order (NIR's reference step);</li>
 * <li>exact: v_leak + (v - v_leak) e + r x (1 - e), e = exp(-dt/tau).</li>
 * </ul>
 */
final class Leak {
    private final boolean exact;
    /** euler: dt/tau; exact: exp(-dt/tau) */
    private final float[] a;
    /** exact only: 1 - exp(-dt/tau), computed in double (expm1) so small dt/tau keep their digits */
    private final float[] growth;

    private final float[] r;
    private final float[] vLeak;

    Leak(double[] tau, double[] r, double[] vLeak, double dt, Integration integration) {
        this.r = NodeParams.floats(r);
        this.vLeak = NodeParams.floats(vLeak);
        exact = integration == Integration.EXACT;
        a = new float[tau.length];
        growth = new float[tau.length];
        for (int i = 0; i < tau.length; i++) {
            a[i] = (float) (exact ? Math.exp(-dt / tau[i]) : dt / tau[i]);
            growth[i] = (float) -Math.expm1(-dt / tau[i]);
        }
    }

    float advance(int i, float v, float x) {
        float drive = r[i] * x;
        return exact ? vLeak[i] + (v - vLeak[i]) * a[i] + drive * growth[i] : v + a[i] * (vLeak[i] - v + drive);
    }

    /** Neuron i's r, for CubaLIF's exact cross term. */
    float r(int i) { return r[i]; }
}
