package org.spikelane.bench;

import java.util.List;
import java.util.Locale;
import org.spikelane.inputs.FixedInputAddBenchmark;

/**
 * The pairs of bench/issue11-cost.sh measured in thread CPU time instead of JMH's wall clock, for
 * a machine too loaded for wall-clock figures: one JVM, one thread, the same state classes and
 * benchmark methods as the JMH classes, each pair timed by {@link CpuTimePairs}.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -Dspikelane.threads.adaptive=false
 * -cp bench/target/benchmarks.jar org.spikelane.bench.SafetyCostProbe}
 */
public final class SafetyCostProbe {

    private SafetyCostProbe() {}

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
        System.out.printf(Locale.ROOT, "# load after: %s (sink %d)%n", load(), CpuTimePairs.sink);
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

    private static void pair(String label, CpuTimePairs.Op a, CpuTimePairs.Op b) { CpuTimePairs.pair(label, a, b); }

    private static String load() { return CpuTimePairs.load(); }
}
