package org.spikelane.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.bench.ExampleNetworks;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * Spikelane's side of the Brian2 peer comparison ({@code bench/peers/run.sh}): the CUBA example
 * scaled to N neurons (float32, 80 synapses per neuron), 1 s of simulated time, one thread (the
 * engine's scheduler is single-threaded). Prints one JSON line per N.
 *
 * <p>Per N: a warm-up simulation whose first simulated second is the cold figure (first code
 * execution at this N; only un-warmed for the first N of the JVM, hence {@code cold_first_in_jvm}),
 * then it keeps running so the JIT reaches its final code; then {@code reps} fresh simulations,
 * each built (timed apart) and run for 1 s (timed). Run time is the step loop only, spike
 * recording included, as Brian2's SpikeMonitor is included in its figure. The example's state
 * recording (v and I_syn of three neurons every step) is dropped: Brian2's CUBA has no StateMonitor.
 *
 * <p>Usage: {@code CubaPeer [--seed S] [--reps R] [--warmup SECONDS] N [N ...]}
 */
public final class CubaPeer {
    private CubaPeer() {}

    private static final double SIMULATED_S = 1.0;

    public static void main(String[] args) {
        long seed = 1;
        int reps = 7;
        double warmup = 10.0;
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++k, "--seed"));
                case "--reps" -> reps = Integer.parseInt(value(args, ++k, "--reps"));
                case "--warmup" -> warmup = Double.parseDouble(value(args, ++k, "--warmup"));
                default -> sizes.add(Integer.parseInt(args[k]));
            }
        }
        if (sizes.isEmpty()) usage("give at least one N");
        if (reps < 1) usage("--reps must be >= 1, got " + reps);
        if (warmup < SIMULATED_S) usage("--warmup must be >= " + SIMULATED_S + " s, got " + warmup);
        boolean firstInJvm = true;
        for (int n : sizes) {
            System.out.println(measure(n, seed, reps, warmup, firstInJvm));
            System.out.flush();
            firstInJvm = false;
        }
    }

    private static String measure(int n, long seed, int reps, double warmup, boolean firstInJvm) {
        long t0 = System.nanoTime();
        Simulation warm = cuba(n, seed);
        double coldBuild = seconds(t0);
        long steps = warm.toSteps(SIMULATED_S, "duration");
        t0 = System.nanoTime();
        warm.runSteps(steps);
        double cold = seconds(t0);
        double coldRate = rate(warm, n);
        t0 = System.nanoTime();
        warm.runSteps(warm.toSteps(warmup, "warmup") - steps);
        double warmupRest = seconds(t0);
        warm = null; // let the warm-up network go before the timed ones are built

        double[] build = new double[reps];
        double[] run = new double[reps];
        // CPU time of this thread over the run: on a machine shared with other work, the part of
        // the wall time the loop was not scheduled drops out (the network runs on one thread)
        double[] cpu = new double[reps];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] rates = new double[reps];
        String species = "";
        for (int r = 0; r < reps; r++) {
            t0 = System.nanoTime();
            Simulation sim = cuba(n, seed);
            build[r] = seconds(t0);
            long cpu0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            sim.runSteps(steps);
            run[r] = seconds(t0);
            cpu[r] = (threads.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            rates[r] = rate(sim, n);
            species = sim.species();
            if (!sim.stateRecorders().isEmpty()) throw new IllegalStateException("state recording left on");
            System.err.printf(Locale.ROOT, "spikelane n=%d seed=%d rep %d: build %.3f s, run %.4f s, %.3f Hz%n",
                    n, seed, r, build[r], run[r], rates[r]);
        }
        return String.format(Locale.ROOT,
                "{\"peer\": \"spikelane\", \"precision\": \"float32\", \"threads\": 1, \"n\": %d, \"seed\": %d, "
                        + "\"simulated_s\": %.1f, \"reps\": %d, \"run_s\": %.5f, \"run_min_s\": %.5f, \"run_all_s\": %s, "
                        + "\"run_cpu_s\": %.5f, \"run_cpu_min_s\": %.5f, "
                        + "\"build_s\": %.4f, \"cold_run_s\": %.5f, \"cold_build_s\": %.4f, \"cold_first_in_jvm\": %b, "
                        + "\"warmup_s\": %.1f, \"warmup_rest_run_s\": %.4f, \"rate_hz\": %.4f, \"cold_rate_hz\": %.4f, "
                        + "\"species\": \"%s\"}",
                n, seed, SIMULATED_S, reps, median(run), min(run), list(run), median(cpu), min(cpu), median(build), cold, coldBuild,
                firstInJvm, warmup, warmupRest, median(rates), coldRate, species);
    }

    /** The bundled CUBA example at n neurons, recording spikes only (as Brian2's script does). */
    private static Simulation cuba(int n, long seed) {
        Scenario scenario = ExampleNetworks.scenario("cuba", n, "float32", seed);
        if (scenario.root().get("record") instanceof Map<?, ?> record) record.remove("state");
        return NetworkBuilder.simulation(scenario, PluginRegistry.discover());
    }

    /** Mean rate in Hz over the recorded spikes of the first simulated second. */
    private static double rate(Simulation sim, int n) {
        return sim.spikes().count() / (double) n / SIMULATED_S;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static String list(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            out.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", values[k]));
        }
        return out.append(']').toString();
    }

    private static String value(String[] args, int k, String option) {
        if (k >= args.length) usage(option + " needs a value");
        return args[k];
    }

    private static void usage(String problem) {
        System.err.println("CubaPeer: " + problem
                + "\nusage: CubaPeer [--seed S] [--reps R] [--warmup SECONDS] N [N ...]");
        System.exit(2);
    }
}
