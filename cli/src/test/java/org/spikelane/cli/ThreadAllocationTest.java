package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.schedule.RedealByEvents;
import org.spikelane.spi.PluginRegistry;

/**
 * A threaded step allocates nothing once compiled, on the calling thread or on any worker: a
 * recurrent network with an input, current and conductance synapses and a delay, split over two
 * workers (lane slices of one population, or two populations whole and dealt again while running),
 * counted by the JVM's per-thread allocation counters over warm steps.
 */
class ThreadAllocationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "fixed"})
    void warmThreadedStepsAllocateNothing(String precision) {
        Network net = new Network(1e-4).plugins(PluginRegistry.discover()).precision(Precision.parse(precision)).threads(2);
        addRecurrent(net, "P");
        try (Simulation sim = net.build()) {
            assertEquals(2, sim.activeThreads());
            assertEquals(0, warmAllocation(sim, 1000), "bytes allocated by 1000 warm steps on the caller and the workers");
        }
    }

    /**
     * Two populations that balance go to the workers whole, and are dealt again by counted spikes
     * every {@link RedealByEvents#WINDOW} steps: the counted steps span a window's end, so the
     * re-deal is among what allocates nothing.
     */
    @Test
    void reDealingWholePopulationsAllocatesNothing() {
        Network net = new Network(1e-4).plugins(PluginRegistry.discover()).threads(2);
        addRecurrent(net, "P");
        addRecurrent(net, "Q");
        try (Simulation sim = net.build()) {
            assertTrue(sim.wholePopulationsPerWorker());
            assertEquals(0, warmAllocation(sim, RedealByEvents.WINDOW + 100), "bytes allocated by warm steps across a re-deal");
        }
    }

    /** A recurrent LIF population with a bias input, current and conductance synapses and a delay. */
    private static void addRecurrent(Network net, String name) {
        net.addLif(name, 3001, Map.of("tau_m", "20 ms", "E_L", "-65 mV", "v_threshold", "-50 mV", "v_reset", "-65 mV",
                "refractory", "2 ms", "v_init", Map.of("uniform", Map.of("low", "-65 mV", "high", "-50 mV"))));
        net.addInput("bias", name, Map.of("amplitude", "1.6 nA"));
        net.connect(name, name, "exp_current", Map.of("tau_syn", "5 ms"), "0.5 mV", "1 ms", Map.of("rule", "probability", "p", 0.02));
        net.connect(name, name, "exp_conductance", Map.of("tau_syn", "10 ms", "E_rev", "-80 mV"), "1 nS", "0 ms",
                Map.of("rule", "probability", "p", 0.01));
    }

    /** Bytes the caller and the workers allocate over {@code steps} warm steps; rounds until one allocates nothing (JIT warm-up). */
    private static long warmAllocation(Simulation sim, int steps) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = -1;
        for (int round = 0; round < 30 && allocated != 0; round++) {
            sim.runSteps(100); // starts the worker if it ended while idle, outside the counted steps
            long[] workers = workerThreads();
            long before = allocatedBytes(mx, workers);
            sim.runSteps(steps);
            allocated = allocatedBytes(mx, workers) - before;
        }
        return allocated;
    }

    /** Every live worker thread of a simulation. */
    private static long[] workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("spikelane-worker-"))
                .mapToLong(Thread::threadId).toArray();
    }

    /** The caller's and the workers' counters, read one by one: the array-returning form allocates its result here. */
    private static long allocatedBytes(com.sun.management.ThreadMXBean mx, long[] workers) {
        long sum = mx.getCurrentThreadAllocatedBytes();
        for (long id : workers) sum += mx.getThreadAllocatedBytes(id);
        return sum;
    }
}
