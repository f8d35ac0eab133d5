package org.spikelane.cli.output;

import org.spikelane.record.SpikeRecorder;

/**
 * Spike-train statistics of one population, for summary.json and stats.png: each neuron's spike
 * count and ISI coefficient of variation (NaN below 3 spikes, which give one interval and no
 * spread), and a histogram of all inter-spike intervals in about {@link #ISI_BINS} bins of whole steps.
 */
public record SpikeTrains(int[] count, double[] cv, long intervals, double meanIsiSteps, long binSteps, long[] isiHistogram) {
    /** Bins of the ISI histogram. */
    static final int ISI_BINS = 20;

    public static SpikeTrains of(SpikeRecorder spikes, String population, int size) {
        return of(spikes, population, size, 0, size);
    }

    /** Of the neurons {@code from} to {@code to - 1} only (a named group); the arrays still span the population. */
    public static SpikeTrains of(SpikeRecorder spikes, String population, int size, int from, int to) {
        int[] count = new int[size];
        long[] last = new long[size];
        double[] sum = new double[size];
        double[] sumSq = new double[size];
        long intervals = 0;
        long maxIsi = 0;
        for (int row = 0; row < spikes.count(); row++) {
            int n = spikes.neuron(row);
            if (n < from || n >= to || !spikes.populationName(row).equals(population)) continue;
            if (count[n] > 0) {
                long isi = spikes.step(row) - last[n];
                sum[n] += isi;
                sumSq[n] += (double) isi * isi;
                intervals++;
                maxIsi = Math.max(maxIsi, isi);
            }
            count[n]++;
            last[n] = spikes.step(row);
        }
        double[] cv = new double[size];
        for (int n = 0; n < size; n++) {
            cv[n] = Double.NaN;
            if (count[n] >= 3) { // two intervals at least, for a spread
                int k = count[n] - 1;
                double mean = sum[n] / k;
                double var = Math.max(0, sumSq[n] / k - mean * mean);
                cv[n] = Math.sqrt(var) / mean;
            }
        }
        double total = 0;
        for (double s : sum) total += s;
        long binSteps = Math.max(1, (maxIsi + ISI_BINS) / ISI_BINS);
        long[] hist = new long[intervals > 0 ? (int) (maxIsi / binSteps) + 1 : 0];
        if (intervals > 0) {
            // a second pass: the first found the longest interval, so no interval needs storing
            long[] prev = new long[size];
            java.util.Arrays.fill(prev, -1);
            for (int row = 0; row < spikes.count(); row++) {
                int n = spikes.neuron(row);
                if (n < from || n >= to || !spikes.populationName(row).equals(population)) continue;
                if (prev[n] >= 0) hist[(int) ((spikes.step(row) - prev[n]) / binSteps)]++;
                prev[n] = spikes.step(row);
            }
        }
        return new SpikeTrains(count, cv, intervals, intervals > 0 ? total / intervals : Double.NaN, binSteps, hist);
    }

    public int firing() {
        int n = 0;
        for (int c : count) if (c > 0) n++;
        return n;
    }

    /** Mean CV over the neurons that have one, or NaN. */
    public double meanCv() {
        double sum = 0;
        int n = 0;
        for (double c : cv) if (!Double.isNaN(c)) { sum += c; n++; }
        return n > 0 ? sum / n : Double.NaN;
    }
}
