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
 * The whole step of a fixed-point LIF population of {@code n} neurons with {@code inputs} bias
 * inputs on every neuron (0.6 nA each, 2.4 nA in all with 4: regular firing), through the real
 * {@link Simulation#step()}: the input phase's saturating, counting additions, the LIF kernel,
 * no recording. The engine has no switch to turn saturation off, so the price of saturation in
 * a step is read by putting {@code FixedInputAddBenchmark}'s difference (saturating minus
 * wrapping, same n and inputs) over this step's time; {@code inputs = 0} gives the step without
 * an input phase. Score: ns per step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC",
    "-Dspikelane.threads.adaptive=false"})
public class FixedInputStepBenchmark {
    @State(Scope.Thread)
    public static class Run {
        @Param({"4000"})
        public int n;

        @Param({"0", "4"})
        public int inputs;

        Simulation sim;

        @Setup(Level.Trial)
        public void setUp() {
            Network net = TargetPopulation.network(n, "fixed");
            net.threads(1);
            for (int k = 0; k < inputs; k++) net.addInput("bias", TargetPopulation.NAME, Map.of("amplitude", "0.6 nA"));
            sim = net.build();
        }

        @TearDown(Level.Trial)
        public void report() {
            // the premise: no addition clipped, so the step ran the common case
            System.out.printf("%n[fixed-input-step] n=%d inputs=%d: overflows %s%n", n, inputs, sim.overflows());
            sim.close();
        }
    }

    @Benchmark
    public void step(Run r) {
        r.sim.step();
    }
}
