package org.spikelane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spikelane.inputs.FixedInputAddBenchmark;

/**
 * The pairs of bench/issue11-cost.sh measured in thread CPU time instead of JMH's wall clock, for
 * a machine too loaded for wall-clock figures: one JVM, one thread, the same state classes and
 * benchmark methods as the JMH classes, the two sides of each pair run alternately in rounds of
 * about 100 ms of CPU each (2 warm-up rounds, then {@code ROUNDS} measured), median ns per
 * operation of each side and the ratio of the medians. Descheduled time is not counted, but
 * other processes still share the caches: a check, the JMH run on a quiet machine is the figure.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -Dspikelane.threads.adaptive=false
 * -cp bench/target/benchmarks.jar org.spikelane.bench.SafetyCostProbe}
 */
public final class SafetyCostProbe {
    private static final int WARMUP = 2;
    private static final int ROUNDS = 7;
    private static final long ROUND_NS = 100_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static long sink;

    private SafetyCostProbe() {}

    /** Operations of one side, returning something to keep. */
    interface Op {
        long run();
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "# %s, %s; load %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors() + " processors", load());
        for (String path : List.of("vector", "scalar")) {
            FixedInputAddBenchmark bench = new FixedInputAddBenchmark();
            FixedInputAddBenchmark.Step s = new FixedInputAddBenchmark.Step();
            s.n = 4000;
            s.inputs = 4;
            s.path = path;
            s.setUp();
            pair("input add 4000 x 4, " + path + ": saturating vs wrapping", () -> bench.saturating(s)[0], () -> bench.wrapping(s)[0]);
            s.check();
        }
        FixedInputStepBenchmark step = new FixedInputStepBenchmark();
        FixedInputStepBenchmark.Run none = stepRun(0);
        FixedInputStepBenchmark.Run four = stepRun(4);
        pair("fixed LIF step 4000: 4 bias inputs vs none", () -> {
            step.step(four);
            return 0;
        }, () -> {
            step.step(none);
            return 0;
        });
        HookTryCatchBenchmark hooks = new HookTryCatchBenchmark();
        for (int count : new int[] {1, 8}) {
            HookTryCatchBenchmark.Hooks h = new HookTryCatchBenchmark.Hooks();
            h.hooks = count;
            h.setUp();
            pair("hook loop, " + count + " hook(s): try/catch vs bare", () -> hooks.guarded(h) == null ? 0 : 1, () -> hooks.bare(h));
        }
        HookStepBenchmark observed = new HookStepBenchmark();
        HookStepBenchmark.Run bare = observerRun("none");
        for (String observer : List.of("hook", "listener")) {
            HookStepBenchmark.Run with = observerRun(observer);
            pair("float32 step 4000: " + observer + " vs none", () -> {
                observed.step(with);
                return 0;
            }, () -> {
                observed.step(bare);
                return 0;
            });
        }
        System.out.printf(Locale.ROOT, "# load after: %s (sink %d)%n", load(), sink);
    }

    private static FixedInputStepBenchmark.Run stepRun(int inputs) {
        FixedInputStepBenchmark.Run r = new FixedInputStepBenchmark.Run();
        r.n = 4000;
        r.inputs = inputs;
        r.setUp();
        return r;
    }

    private static HookStepBenchmark.Run observerRun(String observer) {
        HookStepBenchmark.Run r = new HookStepBenchmark.Run();
        r.n = 4000;
        r.observer = observer;
        r.setUp();
        return r;
    }

    /** Runs {@code a} and {@code b} alternately; prints the medians and their ratio. */
    private static void pair(String label, Op a, Op b) {
        List<Double> as = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            double ta = nsPerOp(a);
            double tb = nsPerOp(b);
            if (round >= WARMUP) {
                as.add(ta);
                bs.add(tb);
            }
        }
        double ma = median(as);
        double mb = median(bs);
        System.out.printf(Locale.ROOT, "%s: %.1f vs %.1f ns/op (ranges %.1f-%.1f, %.1f-%.1f), ratio %.3f%n", label, ma, mb,
                min(as), max(as), min(bs), max(bs), ma / mb);
    }

    /** Thread CPU ns per operation over about ROUND_NS of CPU. */
    private static double nsPerOp(Op op) {
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long batch = 64;
        long elapsed;
        do {
            for (long i = 0; i < batch; i++) sink += op.run();
            ops += batch;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < ROUND_NS);
        return (double) elapsed / ops;
    }

    private static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }

    private static double max(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
