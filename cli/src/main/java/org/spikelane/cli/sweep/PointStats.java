package org.spikelane.cli.sweep;

import java.util.List;

/** One population at one grid point, over the point's seed replicates. */
public record PointStats(MeanSe spikes, MeanSe rateHz, MeanSe isiRateHz, MeanSe isiCv) {
    /** The statistics of population {@code p} in {@code replicates} (the runs of one point, in replicate order). */
    public static PointStats of(List<RunStats> replicates, int p) {
        int n = replicates.size();
        double[] spikes = new double[n];
        double[] rate = new double[n];
        double[] isiRate = new double[n];
        double[] cv = new double[n];
        for (int r = 0; r < n; r++) {
            PopulationStats s = replicates.get(r).stats().get(p);
            spikes[r] = s.spikes();
            rate[r] = s.rateHz();
            isiRate[r] = s.isiRateHz();
            cv[r] = s.isiCv();
        }
        return new PointStats(MeanSe.of(spikes), MeanSe.of(rate), MeanSe.of(isiRate), MeanSe.of(cv));
    }
}
