package org.spikelane.cli.plot;

/**
 * Shrinks a long trace to about {@code 2 * buckets} points for drawing, keeping each bucket's
 * minimum and maximum in time order so that spikes and resets stay visible at any zoom.
 */
public final class Decimate {
    private Decimate() {}

    /** Returns {x, y}; the input unchanged if it is already short. */
    public static double[][] minMax(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (n <= 2 * buckets) return new double[][] {x, y};
        double[] ox = new double[2 * buckets];
        double[] oy = new double[2 * buckets];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            if (to <= from) continue;
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            ox[m] = x[first];
            oy[m++] = y[first];
            ox[m] = x[second];
            oy[m++] = y[second];
        }
        return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
    }
}
