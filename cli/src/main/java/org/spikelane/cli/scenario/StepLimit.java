package org.spikelane.cli.scenario;

import java.util.Locale;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * The most steps a scenario may count, for the run and for every time that becomes a step count
 * (refractory periods, delays, spike times, recording intervals). The engine keeps some of these
 * counts in int (a refractory period of 300000 s at 0.1 ms would wrap to 0 steps), and a run of
 * 2^31 steps already takes hours, so one int-sized limit serves them all, and an absurd
 * duration (1e12 s) is refused instead of running for ever.
 */
final class StepLimit {
    static final long MAX_STEPS = Integer.MAX_VALUE;

    private StepLimit() {}

    /** {@code seconds / dt} rounded, or an error at {@code path} naming the computed steps and the limit. */
    static long steps(double seconds, double dt, String path, SourceMap sources) {
        double steps = Math.rint(seconds / dt);
        if (Math.abs(steps) > MAX_STEPS) throw sources.error(path, tooMany(seconds, dt));
        return (long) steps;
    }

    static String tooMany(double seconds, double dt) {
        return time(seconds) + " is " + count(seconds / dt) + " steps of dt = " + time(dt) + "; the limit is " + MAX_STEPS + " steps";
    }

    /** A time with a prefix where one fits ("20 ms"), else in seconds ("300000 s", "1e+12 s", "1e-303 s"). */
    private static String time(double seconds) {
        double abs = Math.abs(seconds);
        if (abs >= 1e-12 && abs < 1e3) return Units.format(seconds, Dimension.TIME);
        return Units.number(seconds) + " s";
    }

    /** A step count as users read it: exact while it fits in a long, else in powers of ten. */
    private static String count(double steps) {
        double rounded = Math.rint(steps);
        if (Math.abs(rounded) < 1e18) return Long.toString((long) rounded);
        return String.format(Locale.ROOT, "%.3g", rounded);
    }
}
