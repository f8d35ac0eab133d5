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
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.Accumulate;

/**
 * One LIF step (integrate, threshold, reset, refractory hold) of N neurons with the vector kernel
 * and with its scalar reference, on identical populations. The score is ns per step; divide by
 * N for ns per neuron-step (jmh-results/README.md does).
 *
 * <p>{@code kernelOnly} times {@link LifKernel#step} alone (the drive folded into {@code E_L});
 * {@code biasInputThenKernel} adds the constant current to the accumulator first, as a
 * {@code bias} input does in the input phase of every step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class LifStepBenchmark {

    /** Population state shared by the iterations of one trial (one fork, one parameter set). */
    @State(Scope.Thread)
    public static class Population {
        @Param({"1000", "64000", "1000000", "10000000"})
        public int n;

        @Param({"vector", "scalar"})
        public String kernel;

        /** "heterogeneous": per-neuron tau_m, R, E_L; "shared": one value each (see LifFixture). */
        @Param({"heterogeneous", "shared"})
        public String parameters;

        LifKernel lifKernel;
        LifState state;
        int[] spikes;
        long spikeCount;
        long steps;

        void build(boolean foldCurrent) {
            lifKernel = LifFixture.kernel(kernel);
            LifPopulation population = LifFixture.population(n, lifKernel, foldCurrent, parameters.equals("shared"));
            state = population.state();
            spikes = population.spikes();
        }

        @TearDown(Level.Trial)
        public void report() {
            // printed into the JMH log so the firing regime of each run can be checked
            System.out.printf("%n[firing] n=%d kernel=%s: %.5f spikes per neuron-step over %d steps%n",
                    n, kernel, steps == 0 ? 0.0 : (double) spikeCount / ((double) steps * n), steps);
        }
    }

    /** The constant current folded into the resting potential; only the kernel is timed. */
    public static class FoldedDrive extends Population {
        @Setup(Level.Trial)
        public void setUp() { build(true); }
    }

    /** Plain resting potential; the benchmark adds the current every step. */
    public static class BiasDrive extends Population {
        @Setup(Level.Trial)
        public void setUp() { build(false); }
    }

    @Benchmark
    public int kernelOnly(FoldedDrive p) {
        int count = p.lifKernel.step(p.state, p.spikes);
        p.spikeCount += count;
        p.steps++;
        return count;
    }

    @Benchmark
    public int biasInputThenKernel(BiasDrive p) {
        Accumulate.add(p.state.current, null, p.n, (float) LifFixture.CURRENT);
        int count = p.lifKernel.step(p.state, p.spikes);
        p.spikeCount += count;
        p.steps++;
        return count;
    }
}
