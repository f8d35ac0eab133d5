package org.spikelane.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
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
import org.openjdk.jmh.annotations.Warmup;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.VectorLifKernel;
import org.spikelane.simd.Simd;

/**
 * The memory traffic of {@link LifStepBenchmark}'s float32 step and nothing else: one pass over
 * the nine arrays of a heterogeneous {@link LifFixture} population that {@link VectorLifKernel}
 * reads ({@code current}, {@code resistance}, {@code restingPotential}, {@code decay}, {@code v},
 * {@code dv}, {@code refractoryLeft}, {@code threshold}, {@code resetPotential}) and the four it
 * writes ({@code v}, {@code current}, {@code dv}, {@code refractoryLeft}) — the same bytes, not
 * look-alike arrays. Each store takes one add of its own loads, so every lane group is
 * independent and no chain of adds links the loads: what is left is the cost of moving the bytes,
 * which bounds the kernel from below at every N (it does at least this and more arithmetic).
 * The values it leaves are meaningless; the population is never stepped.
 *
 * <p>Replaces the old {@code MemoryFloorBenchmark}, whose nine loads fed one add chain into four
 * stores of look-alike arrays, and which came out slower than the kernel it was meant to bound.
 * {@code bench/peers/lif_step.c} runs the same yardstick in C ({@code streams}).
 *
 * <p>Score: ns per pass (average time, ns/op); ns per neuron = score / {@code n}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class StreamYardstickBenchmark {
    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;

    @State(Scope.Thread)
    public static class Streams {
        @Param({"1000", "64000", "1000000", "10000000"})
        public int n;

        LifState state;

        @Setup(Level.Trial)
        public void setUp() {
            state = LifFixture.population(n, new VectorLifKernel()).state();
            if (state.sharedParameterMask != -1) throw new IllegalStateException("the fixture must be heterogeneous");
        }
    }

    @Benchmark
    public void nineLoadsFourStores(Streams streams) {
        LifState s = streams.state;
        float[] current = s.current, resistance = s.resistance, rest = s.restingPotential, decay = s.decay;
        float[] v = s.v, dv = s.dv, threshold = s.threshold, reset = s.resetPotential;
        int[] left = s.refractoryLeft;
        for (int i = 0; i < s.padded; i += F.length()) {
            FloatVector newCurrent = FloatVector.fromArray(F, current, i).add(FloatVector.fromArray(F, resistance, i));
            FloatVector newDv = FloatVector.fromArray(F, dv, i)
                    .add(FloatVector.fromArray(F, rest, i).add(FloatVector.fromArray(F, decay, i)));
            FloatVector newV = FloatVector.fromArray(F, v, i)
                    .add(FloatVector.fromArray(F, threshold, i).add(FloatVector.fromArray(F, reset, i)));
            IntVector newLeft = IntVector.fromArray(I, left, i).add(1);
            newCurrent.intoArray(current, i);
            newDv.intoArray(dv, i);
            newV.intoArray(v, i);
            newLeft.intoArray(left, i);
        }
    }
}
