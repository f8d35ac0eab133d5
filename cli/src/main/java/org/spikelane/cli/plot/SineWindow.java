package org.spikelane.cli.plot;

import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.record.StateRecorder;

/**
 * Which samples of a neuron's recording a sine fit uses: the last whole cycles of the drive, at
 * most {@link #CYCLES}, after {@link #SETTLE_TAUS} membrane time constants from the drive's start
 * (or the run's), so that the transient from the initial v has decayed to {@code e^-5} (0.7 %) of
 * its size. traces.png's sine panels and a sweep over a sine's frequency fit the same samples.
 */
public final class SineWindow {
    /** Whole cycles fitted (fewer when the drive is shorter). */
    public static final int CYCLES = 3;
    /** Time constants left out at the start of the drive, for the transient to decay. */
    public static final double SETTLE_TAUS = 5;
    /** Fewer samples than this in the window cannot pin down a sine. */
    static final int MIN_SAMPLES = 8;

    private SineWindow() {}

    /**
     * Samples {@code [from, to)} of {@code r} to fit, or null if not one whole cycle with
     * {@link #MIN_SAMPLES} samples fits after the transient.
     *
     * @param tau the membrane time constant (s), 0 if unknown
     */
    public static int[] of(StateRecorder r, double tau, InputLabels.Sine sine, double dt, long firstStep, long endStep) {
        double stop = Math.min(sine.stop(), endStep * dt);
        double begin = Math.max(sine.start(), firstStep * dt) + SETTLE_TAUS * tau;
        double period = 1 / sine.frequency();
        int cycles = (int) Math.min(CYCLES, Math.floor((stop - begin) / period + 1e-9));
        if (cycles < 1) return null;
        double from = stop - cycles * period;
        int a = 0;
        while (a < r.samples() && r.time(a) < from - 1e-12) a++;
        int b = a;
        while (b < r.samples() && r.time(b) < stop - 1e-12) b++;
        return b - a >= MIN_SAMPLES ? new int[] {a, b} : null;
    }
}
