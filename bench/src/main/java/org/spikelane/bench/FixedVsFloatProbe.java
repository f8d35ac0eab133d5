package org.spikelane.bench;

import java.util.List;
import java.util.Locale;

/**
 * Issue 10's "fixed point no slower than float32" in thread CPU time ({@link CpuTimePairs}),
 * fixed against float32 alternately in one JVM: the LIF step of {@link LifStepBenchmark} (vector
 * kernel, 0.1 % firing) at 1k, 64k and 1M neurons; delivery as {@link DeliveryBenchmark} times it
 * (4000 targets in cache, 1M out of cache); CUBA and COBA at 4000 neurons on one thread as
 * {@link NetworkBenchmark} runs them. Prints one line per pair: fixed, float32, fixed / float32.
 * Part {@code phases} (not in the default) splits CUBA at 4000 and 40000 neurons into synapse
 * updates, neuron updates and delivery, to show where fixed spends its extra time.
 *
 * <p>Run from the repository root (the networks read {@code examples/}):
 * {@code java --add-modules jdk.incubator.vector -Xmx5g -XX:+UseParallelGC -cp bench/target/benchmarks.jar
 * org.spikelane.bench.FixedVsFloatProbe [lif] [delivery] [network] [phases]} (no argument: all three, about
 * 2 minutes).
 */
public final class FixedVsFloatProbe {
    private FixedVsFloatProbe() {}

    public static void main(String[] args) {
        List<String> parts = args.length == 0 ? List.of("lif", "delivery", "network") : List.of(args);
        System.out.printf(Locale.ROOT, "# %s, %d processors; load %s; pairs: fixed vs float32%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), CpuTimePairs.load());
        if (parts.contains("lif")) {
            for (int n : new int[] {1000, 64_000, 1_000_000}) lif(n);
        }
        if (parts.contains("delivery")) {
            for (int n : new int[] {4000, 1_000_000}) delivery(n);
        }
        if (parts.contains("network")) {
            for (String network : List.of("cuba", "coba")) network(network, 4000);
        }
        if (parts.contains("phases")) {
            for (int n : new int[] {4000, 40_000}) {
                for (String precision : List.of("fixed", "float32")) phases("cuba", n, precision);
            }
        }
        System.out.printf(Locale.ROOT, "# load after: %s (sink %d)%n", CpuTimePairs.load(), CpuTimePairs.sink);
    }

    private static void lif(int n) {
        double amperes = LifFixture.current("0.1%");
        for (String precision : List.of("float32", "fixed")) {
            LifStepper warm = new LifStepper(LifStepBenchmark.PREWARM_SIZE, precision, "vector", amperes);
            for (int k = 0; k < LifStepBenchmark.PREWARM_STEPS; k++) warm.step();
        }
        LifStepper fixed = new LifStepper(n, "fixed", "vector", amperes);
        LifStepper float32 = new LifStepper(n, "float32", "vector", amperes);
        CpuTimePairs.pair("LIF step n=" + n, fixed::step, float32::step, n, "neuron-step");
    }

    private static void delivery(int n) {
        DeliveryBenchmark bench = new DeliveryBenchmark();
        DeliveryBenchmark.Delivery fixed = delivery(n, "fixed");
        DeliveryBenchmark.Delivery float32 = delivery(n, "float32");
        DeliveryBenchmark.Events fixedEvents = new DeliveryBenchmark.Events();
        DeliveryBenchmark.Events floatEvents = new DeliveryBenchmark.Events();
        // ns per step over the mean events per step: ns per synaptic event
        CpuTimePairs.pair("delivery n=" + n, () -> {
            bench.deliver(fixed, fixedEvents);
            return 0;
        }, () -> {
            bench.deliver(float32, floatEvents);
            return 0;
        }, meanEvents(fixed), "event");
    }

    private static DeliveryBenchmark.Delivery delivery(int n, String precision) {
        DeliveryBenchmark.Delivery d = new DeliveryBenchmark.Delivery();
        d.n = n;
        d.precision = precision;
        d.setUp();
        return d;
    }

    private static double meanEvents(DeliveryBenchmark.Delivery d) {
        long total = 0;
        for (long e : d.eventsAtPhase) total += e;
        return (double) total / d.eventsAtPhase.length;
    }

    /**
     * Thread CPU ns per step of each phase group of a settled one-thread network, driven as
     * {@code Simulation} drives it (synapse updates, neuron updates, delivery); the clock is read
     * around each group, about 0.3 us per read on this machine kind, included in each figure.
     */
    private static void phases(String network, int n, String precision) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        SettledRun run = new SettledRun(ExampleNetworks.simulation(network, n, precision, 1, 1), network);
        org.spikelane.net.Projection[] projections = run.sim.projections().toArray(org.spikelane.net.Projection[]::new);
        org.spikelane.neuron.Population[] populations = run.sim.populations().toArray(org.spikelane.neuron.Population[]::new);
        long step = run.sim.stepCount();
        int steps = 400;
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < CpuTimePairs.WARMUP + CpuTimePairs.ROUNDS; round++) {
            long synapses = 0, neurons = 0, delivery = 0;
            for (int k = 0; k < steps; k++, step++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (org.spikelane.net.Projection p : projections) p.update(step, 0, p.target().padded());
                long t1 = threads.getCurrentThreadCpuTime();
                for (org.spikelane.neuron.Population p : populations) {
                    p.beginStep(step);
                    p.update(step, 0, p.padded());
                    p.finishStep();
                }
                long t2 = threads.getCurrentThreadCpuTime();
                for (org.spikelane.net.Projection p : projections) {
                    p.pushSpikes(step);
                    p.deliver(step, 0, p.target().padded());
                }
                long t3 = threads.getCurrentThreadCpuTime();
                synapses += t1 - t0;
                neurons += t2 - t1;
                delivery += t3 - t2;
            }
            if (round >= CpuTimePairs.WARMUP) {
                best[0] = Math.min(best[0], (double) synapses / steps);
                best[1] = Math.min(best[1], (double) neurons / steps);
                best[2] = Math.min(best[2], (double) delivery / steps);
            }
        }
        System.out.printf(Locale.ROOT, "%s n=%d %s, least of %d rounds: synapse updates %.0f, neuron updates %.0f, delivery %.0f ns/step%n",
                network, n, precision, CpuTimePairs.ROUNDS, best[0], best[1], best[2]);
    }

    private static void network(String network, int n) {
        SettledRun fixed = new SettledRun(ExampleNetworks.simulation(network, n, "fixed", 1, 1), network);
        SettledRun float32 = new SettledRun(ExampleNetworks.simulation(network, n, "float32", 1, 1), network);
        int steps = 100;
        CpuTimePairs.pair(network + " n=" + n + " (1 thread)", () -> {
            fixed.sim.runSteps(steps);
            return fixed.sim.stepCount();
        }, () -> {
            float32.sim.runSteps(steps);
            return float32.sim.stepCount();
        }, steps, "step");
        System.out.printf(Locale.ROOT, "  rates: fixed %.2f Hz, float32 %.2f Hz%n", fixed.meanRate(n), float32.meanRate(n));
    }
}
