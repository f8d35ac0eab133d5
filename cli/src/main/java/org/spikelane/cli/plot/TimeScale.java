package org.spikelane.cli.plot;

/**
 * The unit of a time axis: milliseconds for short runs and windows, seconds from
 * {@link #SECONDS_FROM} on (20000 ms reads worse than 20 s).
 */
public record TimeScale(double perSecond, String unit) {
    public static final double SECONDS_FROM = 2.0;
    public static final TimeScale MS = new TimeScale(1e3, "ms");
    public static final TimeScale S = new TimeScale(1, "s");

    /** The unit for an axis spanning {@code seconds}. */
    public static TimeScale of(double seconds) {
        return seconds >= SECONDS_FROM ? S : MS;
    }

    /** "t (ms)" */
    public String axisTitle() { return "t (" + unit + ")"; }


    public double at(double seconds) { return seconds * perSecond; }

    /** "500 ms", "1.5 s" */
    public String text(double seconds) { return Charts.number(at(seconds)) + " " + unit; }
}
