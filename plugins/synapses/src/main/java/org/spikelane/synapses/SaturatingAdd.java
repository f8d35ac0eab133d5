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
}
