package org.spikelane.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

/**
 * What the try/catch around each hook costs when nothing throws: the hook phase's loop as
 * {@code Simulation.runHooks} writes it (due hooks called in order, each in a try/catch that
 * holds the first exception and suppresses the later ones) against the same loop with bare
 * calls, for {@code hooks} hooks due every step. The hooks are two lambda classes (as a user's
 * would be) that bump a counter, so the call is not inlined into nothing. Score: ns per step's
 * hook phase. The listener loop in {@code publishSpikes} has the same shape.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class HookTryCatchBenchmark {
    @State(Scope.Thread)
    public static class Hooks {
        @Param({"1", "8"})
        public int hooks;

        long[] intervals;
        Consumer<long[]>[] actions;
        final long[] counter = new long[1];
        long step;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp() {
            intervals = new long[hooks];
            actions = new Consumer[hooks];
            for (int h = 0; h < hooks; h++) {
                intervals[h] = 1;
                actions[h] = h % 2 == 0 ? c -> c[0]++ : c -> c[0] += 2;
            }
        }
    }

    @Benchmark
    public RuntimeException guarded(Hooks s) {
        long n = s.step++;
        RuntimeException thrown = null;
        for (int h = 0; h < s.intervals.length; h++) {
            if (n % s.intervals[h] != 0) continue;
            try {
                s.actions[h].accept(s.counter);
            } catch (RuntimeException e) {
                thrown = held(thrown, e);
            }
        }
        return thrown;
    }

    @Benchmark
    public long bare(Hooks s) {
        long n = s.step++;
        for (int h = 0; h < s.intervals.length; h++) {
            if (n % s.intervals[h] != 0) continue;
            s.actions[h].accept(s.counter);
        }
        return s.counter[0];
    }

    /** As Simulation.held: the first exception of a step, the later ones suppressed in it. */
    private static RuntimeException held(RuntimeException first, RuntimeException next) {
        if (first == null) return next;
        if (first != next) first.addSuppressed(next);
        return first;
    }
}
