package org.spikelane.spi;

/**
 * Exact propagators (in double) from a synaptic current to the membrane potential over one step
 * {@code h}, for {@code dv/dt = -v/tau_m + scale * I(t)} with {@code scale = 1/C} (current in A)
 * or {@code 1/tau_m} (current given as {@code R * I} in V). Writing {@code a = 1/tau_s - 1/tau_m},
 * the integrals over the step factor as {@code e^{-h/tau_m} h phi1(a h)} and
 * {@code e^{-h/tau_m} h^2 phi2(a h)}; {@code phi1} and {@code phi2} are evaluated so that the
 * singular case {@code tau_s == tau_m} (NEST's {@code P21 = h/C e^{-h/tau_m}}) and its
 * neighbourhood lose no precision.
 */
public final class Propagators {
    private Propagators() {}

    /** {@code phi1(z) = (1 - e^{-z}) / z}, 1 at {@code z = 0}. */
    static double phi1(double z) {
        return z == 0 ? 1 : -Math.expm1(-z) / z;
    }

    /** {@code phi2(z) = (1 - e^{-z} (1 + z)) / z^2}, 1/2 at {@code z = 0}; series near 0 where the formula cancels. */
    static double phi2(double z) {
        if (Math.abs(z) < 1e-3) return 0.5 - z / 3 + z * z / 8 - z * z * z / 30;
        return (-Math.expm1(-z) - z * Math.exp(-z)) / (z * z);
    }

    /**
     * NEST {@code iaf_psc_exp}'s {@code P21}: the change of {@code v} over one step caused by an
     * exponential current of value 1 at the step's start.
     */
    public static double expCurrent(double h, double tauM, double tauS, double scale) {
        double a = 1 / tauS - 1 / tauM;
        return scale * Math.exp(-h / tauM) * h * phi1(a * h);
    }

    /**
     * Alpha current {@code I(s) = (y + x s) e^{-s/tau_s}} over one step: the coefficient of
     * {@code x} (the coefficient of {@code y} is {@link #expCurrent}).
     */
    public static double alphaRamp(double h, double tauM, double tauS, double scale) {
        double a = 1 / tauS - 1 / tauM;
        return scale * Math.exp(-h / tauM) * h * h * phi2(a * h);
    }
}
