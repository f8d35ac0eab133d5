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
import org.spikelane.Simulation;

/**
 * The thread axis: the CUBA and COBA examples scaled to N neurons ({@link ExampleNetworks}, 80
 * synapses per neuron), run with 1 and 2 worker threads. The results are bit-identical for both
 * (ThreadCountAgreementTest), so the score ratio is the speed-up alone. JMH's own benchmark
 * thread is the simulation's calling thread; the simulation starts its other workers itself.
 *
 * <p>Score: ms per {@value NetworkBenchmark#STEPS} steps (0.1 s simulated), after
 * {@value NetworkBenchmark#SETTLE_STEPS} settling steps; speed-up = score(1) / score(2) from one
 * run. Needs a machine with at least 2 idle cores: on a loaded one the workers park and the ratio
 * measures the scheduler. {@code adaptive}: false (default) runs every step on the team, the
 * scaling of the threaded step itself; true lets the simulation run blocks of steps alone when
 * that measures faster (docs/threads.md, "When the cores are busy"), what a user gets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class ThreadScalingBenchmark {
    @State(Scope.Thread)
    public static class Run {
        @Param({"cuba", "coba"})
        public String network;

        @Param({"4000", "40000", "400000"})
        public int n;

        @Param({"float32"})
        public String precision;

        @Param({"1", "2"})
        public int threads;

        @Param({"false"})
        public String adaptive;

        SettledRun run;

        @Setup(Level.Trial)
        public void setUp() {
            System.setProperty("spikelane.threads.adaptive", adaptive);
            Simulation sim = ExampleNetworks.simulation(network, n, precision, 1, threads);
            if (sim.activeThreads() != threads) {
                throw new IllegalStateException(network + " n=" + n + ": " + sim.activeThreads() + " active threads, asked " + threads);
            }
            run = new SettledRun(sim, network);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[threads] network=%s n=%d precision=%s threads=%d: %.2f Hz mean firing rate over %.1f s simulated%n",
                    network, n, precision, threads, run.meanRate(n), run.secondsMeasured());
            run.sim.close();
        }
    }

    @Benchmark
    public long run(Run r) {
        r.run.sim.runSteps(NetworkBenchmark.STEPS);
        return r.run.sim.stepCount();
    }
}
