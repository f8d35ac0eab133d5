package org.spikelane.cli.sweep;

import org.spikelane.record.SpikeRecorder;

/**
 * Firing rates of one population in one run: spikes per neuron per second of run, and the rate
 * from inter-spike intervals (1 / mean ISI over the neurons with at least two spikes), which does
 * not depend on the latency to the first spike.
 */
public record RateStats(long spikes, double countRateHz, double isiRateHz, double meanIsiSeconds) {

    public static RateStats of(SpikeRecorder recorder, String population, int size, long steps, double dt) {
        long spikes = 0;
        double isiSum = 0;
        int withIsi = 0;
        for (int n = 0; n < size; n++) {
            long[] s = recorder.steps(population, n);
            spikes += s.length;
            if (s.length >= 2) {
                isiSum += (double) (s[s.length - 1] - s[0]) / (s.length - 1) * dt;
                withIsi++;
            }
        }
        double meanIsi = withIsi == 0 ? Double.NaN : isiSum / withIsi;
        return new RateStats(spikes, spikes / (size * steps * dt), withIsi == 0 ? 0 : 1 / meanIsi, meanIsi);
    }
}
