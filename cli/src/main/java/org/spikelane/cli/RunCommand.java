package org.spikelane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.cli.output.RunOutputs;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikelane run}: runs a scenario and writes spikes.csv, state.csv, summary.json and plots. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Runs a scenario and writes spikes.csv, state.csv, summary.json, traces.png and raster.png.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<scenario name>)")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a value before running, e.g. --set duration=\"1 s\" --set populations.0.params.tau_m=\"10 ms\"")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "write the whole simulation state to FILE at --checkpoint-at (default: the end of the run)")
    Path checkpoint;

    @Option(names = "--checkpoint-at", paramLabel = "TIME",
            description = "simulated time of the checkpoint, e.g. \"0.5 s\"; the run goes on to the scenario's duration")
    String checkpointAt;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "continue from a checkpoint of this scenario to its duration; outputs hold the resumed part, in absolute time")
    Path resume;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = Scenario.load(file, sets);
        CheckpointPlan plan = CheckpointPlan.of(scenario, checkpoint, checkpointAt, resume);
        PrintWriter err = spec.commandLine().getErr();
        Runner.Result result;
        try (ProgressBar bar = new ProgressBar(err, scenario.name(), !quiet && ProgressBar.stderrIsTerminal())) {
            result = Runner.run(scenario, PluginRegistry.discover(), bar, plan);
        }
        Path dir = out != null ? out : Path.of("out", scenario.name());
        List<Path> written = RunOutputs.write(result, dir);
        org.spikelane.cli.output.OverflowWarnings.print(err, result.simulation().overflows());
        if (plan.writes()) {
            spec.commandLine().getOut().printf("checkpoint at step %d (t = %s) -> %s%n", plan.checkpointStep(),
                    org.spikelane.units.Units.format(plan.checkpointStep() * scenario.dt(), org.spikelane.units.Dimension.TIME),
                    plan.checkpoint());
        }
        spec.commandLine().getOut().printf("%s: %d steps, %d spikes, %.3f s wall, %s steps/s -> %s (%s)%n",
                scenario.name(), result.stepsRun(), result.totalSpikes(), result.wallSeconds(),
                rate(result.stepsPerSecond()), dir, String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
        return 0;
    }

    static String rate(double perSecond) {
        if (Double.isInfinite(perSecond)) return "inf";
        if (perSecond >= 1e6) return String.format(java.util.Locale.ROOT, "%.2fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(java.util.Locale.ROOT, "%.1fk", perSecond / 1e3);
        return String.format(java.util.Locale.ROOT, "%.0f", perSecond);
    }
}
