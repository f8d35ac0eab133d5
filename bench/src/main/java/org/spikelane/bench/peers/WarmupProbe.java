package org.spikelane.bench.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spikelane.cli.Runner;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * The warm-up measure of {@code bench/peers/warmup.sh}: in a fresh JVM, does what
 * {@code ./spikelane run} does between reading the scenario and writing outputs
 * ({@link Runner#run}: build, then the step loop) and times every simulated second of the loop
 * on its own, from the progress calls the loop makes anyway (about 200 per run, so for a run of
 * whole seconds with a step count divisible by 200 they fall on the second boundaries; no timer
 * runs per step). Prints one JSON line.
 *
 * <p>Usage: {@code WarmupProbe SCENARIO [--set PATH=VALUE ...]} (the scenario's duration should be
 * a whole number of seconds, e.g. {@code --set "duration=10 s"}).
 */
public final class WarmupProbe {
    private WarmupProbe() {}

    public static void main(String[] args) {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        double toMain = Duration.between(jvmStart, Instant.now()).toNanos() * 1e-9;
        if (args.length == 0) usage("give a scenario file");
        List<String> sets = new ArrayList<>();
        for (int k = 1; k < args.length; k++) {
            if (!args[k].equals("--set") || k + 1 >= args.length) usage("unexpected argument '" + args[k] + "'");
            sets.add(args[++k]);
        }
        long t0 = System.nanoTime();
        Scenario scenario = Scenario.load(Path.of(args[0]), sets);
        PluginRegistry registry = PluginRegistry.discover();
        double load = (System.nanoTime() - t0) * 1e-9;
        long stepsPerSecond = Math.round(1.0 / scenario.dt());
        long total = scenario.steps();
        if (total % stepsPerSecond != 0 || total / stepsPerSecond < 1 || (total / 200) == 0
                || stepsPerSecond % Math.max(1, total / 200) != 0) {
            usage("duration must be a whole number of seconds whose steps the 200 progress calls divide evenly, got "
                    + total + " steps");
        }
        long[] at = new long[(int) (total / stepsPerSecond) + 1];
        long runStart = System.nanoTime();
        Runner.Result result = Runner.run(scenario, registry, (done, all) -> {
            if (done % stepsPerSecond == 0) at[(int) (done / stepsPerSecond)] = System.nanoTime();
        });
        long runEnd = System.nanoTime();
        // the loop started wallSeconds before its last progress call (Runner times runSteps alone)
        at[0] = at[at.length - 1] - Math.round(result.wallSeconds() * 1e9);
        StringBuilder seconds = new StringBuilder("[");
        for (int k = 1; k < at.length; k++) {
            seconds.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", (at[k] - at[k - 1]) * 1e-9));
        }
        seconds.append(']');
        double build = (at[0] - runStart) * 1e-9;
        System.out.printf(Locale.ROOT, "{\"jvm_to_main_s\": %.4f, \"load_s\": %.4f, \"build_s\": %.4f, \"loop_s\": %.5f, "
                        + "\"run_call_s\": %.4f, \"spikes\": %d, \"seconds_s\": %s, \"warmup\": \"%s\"}%n",
                toMain, load, build, result.wallSeconds(), (runEnd - runStart) * 1e-9, result.totalSpikes(), seconds,
                System.getProperty("spikelane.warmup", "default"));
    }

    private static void usage(String problem) {
        System.err.println("WarmupProbe: " + problem + "\nusage: WarmupProbe SCENARIO [--set PATH=VALUE ...]");
        System.exit(2);
    }
}
