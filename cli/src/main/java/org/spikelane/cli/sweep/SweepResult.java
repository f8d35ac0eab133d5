package org.spikelane.cli.sweep;

import java.util.List;

/**
 * Rates of every population for every swept value; the rheobase bracket is the last value without
 * spikes and the first with spikes (of the first population), if the sweep crosses it.
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
        for (int k = 1; k < stats.length; k++) {
            if (stats[k - 1][0].spikes() == 0 && stats[k][0].spikes() > 0) {
                low = vary.value(k - 1);
                high = vary.value(k);
                break;
            }
        }
        return new SweepResult(vary, populations, stats, analytic, low, high);
    }
}
