package org.spikelane.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spikelane.Simulation;
import org.spikelane.cli.output.Counted;
import org.spikelane.cli.output.Figures;
import org.spikelane.cli.output.OutputDir;
import org.spikelane.cli.output.SummaryJson;
import org.spikelane.cli.output.SweepCsv;
import org.spikelane.cli.plot.Charts;
import org.spikelane.cli.plot.SweepPlot;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.sweep.AnalyticFi;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.LocalRuns;
import org.spikelane.cli.sweep.RunSpec;
import org.spikelane.cli.sweep.RunStats;
import org.spikelane.cli.sweep.ScenarioText;
import org.spikelane.cli.sweep.Setting;
import org.spikelane.cli.sweep.SweepCluster;
import org.spikelane.cli.sweep.SweepJob;
import org.spikelane.cli.sweep.SweepProgress;
import org.spikelane.cli.sweep.SweepResult;
import org.spikelane.cli.sweep.VarySpec;
import org.spikelane.spi.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane sweep}: runs a scenario at every point of a grid of values (one or more
 * {@code --vary}), each point with one or more seeds, on the machine's cores or on Spark, and
 * writes every population's rate, ISI CV and spike count per point (sweep.csv, sweep.png,
 * summary.json); for a sweep of an input current, the rheobase and the analytic f-I curve.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Runs a scenario at every point of a grid of values, with seed replicates; writes rates, ISI CV and spike counts per population (sweep.csv, sweep.png).")
final class SweepCommand implements Callable<Integer> {
    static final int MAX_REPLICATES = 10_000;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "PATH=VALUES",
            description = "a varied value; several make a grid (the first varies slowest). VALUES: [A, B, ...] or FROM..TO:COUNT"
                    + " or FROM..TO:COUNT:log, e.g.%n  --vary \"inputs.0.amplitude=0 nA..10 nA:41\"%n  --vary \"populations.0.params.tau_m=[5 ms, 10 ms, 20 ms]\"")
    List<String> vary = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "N", description = "runs per point with seeds SEED, SEED+1, ... (the scenario's seed first); outputs give mean and s.e. (default: 1)")
    int replicates = 1;

    @Option(names = "--jobs", paramLabel = "N", description = "runs at once on this machine (default: the available processors)")
    Integer jobs;

    @Option(names = "--spark", paramLabel = "MASTER", description = "run the points on Apache Spark (local[2], spark://host:7077, ...); adds sweep.parquet (docs/scale-out.md)")
    String spark;

    @Option(names = "--spark-spikes", description = "with --spark: the executors write every run's spikes into spikes.parquet,"
            + " partitioned by point; --out must be on a file system every executor sees (docs/scale-out.md)")
    boolean sparkSpikes;

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

    /** What a sweep writes, in the order summary.json lists them (a Spark sweep adds its own). */
    static final List<String> OUTPUTS = List.of("sweep.csv", "sweep.png", "summary.json");

    @picocli.CommandLine.Mixin
    PluginOptions pluginPath;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Preflight.maxMemoryOption(maxMemory, spec.commandLine().getErr());
        Grid grid = Grid.of(vary);
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw new CommandFailure(Main.BAD_INPUT, "--replicates: must be in [1, " + MAX_REPLICATES + "], got " + replicates);
        }
        if (jobs != null && (jobs < 1 || jobs > 1024)) throw new CommandFailure(Main.BAD_INPUT, "--jobs: must be in [1, 1024], got " + jobs);
        for (VarySpec v : grid.axes()) {
            if (replicates > 1 && v.path().equals("seed")) {
                throw new CommandFailure(Main.BAD_INPUT, "--replicates " + replicates + ": the seed is varied already by " + v.option()
                        + "; use one or the other");
            }
        }
        SweepCluster cluster = spark == null ? null : ClusterLookup.find("spark");
        if (cluster != null && pluginPath.given()) {
            throw new CommandFailure(Main.BAD_INPUT, "--plugins with --spark: Spark's executors load plugins from their class path;"
                    + " pass the jars to spark-submit with --jars (docs/scale-out.md)");
        }
        if (sparkSpikes && cluster == null) {
            throw new CommandFailure(Main.BAD_INPUT, "--spark-spikes: needs --spark MASTER (a local sweep keeps only its spike tally)");
        }
        List<Setting> fixed = sets.stream().map(Setting::ofSet).toList();
        ScenarioText text = ScenarioText.read(file);
        Scenario base = text.scenario(fixed);
        // the folder is checked before any run
        Path dir = out != null ? out : Path.of("out", base.name() + "-sweep");
        List<String> outputs = new ArrayList<>(OUTPUTS);
        if (cluster != null) outputs.addAll(outputs.size() - 1, cluster.outputs());
        if (sparkSpikes) outputs.add(outputs.size() - 1, "spikes.parquet");
        try (OutputDir o = OutputDir.open(dir, Set.copyOf(outputs))) {
            return sweep(grid, text, base, fixed, cluster, outputs, dir, o);
        }
    }

    private Integer sweep(Grid grid, ScenarioText text, Scenario base, List<Setting> fixed, SweepCluster cluster, List<String> outputs,
                          Path dir, OutputDir o) throws IOException {
        PluginRegistry registry = pluginPath.load().registry();
        PrintWriter err = spec.commandLine().getErr();
        long[] seeds = new long[replicates];
        for (int r = 0; r < replicates; r++) seeds[r] = base.seed() + r;
        // every point checked on this thread before any run: each warning said once, a bad point fails the sweep at once
        Set<String> warned = new HashSet<>();
        List<List<Setting>> pointSettings = new ArrayList<>();
        long[] pointSteps = new long[grid.points()];
        long peak = 0;
        Scenario first = null;
        int sineInput = SweepResult.sineInput(grid, base.root());
        for (int point = 0; point < grid.points(); point++) {
            List<Setting> s = new ArrayList<>(fixed);
            s.addAll(grid.settings(point));
            // a sweep keeps only its spike tally: traces and spike lists the scenario records would be thrown away;
            // over a sine's frequency it fits the recorded v and I of a neuron the sine drives
            if (sineInput < 0) s.add(new Setting("sweep (records nothing)", "record", "{}"));
            Scenario scenario = text.scenario(s);
            peak = Math.max(peak, Preflight.check(scenario, registry, strict, err, warned).peakBytes());
            pointSettings.add(s);
            pointSteps[point] = scenario.steps();
            if (first == null) first = scenario;
        }
        int runs = grid.points() * replicates;
        int atOnce = cluster != null ? 0 : atOnce(runs, peak);
        boolean threadsFixed = base.threads() > 0 || grid.axes().stream().anyMatch(v -> v.path().equals("threads"));
        List<RunSpec> specs = new ArrayList<>();
        long[] steps = new long[runs];
        for (int point = 0; point < grid.points(); point++) {
            for (int r = 0; r < replicates; r++) {
                List<Setting> s = new ArrayList<>(pointSettings.get(point));
                if (replicates > 1) s.add(new Setting("--replicates " + replicates, "seed", Long.toString(seeds[r])));
                // runs side by side share the cores: one thread each (the results are the same for any thread count)
                if (!threadsFixed && (cluster != null || atOnce > 1)) s.add(new Setting("sweep (one thread per run)", "threads", "1"));
                int run = point * replicates + r;
                specs.add(new RunSpec(run, point, r, s, sineInput));
                steps[run] = pointSteps[point];
            }
        }
        SweepJob job = new SweepJob(text, specs, steps);
        long start = System.nanoTime();
        List<RunStats> results;
        try (ProgressBar bar = new ProgressBar(err, "sweep", !quiet && ProgressBar.stderrIsTerminal())) {
            SweepProgress progress = new SweepProgress((label, done, total) -> {
                bar.label(label);
                bar.onProgress(done, total);
            }, steps);
            // the executors fill spikes.parquet inside the temporary folder: it appears with the rest of the set or not at all
            Path spikes = sparkSpikes ? o.folder("spikes.parquet").toAbsolutePath() : null;
            results = cluster != null ? cluster.run(spark, job, progress, spikes) : LocalRuns.run(job, registry, atOnce, progress);
            bar.status("writing outputs");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        AnalyticFi analytic = null;
        if (SweepResult.rheobaseApplies(grid)) {
            try (Simulation sim = NetworkBuilder.simulation(first, registry)) {
                analytic = AnalyticFi.of(first, sim, grid.axis(0).path());
            }
        }
        SweepResult sweep = SweepResult.of(grid, seeds, results, analytic);
        long totalSteps = job.totalSteps();
        RunStats one = results.get(0);
        ObjectNode summary = SummaryJson.header(first.name(), one.dt(), one.species(), first.duration(), base.seed(), first.precision());
        ArrayNode varied = summary.putArray("vary");
        vary.forEach(varied::add);
        summary.put("points", grid.points());
        summary.put("replicates", replicates);
        if (replicates > 1) {
            ArrayNode s = summary.putArray("seeds");
            for (long seed : seeds) s.add(seed);
        }
        summary.put("runs", runs);
        if (cluster != null) {
            summary.put("spark_master", spark);
            cluster.describe(summary);
        }
        else summary.put("runs_at_once", atOnce);
        summary.put("total_steps", totalSteps);
        summary.put("wall_time_s", Figures.millis(wall));
        if (sweep.rheobaseLow() != null) {
            summary.put("rheobase_low_si", Figures.round(sweep.rheobaseLow()));
            summary.put("rheobase_high_si", Figures.round(sweep.rheobaseHigh()));
        }
        if (analytic != null) summary.put("analytic_rheobase_si", Figures.round(analytic.rheobase()));
        if (sweep.sine() != null) summary.put("sine_fitted_points", sineFitted(sweep));
        ArrayNode list = summary.putArray("populations");
        sweep.populations().forEach(list::add);
        SummaryJson.listFiles(summary, o.runId(), outputs);
        o.write("sweep.csv", os -> SweepCsv.write(sweep, os));
        o.write("sweep.png", os -> Charts.writePng(SweepPlot.draw(sweep), os));
        if (cluster != null) {
            for (String name : cluster.outputs()) o.write(name, os -> cluster.write(name, job, grid, results, os));
        }
        o.write("summary.json", os -> SummaryJson.write(summary, os));
        List<Path> written = o.commit();
        PrintWriter outw = spec.commandLine().getOut();
        outw.printf("%s: %s, %s, %.3f s wall%s, %s steps/s%s -> %s (%s)%n", first.name(), Counted.of(runs, "run"),
                Counted.of(totalSteps, "step"), wall, cluster != null ? " on Spark " + spark : atOnce > 1 ? ", " + atOnce + " at once" : "",
                RunCommand.rate(wall > 0 ? totalSteps / wall : Double.POSITIVE_INFINITY), rheobase(sweep, grid) + sine(sweep), dir,
                String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
        return 0;
    }

    /** How many runs go at once: --jobs or the cores, no more than there are runs or than the free heap holds. */
    private int atOnce(int runs, long peakBytes) {
        int n = Math.min(jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), runs);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (peakBytes > 0) n = (int) Math.max(1, Math.min(n, free / peakBytes));
        return Math.max(1, n);
    }

    private static int sineFitted(SweepResult sweep) {
        int n = 0;
        for (var r : sweep.sine()) if (r.fitted()) n++;
        return n;
    }

    /** How many points gave a sine response, and why the others did not. */
    private static String sine(SweepResult sweep) {
        if (sweep.sine() == null) return "";
        int fitted = sineFitted(sweep);
        String text = "; v's sine response fitted at " + fitted + " of " + Counted.of(sweep.sine().length, "point");
        return fitted == sweep.sine().length ? text : text + " (a fit needs v and I recorded of a neuron the sine drives that never"
                + " fires, and one whole cycle after 5 tau_m)";
    }

    private static String rheobase(SweepResult sweep, Grid grid) {
        if (!SweepResult.rheobaseApplies(grid)) return "";
        VarySpec v = grid.axis(0);
        if (sweep.rheobaseLow() == null) return "; rheobase not crossed by the sweep";
        AnalyticFi analytic = sweep.analytic();
        return String.format(Locale.ROOT, "; rheobase between %.6g and %.6g %s", sweep.rheobaseLow() / v.displayScale(),
                sweep.rheobaseHigh() / v.displayScale(), v.displayUnit())
                + (analytic == null ? "" : String.format(Locale.ROOT, " (analytic %.6g %s)", analytic.rheobase() / v.displayScale(), v.displayUnit()));
    }
}
