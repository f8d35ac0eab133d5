package org.spikelane.bench.report;

/**
 * A measured figure with its JMH error (99.9 % confidence half-width, NaN when unknown),
 * already converted to the unit a table shows.
 */
public record Value(double value, double error) {

    public Value times(double factor) {
        return new Value(value * factor, error * Math.abs(factor));
    }

    /** 1 / value; the error propagated to first order (relative error unchanged). */
    public Value reciprocal() {
        return new Value(1 / value, error / (value * value));
    }

    /** Relative error, NaN when unknown. */
    public double relativeError() {
        return error / Math.abs(value);
    }
}
