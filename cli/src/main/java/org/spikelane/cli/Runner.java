package org.spikelane.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikelane.ProgressListener;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.neuron.Population;
import org.spikelane.spi.PluginRegistry;

/** Builds and runs one scenario: the part of {@code run} and {@code sweep} that is not output. */
public final class Runner {
    private Runner() {}

    /** A finished run: the simulation (with its recorders), spike counts of every population, wall time. */
    public record Result(Scenario scenario, Simulation simulation, Map<String, Long> spikeCounts, double wallSeconds) {
        public long steps() { return simulation.stepCount(); }

        public long totalSpikes() { return spikeCounts.values().stream().mapToLong(Long::longValue).sum(); }

        public double stepsPerSecond() { return wallSeconds > 0 ? steps() / wallSeconds : Double.POSITIVE_INFINITY; }
    }

    public static Result run(Scenario scenario, PluginRegistry registry, ProgressListener progress) {
        Simulation sim = NetworkBuilder.simulation(scenario, registry);
        // counts every population, recorded or not, for the summary
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Population p : sim.populations()) counts.put(p.name(), new long[1]);
        long[][] byIndex = counts.values().toArray(long[][]::new);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Population p : sim.populations()) index.put(p.name(), index.size());
        sim.addSpikeListener((step, population, spikes, count) -> byIndex[index.get(population)][0] += count);

        long start = System.nanoTime();
        sim.runSteps(scenario.steps(), progress);
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((name, c) -> result.put(name, c[0]));
        return new Result(scenario, sim, result, wall);
    }
}
