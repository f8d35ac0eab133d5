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
 * One LIF step of N neurons under {@code precision: fixed} against float32, each with its vector
 * kernel and its scalar reference, on the population of {@link LifFixture} (same parameters,
 * same firing regime). Every step adds the constant current to the accumulator first, as a
 * {@code bias} input does: in float for float32, as R I in LSB_v into the int drive for fixed.
 * Score: ns per step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class FixedLifStepBenchmark {

    @State(Scope.Thread)
    public static class Population {
        @Param({"1000", "64000", "1000000", "10000000"})
        public int n;

        @Param({"float32", "fixed"})
        public String precision;

        @Param({"vector", "scalar"})
        public String kernel;

        LifKernel lifKernel;
        LifState state;
        /** The fixed kernel's drive accumulator, or null under float32. */
        int[] drive;
        /** R_i I in LSB_v per neuron, as the bias input's fixed kernel quantizes it. */
        int[] driveLsb;
        int[] spikes;
        long spikeCount;
        long steps;

        @Setup(Level.Trial)
        public void setUp() {
            LifPopulation population = LifFixture.population(n, LifFixture.kernel(kernel), false);
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
                for (int i = 0; i < n; i++) driveLsb[i] = (int) Math.round(LifFixture.CURRENT * fixed.fixedState().lsbPerAmpere(i));
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[firing] n=%d precision=%s kernel=%s: %.5f spikes per neuron-step over %d steps%n",
                    n, precision, kernel, steps == 0 ? 0.0 : (double) spikeCount / ((double) steps * n), steps);
        }
    }

    @Benchmark
    public int biasInputThenKernel(Population p) {
        if (p.drive == null) {
            Accumulate.add(p.state.current, null, p.n, (float) LifFixture.CURRENT);
        } else {
            Accumulate.add(p.drive, null, p.driveLsb, p.n);
        }
        int count = p.lifKernel.step(p.state, p.spikes);
        p.spikeCount += count;
        p.steps++;
        return count;
    }
}
