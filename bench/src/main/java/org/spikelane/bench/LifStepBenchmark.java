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
import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.Accumulate;

/**
 * One LIF step (input phase, integrate, refractory hold, threshold, reset) of the N neurons of
 * {@link LifFixture}, under float32 and under {@code precision: fixed}, each with its vector
 * kernel and its scalar reference, at a realistic and at a busy firing level.
 *
 * <p>One invocation = one step: the constant drive of {@link LifFixture#current} is added to the
 * accumulator as a {@code bias} input does (float32: the current in A into {@code current};
 * fixed: the per-neuron {@code R_i I} in LSB_v into the int drive, {@code Accumulate.add(int[], ...)},
 * which is what the bias plugin's fixed kernel does), then the kernel runs.
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

        LifKernel lifKernel;
        LifState state;
        float current;
        /** The fixed kernel's drive accumulator, or null under float32. */
        int[] drive;
        /** R_i I in LSB_v per neuron, as the bias input's fixed kernel quantizes it. */
        int[] driveLsb;
        int[] spikes;
        long spikeCount;
        long steps;

        @Setup(Level.Trial)
        public void setUp() {
            double amperes = LifFixture.current(firing);
            current = (float) amperes;
            LifPopulation population = LifFixture.population(n, LifFixture.kernel(kernel));
            state = population.state();
            spikes = population.spikes();
            lifKernel = switch (precision) {
                case "float32" -> population.kernel();
                case "fixed" -> new FixedLifKernel(new FixedLifState("bench", state, ArithmeticProfile.FIXED, 1),
                        kernel.equals("vector"));
                default -> throw new IllegalArgumentException("precision must be float32 or fixed, got " + precision);
            };
            if (lifKernel instanceof FixedLifKernel fixed) {
                drive = fixed.fixedState().driveSum;
                driveLsb = new int[n];
                for (int i = 0; i < n; i++) driveLsb[i] = (int) Math.round(amperes * fixed.fixedState().lsbPerAmpere(i));
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            // printed into the JMH log so the firing regime of each run can be checked
            System.out.printf("%n[firing] n=%d precision=%s kernel=%s firing=%s: %.5f spikes per neuron-step over %d steps%n",
                    n, precision, kernel, firing, steps == 0 ? 0.0 : (double) spikeCount / ((double) steps * n), steps);
        }
    }

    @Benchmark
    public int step(Population p) {
        if (p.drive == null) {
            Accumulate.add(p.state.current, null, p.n, p.current);
        } else {
            Accumulate.add(p.drive, null, p.driveLsb, p.n);
        }
        int count = p.lifKernel.step(p.state, p.spikes);
        p.spikeCount += count;
        p.steps++;
        return count;
    }
}
