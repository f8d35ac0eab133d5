package org.spikelane.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Figures as summary.json shows them. Products such as steps x dt carry binary noise in their last
 * digits (0.30000000000000004 s, 69.99999999999999 Hz); twelve significant digits drop the noise
 * and keep far more precision than any of these quantities has.
 */
public final class Figures {
    private static final MathContext SIGNIFICANT = new MathContext(12);

    private Figures() {}

    /** {@code x} rounded to twelve significant digits; NaN and infinities unchanged. */
    public static double round(double x) {
        if (!Double.isFinite(x) || x == 0) return x;
        return new BigDecimal(x).round(SIGNIFICANT).doubleValue();
    }

    /** A wall-clock time, to the millisecond: the clock is not more exact than that. */
    public static double millis(double seconds) {
        return Math.round(seconds * 1e3) / 1e3;
    }
}
