package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.fail;

/** Float comparisons against closed forms computed in double. */
final class Close {
    private Close() {}

    static final double RELATIVE = 1e-6;

    /** |actual - expected| <= 1e-6 |expected| + absolute. */
    static void check(double expected, double actual, double absolute, String where) {
        if (!(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + absolute)) {
            fail(where + ": expected " + expected + ", got " + actual);
        }
    }

    static void check(double expected, double actual, String where) { check(expected, actual, 0, where); }
}
