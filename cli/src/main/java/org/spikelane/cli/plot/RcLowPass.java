package org.spikelane.cli.plot;

/**
 * The response of a LIF membrane below threshold to a sine current as the engine integrates it:
 * exactly over each step with the current held over the step, {@code v[n+1] = a v[n] + (1 - a) R I[n]},
 * {@code a = exp(-dt / tau_m)}. At frequency f (Omega = 2 pi f dt) the gain is
 * {@code (1 - a) R / |e^(i Omega) - a|} and v lags I by {@code arg(e^(i Omega) - a)}; for small
 * dt these are the RC low-pass {@code R / sqrt(1 + (2 pi f tau_m)^2)} and {@code atan(2 pi f tau_m)},
 * plus half a step of lag from holding the current.
 */
public record RcLowPass(double r, double tau, double dt) {
    public double gain(double frequency) {
        double a = Math.exp(-dt / tau);
        double w = 2 * Math.PI * frequency * dt;
        return (1 - a) * r / Math.hypot(Math.cos(w) - a, Math.sin(w));
    }

    public double lagDegrees(double frequency) {
        double a = Math.exp(-dt / tau);
        double w = 2 * Math.PI * frequency * dt;
        return Math.toDegrees(Math.atan2(Math.sin(w), Math.cos(w) - a));
    }
}
