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
 * One LIF step (input phase, integrate, refractory hold, threshold, reset) of the N neurons of
 * {@link LifFixture}, under float32 and under {@code precision: fixed}, each with its vector
 * kernel and its scalar reference, at a realistic and at a busy firing level.
 *
 * <p>One invocation = one {@link LifStepper#step}: the constant drive of
 * {@link LifFixture#current} given as a {@code bias} input gives it (float32: folded into the
 * kernel's pass; fixed: added to the int drive), then the kernel. The
 * population starts in its steady firing regime ({@link LifFixture#settle}), so the short trials
 * at 10M neurons (a few hundred steps) are not dominated by the start-up transient. Setup first
 * runs {@value #PREWARM_STEPS} steps of a {@value #PREWARM_SIZE}-neuron copy, so that C2 has
 * compiled the kernel before the first step of a large population (interpreted Vector API code
 * boxes every vector; one interpreted step of 10M neurons takes seconds).
 *
 * <p>Score: ns per step (average time, ns/op). ns per neuron-step = score / {@code n}
 * ({@code params.n} in the JSON); neuron-steps per second = {@code n} * 1e9 / score. Each trial
 * prints {@code [firing] ...: x spikes per neuron-step} at teardown: about 0.001 for
 * {@code firing=0.1%} and 0.046 for {@code firing=5%} (the refractory period caps it at 0.05).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class LifStepBenchmark {
    static final int PREWARM_SIZE = 4096;
    static final int PREWARM_STEPS = 20_000;

    /** Population state shared by the iterations of one trial (one fork, one parameter set). */
    @State(Scope.Thread)
    public static class Population {
        @Param({"1000", "64000", "1000000", "10000000"})
        public int n;

        @Param({"float32", "fixed"})
        public String precision;

        @Param({"vector", "scalar"})
        public String kernel;

        /** Spikes per neuron-step the drive aims at (see {@link LifFixture#current}). */
        @Param({"0.1%", "5%"})
        public String firing;

        LifStepper stepper;

        @Setup(Level.Trial)
        public void setUp() {
            double amperes = LifFixture.current(firing);
            LifStepper warm = new LifStepper(PREWARM_SIZE, precision, kernel, amperes);
            for (int k = 0; k < PREWARM_STEPS; k++) warm.step();
            stepper = new LifStepper(n, precision, kernel, amperes);
        }

        @TearDown(Level.Trial)
        public void report() {
            // printed into the JMH log so the firing regime of each run can be checked
            System.out.printf("%n[firing] n=%d precision=%s kernel=%s firing=%s: %.5f spikes per neuron-step over %d steps%n",
                    n, precision, kernel, firing, stepper.firing(), stepper.steps);
        }
    }

    @Benchmark
    public int step(Population p) {
        return p.stepper.step();
    }
}
