package org.spikelane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.ParameterException;

/** The scheduler: hooks, listeners, generators, parameter changes, allocation. */
class SimulationTest {

    @Test
    void hooksRunBeforeTheStepsAtMultiplesOfTheirInterval() {
        List<Long> calls = new ArrayList<>();
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 2, Map.of());
        net.every(0.010, sim -> calls.add(sim.stepCount()));
        net.build().runSteps(1000);
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L), calls);
    }

    @Test
    void hookCanChangeAnInputAndAParameterBetweenSteps() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 2, Map.of());
        int input = net.addInput("constant", "lif", Map.of("amplitude", "0 nA"), new int[] {1});
        // at 50 ms switch neuron 1's drive on; at 100 ms raise neuron 1's threshold out of reach
        net.every(0.050, sim -> {
            // the typed shortcut for the input; the registry's generic path for the population
            if (sim.stepCount() == 500) sim.input(input).set("amplitude", 1, 5e-9);
            if (sim.stepCount() == 1000) sim.set("population 'lif'", "v_threshold", 1, 0.0);
        });
        net.recordSpikes("lif");
        Simulation sim = net.build();
        assertEquals(List.of("population 'lif'", "input 'constant' #1"), sim.stateRegistry().settableOwners());
        assertEquals(List.of("amplitude"), sim.stateRegistry().settableNames("input 'constant' #1"));
        sim.run(0.2);
        long[] steps = sim.spikes().steps("lif", 1);
        assertTrue(steps.length > 3);
        assertTrue(steps[0] >= 500 && steps[steps.length - 1] < 1000, "spikes only while driven and below threshold");
        assertEquals(0, sim.spikes().steps("lif", 0).length);
    }

    @Test
    void listenerSeesExactlyWhatTheRecorderRecords() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 50, Map.of("tau_m", java.util.stream.IntStream.range(0, 50).mapToObj(i -> (5 + i) + " ms").toList()));
        net.addInput("constant", "lif", Map.of("amplitude", "4 nA"));
        net.recordSpikes("lif");
        Simulation sim = net.build();
        List<long[]> seen = new ArrayList<>();
        sim.addSpikeListener((step, pop, neurons, count) -> {
            for (int k = 0; k < count; k++) seen.add(new long[] {step, neurons[k]});
        });
        sim.run(0.1);
        assertEquals(sim.spikes().count(), seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertArrayEquals(new long[] {sim.spikes().step(k), sim.spikes().neuron(k)}, seen.get(k));
        }
    }

    @Test
    void spikeGeneratorEmitsAtRoundedStepsAndRepeats() {
        Network net = new Network(1e-4);
        net.addSpikeGenerator("src", 3, new double[] {0.00204, 0.0005, 0.0005}, new int[] {2, 0, 1}, 0.003);
        net.recordSpikes("src");
        Simulation sim = net.build();
        sim.runSteps(70);
        // 0.5 ms -> step 5 (neurons 0, 1), 2.04 ms -> step 20 (neuron 2); period 30 steps
        long[][] expected = {{5, 0}, {5, 1}, {20, 2}, {35, 0}, {35, 1}, {50, 2}, {65, 0}, {65, 1}};
        assertEquals(expected.length, sim.spikes().count());
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], new long[] {sim.spikes().step(k), sim.spikes().neuron(k)});
        }
    }

    @Test
    void twoSpikesOfOneNeuronInOneStepAreAnError() {
        Network net = new Network(1e-4);
        ParameterException e = assertThrows(ParameterException.class, () ->
                net.addSpikeGenerator("src", 2, new double[] {0.00100, 0.00104}, new int[] {1, 1}, 0));
        assertTrue(e.getMessage().startsWith("population 'src' parameter 'spikes': neuron 1 has two spikes in step 10"), e.getMessage());
    }

    @Test
    void badNetworkInputGivesOneLineErrors() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 3, Map.of());
        assertEquals("population 'x' parameter 'tau_m': must be > 0 s, got -5 ms",
                assertThrows(ParameterException.class, () -> net.addLif("x", 2, Map.of("tau_m", "-5 ms"))).getMessage());
        assertEquals("input 'constant' parameter 'target': unknown population 'lfi' (did you mean 'lif'?); populations: lif",
                assertThrows(ParameterException.class, () -> net.addInput("constant", "lfi", Map.of("amplitude", "1 nA"))).getMessage());
        assertEquals("input 'constant' parameter 'neurons': index 3 is out of range [0, 2]",
                assertThrows(ParameterException.class, () -> net.addInput("constant", "lif", Map.of("amplitude", "1 nA"), new int[] {0, 3})).getMessage());
        assertEquals("unknown input plugin 'constnt' (did you mean 'constant'?); known: constant",
                assertThrows(IllegalArgumentException.class, () -> net.addInput("constnt", "lif", Map.of())).getMessage());
        assertEquals("population 'y' parameter 'C': give R or C, not both (R = tau_m / C)",
                assertThrows(ParameterException.class, () -> net.addLif("y", 1, Map.of("R", "10 Mohm", "C", "200 pF"))).getMessage());
        assertThrows(ParameterException.class, () -> new Network(0));
    }

    @Test
    void capacitanceGivesResistanceTauOverC() {
        Network net = new Network(1e-4);
        net.addLif("lif", 2, Map.of("C", "200 pF", "tau_m", List.of("10 ms", "20 ms")));
        Simulation sim = net.build();
        assertEquals(50e6, sim.lif("lif").state().resistance(0), 1e-3);
        assertEquals(100e6, sim.lif("lif").state().resistance(1), 1e-3);
    }

    @Test
    void stepsAllocateNothingOnceWarm() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 10_000, Map.of("v_init", Map.of("uniform", Map.of("low", "-70 mV", "high", "-50 mV"))));
        net.addInput("constant", "lif", Map.of("amplitude", "2.5 nA"));
        net.recordSpikes("lif");
        net.recordState("lif", List.of("v", "I"), new int[] {0, 1, 2}, 10);
        Simulation sim = net.build();
        sim.addSpikeListener((step, pop, neurons, count) -> { });
        sim.runSteps(20_000); // warm up, and let the recorders grow to their size
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = Long.MAX_VALUE;
        // the least of a few rounds: a slow machine may still be compiling during the first
        for (int round = 0; round < 10 && allocated > 64 * 1024; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            sim.runSteps(2_000);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(allocated < 64 * 1024 + 32L * sim.spikes().count() / 10, "allocated " + allocated + " bytes");
    }
}
