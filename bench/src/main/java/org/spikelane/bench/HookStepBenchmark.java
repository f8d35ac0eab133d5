package org.spikelane.bench;

import java.util.Map;
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
import org.spikelane.Network;
import org.spikelane.Simulation;

/**
 * A whole float32 step of {@code n} LIF neurons (bias 2.4 nA: regular firing) with nothing, a
 * hook due every step, or a spike listener, through {@link Simulation#step()}: each hook and
 * listener call runs inside the try/catch issue 11 added. The difference to {@code none} bounds
 * the cost of that path from above (it includes the call itself); {@code HookTryCatchBenchmark}
 * separates the try/catch from the call. Score: ns per step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC",
    "-Dspikelane.threads.adaptive=false"})
public class HookStepBenchmark {
    @State(Scope.Thread)
    public static class Run {
        @Param({"4000"})
        public int n;

        @Param({"none", "hook", "listener"})
        public String observer;

        Simulation sim;
        final long[] calls = new long[1];

        @Setup(Level.Trial)
        public void setUp() {
            Network net = TargetPopulation.network(n, "float32");
            net.threads(1);
            net.addInput("bias", TargetPopulation.NAME, Map.of("amplitude", "2.4 nA"));
            if (observer.equals("hook")) net.every(LifFixture.DT, s -> calls[0]++);
            sim = net.build();
            if (observer.equals("listener")) sim.addSpikeListener((step, population, spikes, count) -> calls[0] += count);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[hook-step] n=%d observer=%s: %d steps, %d calls or spikes heard%n", n, observer, sim.stepCount(), calls[0]);
            sim.close();
        }
    }

    @Benchmark
    public void step(Run r) {
        r.sim.step();
    }
}
