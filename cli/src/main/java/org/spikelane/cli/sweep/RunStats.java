package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What one run of a sweep sends back to where the sweep started: per population (in the
 * scenario's order) its statistics, plus what the summary reports. Nothing here depends on where
 * or when the run happened except {@code wallSeconds}, which no output but summary.json shows.
 *
 * @param sine in a sweep over a sine's frequency, the fitted response of a neuron it drives; else null
 */
public record RunStats(int run, long seed, long steps, double dt, double wallSeconds, String species, List<String> populations,
                       List<Integer> sizes, List<PopulationStats> stats, SineResponse sine) implements Serializable {
    public RunStats {
        populations = List.copyOf(populations);
        sizes = List.copyOf(sizes);
        stats = List.copyOf(stats);
    }
}
