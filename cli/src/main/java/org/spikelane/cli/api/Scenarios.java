package org.spikelane.cli.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.spikelane.Network;
import org.spikelane.ProgressListener;
import org.spikelane.Simulation;
import org.spikelane.cli.CheckpointPlan;
import org.spikelane.cli.Runner;
import org.spikelane.cli.output.OutputDir;
import org.spikelane.cli.output.RunOutputs;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * Scenario files from Java, without the command line: what {@code spikelane run} does, step by
 * step, for a program that wants the network, the simulation or the outputs of a scenario.
 * Errors are the CLI's: a {@code ScenarioException} or {@code IllegalArgumentException} whose
 * message names file, line and field.
 *
 * <pre>{@code
 * Scenario s = Scenarios.load(Path.of("examples/quickstart.yaml"), "duration=100 ms");
 * Runner.Result r = Scenarios.run(s);
 * Scenarios.writeOutputs(r, Path.of("out/quickstart"));   // the files `run` writes
 * }</pre>
 */
public final class Scenarios {
    private Scenarios() {}

    /** Reads and checks a scenario file; each of {@code sets} is a {@code PATH=VALUE} as after {@code --set}. */
    public static Scenario load(Path file, String... sets) {
        return Scenario.load(file, List.of(sets));
    }

    /** The scenario's network, not yet built: add to it from Java before {@code build()}. */
    public static Network network(Scenario scenario) {
        return NetworkBuilder.network(scenario, PluginRegistry.discover());
    }

    /** The built simulation at step 0, to run and read as the README shows. */
    public static Simulation simulation(Scenario scenario) {
        return NetworkBuilder.simulation(scenario, PluginRegistry.discover());
    }

    /** Builds and runs the scenario for its duration with the plugins on the class or module path. */
    public static Runner.Result run(Scenario scenario) {
        return run(scenario, PluginRegistry.discover(), (done, total) -> {});
    }

    /** Builds and runs with these plugins, reporting progress. */
    public static Runner.Result run(Scenario scenario, PluginRegistry plugins, ProgressListener progress) {
        return Runner.run(scenario, plugins, progress, CheckpointPlan.NONE);
    }

    /** Writes spikes.csv, state.csv, summary.json, traces.png and raster.png as {@code run} does; returns them. */
    public static List<Path> writeOutputs(Runner.Result result, Path dir) throws IOException {
        try (OutputDir out = OutputDir.open(dir, RunOutputs.ALL)) {
            return RunOutputs.write(result, out, what -> {});
        }
    }
}
