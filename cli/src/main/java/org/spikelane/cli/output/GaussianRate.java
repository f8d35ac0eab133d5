package org.spikelane.cli.output;

import org.spikelane.record.SpikeRecorder;

/**
 * A population's rate smoothed with a Gaussian kernel: at time t, the sum over the spikes of
 * neurons {@code [from, to)} of {@code exp(-(t - t_s)^2 / (2 sigma^2)) / (sqrt(2 pi) sigma)},
 * divided by the number of neurons, in Hz. The kernel is cut at {@link #CUT} sigma (it is
 * below 4e-6 of its peak there). Nothing corrects the run's edges: within a few sigma of the
 * start and end the kernel reaches into time without spikes, and a steady rate reads lower
 * there (half of it at the edge itself).
 */
public final class GaussianRate {
    static final double CUT = 5;

    private GaussianRate() {}

    /**
     * The smoothed rate at each of {@code at} (seconds, ascending) from the spikes of
     * {@code population}'s neurons {@code [from, to)}.
     */
    public static double[] at(SpikeRecorder spikes, String population, int from, int to, double[] at, double sigma) {
        double[] hz = new double[at.length];
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma * (to - from));
        for (int row = 0; row < spikes.count(); row++) {
            int n = spikes.neuron(row);
            if (n < from || n >= to || !spikes.populationName(row).equals(population)) continue;
            double ts = spikes.time(row);
            // only the points within CUT sigma of the spike
            int k = lowerBound(at, ts - CUT * sigma);
            for (; k < at.length && at[k] <= ts + CUT * sigma; k++) {
                double z = (at[k] - ts) / sigma;
                hz[k] += Math.exp(-0.5 * z * z) * norm;
            }
        }
        return hz;
    }

    /** The first index whose value is at least {@code x}. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
