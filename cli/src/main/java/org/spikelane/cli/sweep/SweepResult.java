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
 * @param sine in a one-dimensional sweep over a sine input's frequency, each point's fitted
 *     response (the mean over its replicates), else null
 */
public record SweepResult(Grid grid, long[] seeds, List<String> populations, PointStats[][] stats, AnalyticFi analytic,
                          Double rheobaseLow, Double rheobaseHigh, SineResponse[] sine) {

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
        SineResponse[] sine = null;
        if (runs.get(0).sine() != null) {
            sine = new SineResponse[grid.points()];
            for (int point = 0; point < grid.points(); point++) {
                sine[point] = SineResponse.mean(runs.subList(point * replicates, (point + 1) * replicates).stream().map(RunStats::sine).toList());
            }
        }
        return new SweepResult(grid, seeds, populations, stats, analytic, low, high, sine);
    }

    /**
     * The index of the sine input whose frequency a one-dimensional sweep varies
     * ({@code inputs.N.frequency} of a {@code type: sine} input), else -1.
     */
    public static int sineInput(Grid grid, java.util.Map<String, Object> scenarioRoot) {
        if (grid.dimensions() != 1) return -1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("inputs\\.(\\d+)\\.frequency").matcher(grid.axis(0).path());
        if (!m.matches() || m.group(1).length() > 6 || !(scenarioRoot.get("inputs") instanceof List<?> inputs)) return -1;
        int k = Integer.parseInt(m.group(1));
        return k < inputs.size() && inputs.get(k) instanceof java.util.Map<?, ?> input && "sine".equals(input.get("type")) ? k : -1;
    }

    /** A rheobase is a current: only a one-dimensional sweep of an input's current has one. */
    public static boolean rheobaseApplies(Grid grid) {
        return grid.dimensions() == 1 && grid.axis(0).dimension() == Dimension.CURRENT && grid.axis(0).path().startsWith("inputs.");
    }
}
