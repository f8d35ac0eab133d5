package org.spikelane.inputs;

import org.spikelane.spi.InputContext;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * The half-open window {@code [start, stop)} of a time-limited input, in whole steps: the input is
 * on for the steps {@code n} with {@code startStep <= n < stopStep} (docs/semantics.md §1: both ends are
 * rounded to the nearest step once, when the simulation is built).
 */
record Window(long startStep, long stopStep) {
    static final String START = "start";
    static final String STOP = "stop";

    static ParamSpec startSpec() {
        return ParamSpec.quantity(START, Dimension.TIME, 0.0, Range.nonNegative(),
                "time the input switches on (rounded to the nearest step)");
    }

    /** {@code stop}: required (ramp) or open-ended by default (+inf). */
    static ParamSpec stopSpec(boolean required) {
        return ParamSpec.quantity(STOP, Dimension.TIME, required ? null : Double.POSITIVE_INFINITY, Range.positive(),
                "time the input switches off, exclusive (rounded to the nearest step)");
    }

    /** Reads and checks {@code start < stop}, also after both are rounded to steps. */
    static Window of(InputContext context, Params params) {
        double start = params.get(START);
        double stop = params.get(STOP);
        if (!(stop > start)) {
            throw params.error(STOP, "must be after start (" + time(start) + "), got " + time(stop));
        }
        long startStep = context.toSteps(start);
        long stopStep = Double.isInfinite(stop) ? Long.MAX_VALUE : context.toSteps(stop);
        if (stopStep <= startStep) {
            throw params.error(STOP, "the window [" + time(start) + ", " + time(stop)
                    + ") is empty once rounded to whole steps of " + time(context.dt()));
        }
        return new Window(startStep, stopStep);
    }

    boolean contains(long step) { return step >= startStep && step < stopStep; }

    /** Number of steps in the window (Long.MAX_VALUE - start for an open end). */
    long length() { return stopStep - startStep; }

    static String time(double seconds) { return Units.format(seconds, Dimension.TIME); }
}
