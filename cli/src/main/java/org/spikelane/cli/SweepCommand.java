package org.spikelane.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.cli.output.Counted;
import org.spikelane.cli.output.FiCsv;
import org.spikelane.cli.output.OutputDir;
import org.spikelane.cli.output.SummaryJson;
import org.spikelane.cli.plot.Charts;
import org.spikelane.cli.plot.FiPlot;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.sweep.AnalyticFi;
import org.spikelane.cli.sweep.RateStats;
import org.spikelane.cli.sweep.SweepResult;
import org.spikelane.cli.sweep.VarySpec;
import org.spikelane.neuron.Population;
import org.spikelane.spi.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane sweep}: runs a scenario once per value of one parameter and writes the firing
 * rate of every population per value (fi.csv, fi.png, summary.json): the f-I curve of the
 * Neuronal Dynamics exercise, with a rheobase estimate.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Runs a scenario for each value of one parameter; writes rates per population (fi.csv, fi.png).")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "PATH=FROM..TO:COUNT",
            description = "the swept value, e.g.%n  --vary \"inputs.0.amplitude=0 nA..10 nA:41\"")
    String vary;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<scenario name>-sweep)")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a value in every run")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--strict", description = "treat warnings (see run --help) as errors")
    boolean strict;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Java heap, e.g. 12g, which the launcher passes to the JVM as -Xmx (default: 75%% of the machine's memory)")
    String maxMemory;

    /** What a sweep writes, in the order summary.json lists them. */
    static final List<String> OUTPUTS = List.of("fi.csv", "fi.png", "summary.json");

    @picocli.CommandLine.Mixin
    PluginOptions pluginPath;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Preflight.maxMemoryOption(maxMemory, spec.commandLine().getErr());
        VarySpec v = VarySpec.parse(vary);
        // the folder is checked before any run; the default needs the scenario's name, read here once
        Path dir = out != null ? out : Path.of("out", Scenario.load(file, sets).name() + "-sweep");
        try (OutputDir o = OutputDir.open(dir, java.util.Set.copyOf(OUTPUTS))) {
            return sweep(v, dir, o);
        }
    }

    private Integer sweep(VarySpec v, Path dir, OutputDir o) throws IOException {
        PluginRegistry registry = pluginPath.load().registry();
        List<Scenario.Override> fixed = new ArrayList<>(sets.stream().map(Scenario.Override::ofSet).toList());
        PrintWriter err = spec.commandLine().getErr();
        RateStats[][] stats = new RateStats[v.count()][];
        List<String> pops = null;
        AnalyticFi analytic = null;
        Scenario first = null;
        Runner.Result last = null;
        java.util.Set<String> warned = new java.util.HashSet<>();
        long totalSteps = 0;
        double wall = 0;
        try (ProgressBar bar = new ProgressBar(err, "sweep", !quiet && ProgressBar.stderrIsTerminal())) {
            for (int k = 0; k < v.count(); k++) {
                List<Scenario.Override> overrides = new ArrayList<>(fixed);
                overrides.add(new Scenario.Override("--vary " + vary, v.path(), v.text(k)));
                Scenario s = Scenario.loadWith(file, overrides);
                Preflight.check(s, registry, strict, err, warned);
                int index = k;
                long steps = s.steps();
                Runner.Result r = Runner.run(s, registry, (done, total) -> bar.onProgress(index * steps + done, v.count() * steps));
                if (first == null) {
                    first = s;
                    pops = r.simulation().populations().stream().map(Population::name).toList();
                    analytic = AnalyticFi.of(s, r.simulation(), v.path());
                }
                stats[k] = new RateStats[pops.size()];
                for (int p = 0; p < pops.size(); p++) {
                    Population pop = r.simulation().populations().get(p);
                    stats[k][p] = RateStats.of(r.simulation().spikes(), pop.name(), pop.size(), r.steps(), s.dt());
                }
                totalSteps += r.steps();
                wall += r.wallSeconds();
                last = r;
            }
        }
        SweepResult sweep = SweepResult.of(v, pops, stats, analytic);
        ObjectNode summary = SummaryJson.header(first.name(), last.simulation(), first.duration(), first.seed(), first.precision());
        summary.put("vary", vary);
        summary.put("runs", v.count());
        summary.put("total_steps", totalSteps);
        summary.put("wall_time_s", org.spikelane.cli.output.Figures.millis(wall));
        if (sweep.rheobaseLow() != null) {
            summary.put("rheobase_low_si", org.spikelane.cli.output.Figures.round(sweep.rheobaseLow()));
            summary.put("rheobase_high_si", org.spikelane.cli.output.Figures.round(sweep.rheobaseHigh()));
        }
        if (analytic != null) summary.put("analytic_rheobase_si", org.spikelane.cli.output.Figures.round(analytic.rheobase()));
        ArrayNode list = summary.putArray("populations");
        pops.forEach(list::add);
        SummaryJson.listFiles(summary, OUTPUTS);
        o.write("fi.csv", os -> FiCsv.write(sweep, os));
        o.write("fi.png", os -> Charts.writePng(FiPlot.draw(sweep), os));
        o.write("summary.json", os -> SummaryJson.write(summary, os));
        List<Path> written = o.commit();
        PrintWriter outw = spec.commandLine().getOut();
        String rheobase = !SweepResult.rheobaseApplies(v) ? "" : sweep.rheobaseLow() == null ? "; rheobase not crossed by the sweep"
                : String.format(java.util.Locale.ROOT, "; rheobase between %.6g and %.6g %s", sweep.rheobaseLow() / v.displayScale(),
                sweep.rheobaseHigh() / v.displayScale(), v.displayUnit())
                + (analytic == null ? "" : String.format(java.util.Locale.ROOT, " (analytic %.6g %s)", analytic.rheobase() / v.displayScale(), v.displayUnit()));
        outw.printf("%s: %s, %s, %.3f s wall, %s steps/s%s -> %s (%s)%n", first.name(), Counted.of(v.count(), "run"),
                Counted.of(totalSteps, "step"), wall,
                RunCommand.rate(wall > 0 ? totalSteps / wall : Double.POSITIVE_INFINITY), rheobase, dir,
                String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
        return 0;
    }
}
