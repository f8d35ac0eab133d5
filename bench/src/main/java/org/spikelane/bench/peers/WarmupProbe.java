package org.spikelane.bench.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spikelane.cli.KernelWarmup;
import org.spikelane.cli.Runner;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * The warm-up measure of {@code bench/peers/warmup.sh}: in a fresh JVM, does what
 * {@code ./spikelane run} does between reading the scenario and writing outputs
 * ({@link Runner#run}: build, then the step loop) and times every simulated second of the loop
 * on its own, from the progress calls the loop makes anyway (0 as it starts, then about 200 per
 * run, so for a run of whole seconds with a step count divisible by 200 they fall on the second
 * boundaries; no timer runs per step): wall time, and the main thread's CPU time, which a loaded
 * machine stretches less than wall time (the JIT's threads are not in it); the JVM's uptime when
 * the first simulated second ended; and what the warm-up copy did ({@link KernelWarmup#last}).
 * Prints one JSON line.
 *
 * <p>Usage: {@code WarmupProbe SCENARIO [--set PATH=VALUE ...]} (the scenario's duration should be
 * a whole number of seconds, e.g. {@code --set "duration=10 s"}).
 */
public final class WarmupProbe {
    private WarmupProbe() {}

    public static void main(String[] args) {
        // the JVM's own uptime (milliseconds since it started): the process's start instant is known
        // only to the clock tick of the boot time it is computed from, up to a second off
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        double toMain = runtime.getUptime() * 1e-3;
        long mainNanos = System.nanoTime();
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
        long[] firstSecondProcessCpu = new long[1];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpuAt = new long[at.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long runStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Runner.Result result = Runner.run(scenario, registry, (done, all) -> {
            if (done % stepsPerSecond == 0) { // Runner reports 0 when its loop starts
                at[(int) (done / stepsPerSecond)] = System.nanoTime();
                cpuAt[(int) (done / stepsPerSecond)] = threads.getCurrentThreadCpuTime();
                if (done == stepsPerSecond) firstSecondProcessCpu[0] = os.getProcessCpuTime();
            }
        });
        long runEnd = System.nanoTime();
        StringBuilder seconds = new StringBuilder("[");
        StringBuilder cpu = new StringBuilder("[");
        for (int k = 1; k < at.length; k++) {
            seconds.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", (at[k] - at[k - 1]) * 1e-9));
            cpu.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", (cpuAt[k] - cpuAt[k - 1]) * 1e-9));
        }
        seconds.append(']');
        cpu.append(']');
        double runCpu = (cpuAt[at.length - 1] - cpuStart) * 1e-9;
        double build = (at[0] - runStart) * 1e-9;
        double buildCpu = (cpuAt[0] - cpuStart) * 1e-9;
        double jvmTotal = toMain + (System.nanoTime() - mainNanos) * 1e-9;
        // the JVM's uptime when the first simulated second ended: what a user waits for it, start-up and build included
        double firstSecondEnd = toMain + (at[1] - mainNanos) * 1e-9;
        KernelWarmup.Outcome warm = KernelWarmup.last();
        // every thread's CPU until the first simulated second ended (10 ms ticks): the copy's and the
        // JIT's work too, so a warm-up that only moves work before the timer shows here
        double processCpu = firstSecondProcessCpu[0] * 1e-9;
        System.out.printf(Locale.ROOT, "{\"jvm_to_main_s\": %.4f, \"jvm_total_s\": %.4f, \"load_s\": %.4f, \"build_s\": %.4f, \"build_cpu_s\": %.4f, \"loop_s\": %.5f, "
                        + "\"run_call_s\": %.4f, \"run_call_cpu_s\": %.4f, \"spikes\": %d, \"seconds_s\": %s, "
                        + "\"seconds_cpu_s\": %s, \"first_second_end_s\": %.4f, \"process_cpu_to_first_second_end_s\": %.3f, \"warmup\": \"%s\", \"warmup_steps\": %d, "
                        + "\"warmup_ended\": \"%s\", \"warmup_wait_s\": %.4f}%n",
                toMain, jvmTotal, load, build, buildCpu, result.wallSeconds(), (runEnd - runStart) * 1e-9, runCpu, result.totalSpikes(), seconds,
                cpu, firstSecondEnd, processCpu,
                System.getProperty("spikelane.warmup", "default"), warm == null ? 0 : warm.steps(),
                warm == null ? "off" : warm.ended(), warm == null ? 0.0 : warm.waitedSeconds());
    }

    private static void usage(String problem) {
        System.err.println("WarmupProbe: " + problem + "\nusage: WarmupProbe SCENARIO [--set PATH=VALUE ...]");
        System.exit(2);
    }
}
