package org.spikelane.spi;

import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/** Allowed values of a numeric parameter: an interval whose ends may be open, closed or infinite. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range any() { return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false); }

    /** {@code > 0}. */
    public static Range positive() { return new Range(0, false, Double.POSITIVE_INFINITY, false); }

    /** {@code >= 0}. */
    public static Range nonNegative() { return new Range(0, true, Double.POSITIVE_INFINITY, false); }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) { return new Range(min, true, max, true); }

    public boolean contains(double value) {
        if (Double.isNaN(value)) return false;
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** Readable form such as {@code "> 0 s"} or {@code "in [0, 1]"}. */
    public String describe(Dimension dimension) {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        String lo = Units.format(min, dimension);
        String hi = Units.format(max, dimension);
        if (hasMin && hasMax) return "in " + (minInclusive ? "[" : "(") + lo + ", " + hi + (maxInclusive ? "]" : ")");
        if (hasMin) return (minInclusive ? ">= " : "> ") + lo;
        if (hasMax) return (maxInclusive ? "<= " : "< ") + hi;
        return "any value";
    }
}
