package org.spikelane.synapses;

/** The per-event add of the fixed-point kernels' {@code receive}: a rounded increment, saturated. */
final class SaturatingAdd {
    private SaturatingAdd() {}

    /**
     * {@code a[i] = saturate(a[i] + rint(increment), +-limit)}; returns 1 if it clipped, else 0.
     * The sum is formed in double, exact for any int plus a rounded increment below 2^52, and an
     * absurd increment (weights are finite) lands in the clipping branch. Written for the per-event
     * path: one rounding instruction and one predictable branch, no double min/max (which Java
     * defines with NaN and -0.0 cases and compiles to several instructions each).
     */
    static int add(int[] a, int i, double increment, int limit) {
        double sum = a[i] + Math.rint(increment);
        if (Math.abs(sum) <= limit) {
            a[i] = (int) sum;
            return 0;
        }
        a[i] = sum > 0 ? limit : -limit;
        return 1;
    }

    /**
     * {@code rint(increment)} held in an int: exact when {@code |rint| <= 2 limit + 1}, else
     * clamped there. For a state within {@code +-limit} any increment beyond {@code 2 limit}
     * saturates the sum all the same, so {@link #add(int[], int, int, int)} with it gives the bits
     * of {@link #add(int[], int, double, int)} (requires {@code 2 limit + 1 < 2^31}).
     */
    static int increment(double increment, int limit) {
        long bound = 2L * limit + 1;
        return (int) Math.max(-bound, Math.min(bound, (long) Math.rint(increment)));
    }

    /** {@link #add(int[], int, double, int)} for an increment made by {@link #increment}; returns 1 if it clipped. */
    static int add(int[] a, int i, int increment, int limit) {
        long sum = (long) a[i] + increment;
        if (sum <= limit && sum >= -limit) {
            a[i] = (int) sum;
            return 0;
        }
        a[i] = sum > 0 ? limit : -limit;
        return 1;
    }
}
