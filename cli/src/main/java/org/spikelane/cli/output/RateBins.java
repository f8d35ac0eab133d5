package org.spikelane.cli.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;

/**
 * Each population's firing rate in time bins, for the raster's rate panel and {@code rates.csv}.
 * One bin width for all populations, chosen from the rates: a bin holds on average at least
 * {@link #SPIKES_PER_BIN} spikes of the sparsest population. Narrower bins show single spikes, not
 * a rate (a regular 96 Hz neuron in 5 ms bins reads 0, 200, 0, 200 Hz).
 */
public record RateBins(long firstStep, long binSteps, long endStep, double dt, Map<String, double[]> hz) {
    /** Spikes a bin should hold on average in the population with the fewest per second. */
    static final double SPIKES_PER_BIN = 5;
    /** At least this many bins, so the panel still shows a course in time. */
    static final int MIN_BINS = 10;

    /** Bins over [firstStep, endStep) of every population of {@code sim}. */
    public static RateBins of(Simulation sim, long firstStep, long endStep) {
        double dt = sim.dt();
        long span = Math.max(1, endStep - firstStep);
        SpikeRecorder spikes = sim.spikes();
        Map<String, long[]> total = new LinkedHashMap<>();
        for (Population p : sim.populations()) total.put(p.name(), new long[1]);
        for (int row = 0; row < spikes.count(); row++) total.get(spikes.populationName(row))[0]++;
        // the population with the fewest spikes per second (of those that spiked) sets the bin
        double slowest = Double.POSITIVE_INFINITY;
        for (Population p : sim.populations()) {
            long n = total.get(p.name())[0];
            if (n > 0) slowest = Math.min(slowest, n / (span * dt));
        }
        long bin = binSteps(span, dt, slowest);
        int bins = (int) ((span + bin - 1) / bin);
        Map<String, double[]> hz = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Population p : sim.populations()) counts.put(p.name(), new long[bins]);
        for (int row = 0; row < spikes.count(); row++) {
            long s = spikes.step(row) - firstStep;
            if (s >= 0 && s < span) counts.get(spikes.populationName(row))[(int) (s / bin)]++;
        }
        for (Population p : sim.populations()) {
            long[] c = counts.get(p.name());
            double[] rate = new double[bins];
            for (int b = 0; b < bins; b++) rate[b] = c[b] / (p.size() * Math.min(bin, span - (long) b * bin) * dt);
            hz.put(p.name(), rate);
        }
        return new RateBins(firstStep, bin, firstStep + span, dt, hz);
    }

    /**
     * The bin in steps: wide enough for {@link #SPIKES_PER_BIN} spikes at {@code spikesPerSecond}
     * (the sparsest population's total rate), at most a tenth of the run, at least 1 ms and one
     * step, rounded up to 1, 2 or 5 times a power of ten of milliseconds.
     */
    static long binSteps(long span, double dt, double spikesPerSecond) {
        double seconds = Double.isFinite(spikesPerSecond) ? SPIKES_PER_BIN / spikesPerSecond : 0;
        seconds = Math.min(seconds, span * dt / MIN_BINS);
        seconds = niceMillis(Math.max(seconds, 1e-3));
        return Math.max(1, Math.min(span, Math.round(seconds / dt)));
    }

    /** 1, 2 or 5 times a power of ten milliseconds, at least {@code seconds}. */
    static double niceMillis(double seconds) {
        double ms = seconds * 1e3;
        double p = Math.pow(10, Math.floor(Math.log10(ms)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= ms * (1 - 1e-9)) return m * p * 1e-3;
        return 10 * p * 1e-3;
    }

    public int bins() { return hz.isEmpty() ? 0 : hz.values().iterator().next().length; }

    /** Start of bin {@code b} in seconds. */
    public double start(int b) { return (firstStep + (long) b * binSteps) * dt; }

    /** Width of bin {@code b} in seconds (the last one may be shorter). */
    public double width(int b) { return Math.min(binSteps, endStep - firstStep - (long) b * binSteps) * dt; }

    public double binSeconds() { return binSteps * dt; }

    public List<String> populations() { return List.copyOf(hz.keySet()); }
}
