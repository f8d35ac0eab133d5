package org.spikelane.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.spikelane.ProgressListener;
import org.spikelane.Simulation;
import org.spikelane.cli.CheckpointPlan;
import org.spikelane.cli.Runner;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.neuron.Population;
import org.spikelane.spi.PluginRegistry;

/** Builds and runs the scenario of one run of a sweep and tallies its spikes: the work of one task, wherever it runs. */
public final class SweepRun {
    private SweepRun() {}

    public static RunStats run(ScenarioText text, RunSpec spec, PluginRegistry registry, ProgressListener progress) {
        return run(text, spec, registry, progress, sim -> { });
    }

    /** As above; {@code alsoListen} sees the built simulation before the first step (Spark attaches its spike writer). */
    public static RunStats run(ScenarioText text, RunSpec spec, PluginRegistry registry, ProgressListener progress,
                               Consumer<Simulation> alsoListen) {
        Scenario s = text.scenario(spec.settings());
        SpikeTally[] tally = new SpikeTally[1];
        Runner.Result r = Runner.run(s, registry, progress, CheckpointPlan.NONE, sim -> {
            tally[0] = new SpikeTally(sim);
            alsoListen.accept(sim);
        });
        try (Simulation sim = r.simulation()) {
            List<String> names = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            List<PopulationStats> stats = new ArrayList<>();
            for (int p = 0; p < sim.populations().size(); p++) {
                Population pop = sim.populations().get(p);
                names.add(pop.name());
                sizes.add(pop.size());
                stats.add(tally[0].stats(p, r.steps(), s.dt()));
            }
            SineResponse sine = spec.sineInput() >= 0 ? SineResponse.of(s, sim, spec.sineInput(), tally[0]) : null;
            return new RunStats(spec.run(), s.seed(), r.steps(), s.dt(), r.wallSeconds(), sim.species(), names, sizes, stats, sine);
        }
    }
}
