package org.spikelane.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.units.Dimension;

/**
 * The statistics of every population at every grid point over the point's seed replicates; for a
 * one-dimensional sweep of an input current, the rheobase bracket: the two neighbouring values of
 * which one leaves the first population silent in every replicate and the other makes it fire, if
 * the sweep crosses it.
 *
 * @param seeds the seed of each replicate
 * @param stats [point][population]
 * @param analytic the LIF f-I model when it applies, else null
 */
public record SweepResult(Grid grid, long[] seeds, List<String> populations, PointStats[][] stats, AnalyticFi analytic,
                          Double rheobaseLow, Double rheobaseHigh) {

    public int replicates() { return seeds.length; }

    public PointStats stats(int point, int population) { return stats[point][population]; }

    /** Aggregates {@code runs} (in run order: point by point, replicate by replicate) over the replicates. */
    public static SweepResult of(Grid grid, long[] seeds, List<RunStats> runs, AnalyticFi analytic) {
        List<String> populations = runs.get(0).populations();
        int replicates = seeds.length;
        PointStats[][] stats = new PointStats[grid.points()][populations.size()];
        for (int point = 0; point < grid.points(); point++) {
            List<RunStats> replicateRuns = new ArrayList<>(runs.subList(point * replicates, (point + 1) * replicates));
            for (int p = 0; p < populations.size(); p++) stats[point][p] = PointStats.of(replicateRuns, p);
        }
        Double low = null;
        Double high = null;
        if (rheobaseApplies(grid)) {
            VarySpec vary = grid.axis(0);
            // between neighbours of which one is silent and the other fires, in either order (a range may descend)
            for (int k = 1; k < grid.points() && low == null; k++) {
                boolean before = stats[k - 1][0].spikes().mean() > 0;
                boolean after = stats[k][0].spikes().mean() > 0;
                if (before != after) {
                    low = Math.min(vary.value(k - 1), vary.value(k));
                    high = Math.max(vary.value(k - 1), vary.value(k));
                }
            }
        }
        return new SweepResult(grid, seeds, populations, stats, analytic, low, high);
    }

    /** A rheobase is a current: only a one-dimensional sweep of an input's current has one. */
    public static boolean rheobaseApplies(Grid grid) {
        return grid.dimensions() == 1 && grid.axis(0).dimension() == Dimension.CURRENT && grid.axis(0).path().startsWith("inputs.");
    }
}
