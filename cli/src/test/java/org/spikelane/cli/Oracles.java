package org.spikelane.cli;

/**
 * Analytic results for the LIF neuron under constant current (docs/semantics.md §4), written out here
 * independently of the CLI's own f-I code so the tests check it rather than repeat it.
 */
final class Oracles {
    private Oracles() {}

    static final double DT = 0.1e-3;
    static final double E_L = -70e-3;
    static final double V_RESET = -65e-3;
    static final double V_TH = -50e-3;
    static final double R = 10e6;
    static final double TAU = 8e-3;

    /** Continuous time from {@code v0} to threshold under constant current {@code i}. */
    static double timeToThreshold(double v0, double i) {
        return timeToThreshold(v0, i, TAU);
    }

    /** The same with membrane time constant {@code tau} (a sweep of tau_m). */
    static double timeToThreshold(double v0, double i, double tau) {
        double vInf = E_L + R * i;
        return tau * Math.log((vInf - v0) / (vInf - V_TH));
    }

    /** ISI on the grid with membrane time constant {@code tau}. */
    static double isi(double i, double tRef, double tau) {
        return tRef + (Math.ceil(timeToThreshold(V_RESET, i, tau) / DT) - 1) * DT;
    }

    /** ISI on the grid: t_ref + (ceil(T/dt) - 1) dt. */
    static double isi(double i, double tRef) {
        return isi(i, tRef, TAU);
    }

    /** Stamp of the first spike of a neuron at rest whose current switches on at {@code start}. */
    static double firstSpike(double start, double i) {
        return start + (Math.ceil(timeToThreshold(E_L, i) / DT) - 1) * DT;
    }
}
