package org.spikelane.cli.nir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spikelane.cli.output.OutputDir;
import org.spikelane.cli.output.SummaryJson;
import org.spikelane.nir.exec.BatchRunner;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane nir run MODEL.nir --input INPUT.npy --dt "0.1 ms" --out DIR}: runs a NIR graph
 * on one sample or a batch (samples in parallel on a thread pool), writing spikes.csv, state.csv
 * for {@code --record} and summary.json as one set (docs/nir.md).
 */
@Command(name = "run", description = "Runs a NIR graph on an input array (.npy, [T, C] or [B, T, C]).")
final class NirRunCommand implements Callable<Integer> {
    // -h only: the version is the top command's (spikelane --version)
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    static final Set<String> OUTPUTS = Set.of("spikes.csv", "state.csv", "summary.json");

    @Parameters(index = "0", paramLabel = "MODEL.nir", description = "the NIR file")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "INPUT.npy", description = "[T, C] or [B, T, C]; bool, int, uint or float")
    Path input;

    @Option(names = "--dt", required = true, description = "the step, e.g. \"0.1 ms\" (NIR stores none)")
    String dt;

    @Option(names = "--integration", defaultValue = "euler", description = "euler (as the tools trained) or exact; default ${DEFAULT-VALUE}")
    String integration;

    @Option(names = "--reset", defaultValue = "value", description = "value (to v_reset, default 0) or subtract (v - v_threshold); default ${DEFAULT-VALUE}")
    String reset;

    @Option(names = "--precision", defaultValue = "float32", description = "float32, fixed (the engine's fixed-point format) or loihi (Lava-DL's quantization, Lava's bit-accurate LIF); default ${DEFAULT-VALUE}")
    String precision;

    @Option(names = "--record", paramLabel = "NODE:VAR", description = "record a state variable (v, I) or out, the node's output; repeatable")
    List<String> record = new ArrayList<>();

    @Option(names = "--threads", description = "threads for a batch (default: the machine's processors)")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What the summary reports beyond the compiled graph. */
    record Settings(Path model, String version, String precision, int steps, int threads) {}

    static double parseDt(String text) {
        double dt = Units.parse(text, Dimension.TIME, "--dt");
        if (!(dt > 0) || Double.isInfinite(dt)) throw new IllegalArgumentException("--dt: '" + text + "' must be a positive finite time");
        return dt;
    }

    @Override
    public Integer call() throws IOException {
        RunOptions options = new RunOptions(parseDt(dt), Integration.parse(integration), ResetMode.parse(reset), RunOptions.parsePrecision(precision));
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (pool < 1 || pool > 1024) throw new IllegalArgumentException("--threads must be between 1 and 1024, not " + pool);
        NirGraph graph = NirReader.read(model);
        CompiledGraph g = CompiledGraph.compile(graph, options);
        List<Probe> probes = record.stream().map(text -> Probe.parse(g, text)).toList();
        NirInput in = NirInput.read(input, g.inputSize(), g.inputNodes().length);
        try (OutputDir dir = OutputDir.open(out, OUTPUTS)) {
            long start = System.nanoTime();
            List<SampleResult> results = BatchRunner.run(g, in.data(), in.samples(), in.steps(), probes, pool);
            double wall = (System.nanoTime() - start) / 1e9;
            List<String> files = new ArrayList<>(List.of("spikes.csv"));
            if (!probes.isEmpty()) files.add("state.csv");
            files.add("summary.json");
            dir.write("spikes.csv", o -> NirSpikesCsv.write(g, results, in.batch(), o));
            if (!probes.isEmpty()) dir.write("state.csv", o -> NirStateCsv.write(probes, results, in.steps(), options.dt(), in.batch(), o));
            Settings s = new Settings(model, graph.version(), precision, in.steps(), Math.min(pool, in.samples()));
            dir.write("summary.json", o -> SummaryJson.write(NirSummary.of(s, g, results, in.batch(), wall, dir.runId(), files), o));
            dir.commit();
            long spikes = results.stream().mapToLong(SampleResult::spikeCount).sum();
            var console = spec.commandLine().getOut();
            console.printf(java.util.Locale.ROOT, "%s: %d sample(s) x %d steps, %d spikes, %.3f s, %.1f samples/s -> %s (%s)%n",
                    model.getFileName(), in.samples(), in.steps(), spikes, wall, in.samples() / Math.max(wall, 1e-9), out, String.join(", ", files));
            for (var q : g.quantization()) console.println("quantization: " + q.line());
            long[] overflows = NirSummary.overflows(g, results);
            for (int node = 0; node < overflows.length; node++) {
                if (overflows[node] > 0) {
                    spec.commandLine().getErr().println("warning: " + options.precision().label() + " overflow: node '" + g.name(node) + "' clipped "
                            + overflows[node] + " times (see summary.json)");
                }
            }
        }
        return 0;
    }
}
