package org.spikelane.synapses;

/** The per-event add of the fixed-point kernels' {@code receive}: a rounded increment, saturated. */
final class SaturatingAdd {
    private SaturatingAdd() {}

    /** Beyond any int sum, so that clamping the increment here first cannot change the saturated result. */
    private static final double BEYOND = 0x1p40;

    /**
     * {@code a[i] = saturate(a[i] + round(increment), +-limit)} in long arithmetic; returns 1 if it
     * clipped, else 0. The increment is clamped before rounding so that an absurd weight cannot
     * overflow the long sum.
     */
    static int add(int[] a, int i, double increment, int limit) {
        long sum = a[i] + Math.round(Math.max(-BEYOND, Math.min(BEYOND, increment)));
        long saturated = Math.max(-limit, Math.min(limit, sum));
        a[i] = (int) saturated;
        return saturated != sum ? 1 : 0;
    }
}
