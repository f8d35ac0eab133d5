package org.spikelane.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole networks: the CUBA and COBA example scenarios scaled to N neurons with 80 synapses per
 * neuron ({@link ExampleNetworks}), float32 and {@code precision: fixed}, run as
 * {@code spikelane run} runs them: spikes recorded, plus the scenario's three state traces,
 * whose arrays grow by doubling, so {@code -prof gc} shows 0.1-1.5 MB per invocation here
 * (presumably that growth: the per-step benchmarks show the step phases allocate nothing).
 * Run the jar from the repository root (it reads {@code examples/}).
 *
 * <p>Setup builds the simulation and runs {@value #SETTLE_STEPS} steps (0.2 s) so the
 * measurement starts after the start-up transient. One invocation = {@value #STEPS} steps, 0.1 s
 * of simulated time, continuing the same simulation.
 *
 * <p>Score: ms per invocation (ms/op) = wall milliseconds per 0.1 simulated second. Real-time
 * factor (simulated seconds per wall second) = 100 / score; wall seconds per simulated second
 * (the peer comparison's unit) = score / 100. The teardown line gives the mean firing rate (Hz)
 * over the steps run, to check the network stayed in its regime (smoke run: CUBA 5.4-5.6 Hz,
 * COBA with its 20 mV drive 21-22 Hz, at both sizes and precisions).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class NetworkBenchmark {
    /** Steps per invocation; with {@link #DT_MS} the report tool turns ms/op into a real-time factor. */
    public static final int STEPS = 1000;
    /** dt of the example scenarios (checked in setup). */
    public static final double DT_MS = 0.1;
    static final int SETTLE_STEPS = 2000;

    @State(Scope.Thread)
    public static class Run {
        @Param({"cuba", "coba"})
        public String network;

        @Param({"4000", "40000"})
        public int n;

        @Param({"float32", "fixed"})
        public String precision;

        SettledRun run;

        @Setup(Level.Trial)
        public void setUp() {
            run = new SettledRun(ExampleNetworks.simulation(network, n, precision, 1), network);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[network] network=%s n=%d precision=%s: %.2f Hz mean firing rate over %.1f s simulated%n",
                    network, n, precision, run.meanRate(n), run.secondsMeasured());
        }
    }

    @Benchmark
    public long run(Run r) {
        r.run.sim.runSteps(STEPS);
        return r.run.sim.stepCount();
    }
}
