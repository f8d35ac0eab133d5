package org.spikelane.inputs;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;
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
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.LifParameters;

/**
 * What issue 11's saturating, counting fixed-point input addition costs against the plain
 * wrapping {@code +=} it replaced, on the same data: {@code inputs} whole-population inputs adding
 * their quantized currents ({@code R I} in LSB_v) into one population's int drive of {@code n}
 * neurons, as one step's input phase does under {@code precision: fixed}.
 *
 * <ul>
 *   <li>{@code saturating}: {@link FixedDrive#add}, the method the bias, step, sine and ramp
 *       kernels run (this class sits in its package to call it).
 *   <li>{@code wrapping}: the loop it replaced (commit 2dc1359), written out here as it was:
 *       {@code drive[i] += values[i]}, lane-wise or scalar.
 * </ul>
 *
 * <p>{@code path}: {@code vector} (the default) or {@code scalar} (the reference path,
 * {@code -Dspikelane.vector=false}). The values lie within {@code +-limit / inputs}, so no
 * addition clips: the common case, where saturation is pure overhead. One invocation clears the
 * drive (the LIF kernel does that each step) and adds every input once. Score: ns per step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class FixedInputAddBenchmark {
    private static final VectorSpecies<Integer> I = Simd.INT;
    /** A contribution limit of the size the fixed format gives (at most 2^29). */
    static final int LIMIT = 1 << 28;

    @State(Scope.Thread)
    public static class Step {
        @Param({"4000"})
        public int n;

        @Param({"4"})
        public int inputs;

        @Param({"vector", "scalar"})
        public String path;

        boolean vector;
        int[] drive;
        int[][] values;
        Targets targets;
        CountingTarget target;

        @Setup(Level.Trial)
        public void setUp() {
            vector = path.equals("vector");
            int padded = (n + I.length() - 1) / I.length() * I.length();
            drive = new int[padded];
            values = new int[inputs][padded];
            SplittableRandom random = new SplittableRandom(11);
            int bound = LIMIT / inputs;
            for (int[] v : values) for (int i = 0; i < n; i++) v[i] = random.nextInt(-bound, bound);
            targets = new Targets(new WholePopulation(n));
            target = new CountingTarget(drive);
        }

        @TearDown(Level.Trial)
        public void check() {
            // the premise of the comparison: nothing clipped, so both variants computed the same sums
            if (target.clipped != 0) throw new IllegalStateException(target.clipped + " additions clipped");
        }
    }

    @Benchmark
    public int[] saturating(Step s) {
        int[] drive = s.drive;
        Arrays.fill(drive, 0);
        for (int[] v : s.values) FixedDrive.add(s.target, drive, 0, drive.length, s.targets, v, s.vector);
        return drive;
    }

    @Benchmark
    public int[] wrapping(Step s) {
        int[] drive = s.drive;
        Arrays.fill(drive, 0);
        for (int[] v : s.values) {
            if (s.vector) {
                for (int i = 0; i < drive.length; i += I.length()) {
                    IntVector.fromArray(I, drive, i).add(IntVector.fromArray(I, v, i)).intoArray(drive, i);
                }
            } else {
                for (int i = 0; i < drive.length; i++) drive[i] += v[i];
            }
        }
        return drive;
    }

    /** The two methods of {@link FixedTarget} that {@link FixedDrive#add} calls; the others are not used here. */
    static final class CountingTarget implements FixedTarget {
        private final int[] drive;
        long clipped;

        CountingTarget(int[] drive) { this.drive = drive; }

        @Override public int contributionLimit() { return LIMIT; }
        @Override public void countClipped(boolean jump, long count) { clipped += count; }
        @Override public int[] drive() { return drive; }
        @Override public LifParameters parameters() { throw new UnsupportedOperationException(); }
        @Override public double voltLsb() { throw new UnsupportedOperationException(); }
        @Override public double voltage(int neuron) { throw new UnsupportedOperationException(); }
        @Override public double lsbPerAmpere(int neuron) { throw new UnsupportedOperationException(); }
        @Override public int[] jump() { throw new UnsupportedOperationException(); }
        @Override public int decayBits() { throw new UnsupportedOperationException(); }
        @Override public boolean vector() { return true; }
    }

    /** An input on every neuron of a population of {@code n}: what {@link Targets} needs of a context. */
    record WholePopulation(int n) implements org.spikelane.spi.InputContext {
        @Override public double dt() { return 1e-4; }
        @Override public long toSteps(double seconds) { return Math.round(seconds / dt()); }
        @Override public int populationSize() { return n; }
        @Override public int[] neurons() {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        @Override public boolean allNeurons() { return true; }
        @Override public org.spikelane.random.RandomStream randomStream() { throw new UnsupportedOperationException(); }
        @Override public org.spikelane.random.RandomStream randomStream(String name) { throw new UnsupportedOperationException(); }
        @Override public org.spikelane.spi.SpikeSource spikesOf(String population, String parameter) { throw new UnsupportedOperationException(); }
        @Override public String owner() { return "benchmark"; }
    }
}
