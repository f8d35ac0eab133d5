package org.spikelane.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
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
import org.openjdk.jmh.annotations.Warmup;
import org.spikelane.simd.Simd;

/**
 * The floor under {@link LifStepBenchmark}: a loop with the float32 LIF kernel's memory footprint
 * (per neuron 9 float loads and 4 float stores, the arrays of {@code LifState} it touches with
 * heterogeneous parameters) and no work beyond one add chain. No kernel with this state layout can
 * be faster than this on the same machine; the gap between the two is what arithmetic, masks and
 * spike extraction cost. One op is one pass over N neurons, in ns (divide by N).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class MemoryFloorBenchmark {
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    @State(Scope.Thread)
    public static class Streams {
        @Param({"1000", "64000", "1000000", "10000000"})
        public int n;

        float[] in0, in1, in2, in3, in4, in5, in6, in7, in8, out0, out1, out2, out3;

        @Setup(Level.Trial)
        public void setUp() {
            int padded = Simd.padded(n);
            in0 = new float[padded]; in1 = new float[padded]; in2 = new float[padded]; in3 = new float[padded];
            in4 = new float[padded]; in5 = new float[padded]; in6 = new float[padded]; in7 = new float[padded];
            in8 = new float[padded];
            out0 = new float[padded]; out1 = new float[padded]; out2 = new float[padded]; out3 = new float[padded];
        }
    }

    @Benchmark
    public void nineLoadsFourStores(Streams s) {
        for (int i = 0; i < s.in0.length; i += F.length()) {
            FloatVector sum = FloatVector.fromArray(F, s.in0, i).add(FloatVector.fromArray(F, s.in1, i))
                    .add(FloatVector.fromArray(F, s.in2, i)).add(FloatVector.fromArray(F, s.in3, i))
                    .add(FloatVector.fromArray(F, s.in4, i)).add(FloatVector.fromArray(F, s.in5, i))
                    .add(FloatVector.fromArray(F, s.in6, i)).add(FloatVector.fromArray(F, s.in7, i))
                    .add(FloatVector.fromArray(F, s.in8, i));
            sum.intoArray(s.out0, i);
            sum.intoArray(s.out1, i);
            sum.intoArray(s.out2, i);
            sum.intoArray(s.out3, i);
        }
    }
}
