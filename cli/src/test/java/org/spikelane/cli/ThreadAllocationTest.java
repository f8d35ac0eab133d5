package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.spi.PluginRegistry;

/**
 * A threaded step allocates nothing once compiled, on the calling thread or on any worker: a
 * recurrent network with an input, current and conductance synapses and a delay, split over two
 * workers, counted by the JVM's per-thread allocation counters over 1000 warm steps.
 */
class ThreadAllocationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "fixed"})
    void warmThreadedStepsAllocateNothing(String precision) {
        Network net = new Network(1e-4).plugins(PluginRegistry.discover()).precision(Precision.parse(precision)).threads(2);
        net.addLif("P", 3001, Map.of("tau_m", "20 ms", "E_L", "-65 mV", "v_threshold", "-50 mV", "v_reset", "-65 mV",
                "refractory", "2 ms", "v_init", Map.of("uniform", Map.of("low", "-65 mV", "high", "-50 mV"))));
        net.addInput("bias", "P", Map.of("amplitude", "1.6 nA"));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), "0.5 mV", "1 ms", Map.of("rule", "probability", "p", 0.02));
        net.connect("P", "P", "exp_conductance", Map.of("tau_syn", "10 ms", "E_rev", "-80 mV"), "1 nS", "0 ms",
                Map.of("rule", "probability", "p", 0.01));
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Simulation sim = net.build()) {
            assertEquals(2, sim.activeThreads());
            long allocated = -1;
            for (int round = 0; round < 30 && allocated != 0; round++) {
                sim.runSteps(100); // starts the worker if it ended while idle, outside the counted steps
                long[] workers = workerThreads();
                long before = allocatedBytes(mx, workers);
                sim.runSteps(1000);
                allocated = allocatedBytes(mx, workers) - before;
            }
            assertEquals(0, allocated, "bytes allocated by 1000 warm steps on the caller and the workers");
        }
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
