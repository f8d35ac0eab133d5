package org.spikelane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.cli.output.Counted;
import org.spikelane.cli.output.OutputDir;
import org.spikelane.cli.output.RunOutputs;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikelane run}: runs a scenario and writes spikes.csv, state.csv, summary.json and plots. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Runs a scenario; writes spikes.csv, state.csv, summary.json, traces.png, raster.png.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<scenario name>)")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a value before running; repeatable, e.g.%n  --set duration=\"1 s\"%n  --set populations.0.params.tau_m=\"10 ms\"")
    List<String> sets = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads, 1 to 256 (default: the available processors, fewer for a small network); "
                    + "results are identical for every count")
    Integer threads;

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

    @Option(names = "--strict", description = "treat warnings (v_reset >= v_threshold, dt > tau_m / 10, dt >= refractory, "
            + "recordings over 1 GiB) as errors")
    boolean strict;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Java heap for this run, e.g. 12g or 512m, which the launcher passes to the JVM as -Xmx "
                    + "(default: 75%% of the machine's memory)")
    String maxMemory;

    @picocli.CommandLine.Mixin
    PluginOptions pluginPath;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Preflight.maxMemoryOption(maxMemory, spec.commandLine().getErr());
        Scenario scenario = Scenario.load(file, ThreadsOption.withThreads(sets, threads));
        CheckpointPlan plan = CheckpointPlan.of(scenario, checkpoint, checkpointAt, resume);
        PrintWriter err = spec.commandLine().getErr();
        PluginRegistry registry = pluginPath.load().registry();
        Path dir = out != null ? out : Path.of("out", scenario.name());
        // everything that can be checked is, before the simulation is built: the output folder, warnings, the heap
        try (OutputDir outputs = OutputDir.open(dir, RunOutputs.ALL)) {
            Preflight.check(scenario, registry, strict, err, new HashSet<>());
            Runner.Result result;
            List<Path> written;
            try (ProgressBar bar = new ProgressBar(err, scenario.name(), !quiet && ProgressBar.stderrIsTerminal())) {
                result = Runner.run(scenario, registry, bar, plan);
                written = RunOutputs.write(result, outputs, bar::status);
            }
            org.spikelane.cli.output.OverflowWarnings.print(err, result.simulation().overflows());
            report(scenario, plan, result, dir, written);
        }
        return 0;
    }

    private void report(Scenario scenario, CheckpointPlan plan, Runner.Result result, Path dir, List<Path> written) {
        if (plan.writes()) {
            spec.commandLine().getOut().printf("checkpoint at step %d (t = %s) -> %s%n", plan.checkpointStep(),
                    org.spikelane.units.Units.format(plan.checkpointStep() * scenario.dt(), org.spikelane.units.Dimension.TIME),
                    plan.checkpoint());
        }
        spec.commandLine().getOut().printf("%s: %s, %s, %.3f s wall, %s steps/s -> %s (%s)%n",
                scenario.name(), Counted.of(result.stepsRun(), "step"), Counted.of(result.totalSpikes(), "spike"), result.wallSeconds(),
                rate(result.stepsPerSecond()), dir, String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
    }

    static String rate(double perSecond) {
        if (Double.isInfinite(perSecond)) return "inf";
        if (perSecond >= 1e6) return String.format(java.util.Locale.ROOT, "%.2fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(java.util.Locale.ROOT, "%.1fk", perSecond / 1e3);
        return String.format(java.util.Locale.ROOT, "%.0f", perSecond);
    }
}
