package org.spikelane.cli.sweep;

import java.util.List;

/**
 * Rates of every population for every swept value; for a sweep of an input current, the rheobase
 * bracket: the two neighbouring values of which one leaves the first population silent and the
 * other makes it fire, if the sweep crosses it.
 *
 * @param stats [value index][population index]
 * @param analytic the LIF f-I model when it applies, else null
 */
public record SweepResult(VarySpec vary, List<String> populations, RateStats[][] stats, AnalyticFi analytic,
                          Double rheobaseLow, Double rheobaseHigh) {

    public RateStats stats(int value, int population) { return stats[value][population]; }

    public static SweepResult of(VarySpec vary, List<String> populations, RateStats[][] stats, AnalyticFi analytic) {
        Double low = null;
        Double high = null;
        if (rheobaseApplies(vary)) {
            // between neighbours of which one is silent and the other fires, in either order (a range may descend)
            for (int k = 1; k < stats.length && low == null; k++) {
                boolean before = stats[k - 1][0].spikes() > 0;
                boolean after = stats[k][0].spikes() > 0;
                if (before != after) {
                    low = Math.min(vary.value(k - 1), vary.value(k));
                    high = Math.max(vary.value(k - 1), vary.value(k));
                }
            }
        }
        return new SweepResult(vary, populations, stats, analytic, low, high);
    }

    /** A rheobase is a current: only a sweep of an input's current has one. */
    public static boolean rheobaseApplies(VarySpec vary) {
        return vary.dimension() == org.spikelane.units.Dimension.CURRENT && vary.path().startsWith("inputs.");
    }
}
