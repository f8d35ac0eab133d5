package org.spikelane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.spi.ParameterException;

/**
 * What a caller of the Java API can get wrong: two threads, hooks and listeners that throw, values
 * no state can hold, null and out-of-range arguments, reading state in every format.
 */
class SimulationSafetyTest {

    private static Network driven() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 8, Map.of("tau_m", java.util.stream.IntStream.range(0, 8).mapToObj(i -> (6 + i) + " ms").toList()));
        net.addInput("constant", "lif", Map.of("amplitude", "3 nA"));
        net.recordSpikes("lif");
        return net;
    }

    private static long[][] spikeSteps(Simulation sim) {
        long[][] out = new long[8][];
        for (int i = 0; i < 8; i++) out[i] = sim.spikes().steps("lif", i);
        return out;
    }

    /** Runs to step 3000, catching every exception and going on, as a caller that logs and continues would. */
    private static int runCatching(Simulation sim) {
        int caught = 0;
        while (sim.stepCount() < 3000) {
            try {
                sim.runSteps(3000 - sim.stepCount());
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        return caught;
    }

    @Test
    void aCaughtListenerExceptionShiftsNoSpike() {
        Simulation undisturbed = driven().build();
        undisturbed.runSteps(3000);

        Simulation sim = driven().build();
        boolean[] thrown = {false};
        sim.addSpikeListener((step, pop, neurons, count) -> {
            if (!thrown[0]) {
                thrown[0] = true;
                throw new IllegalStateException("listener failed at step " + step);
            }
        });
        assertEquals(1, runCatching(sim));
        assertTrue(undisturbed.spikes().count() > 20);
        assertArrayEquals(spikeSteps(undisturbed), spikeSteps(sim));
    }

    @Test
    void aCaughtHookExceptionShiftsNoSpikeEither() {
        Simulation undisturbed = driven().build();
        undisturbed.runSteps(3000);

        Network net = driven();
        boolean[] thrown = {false};
        net.every(0.01, s -> {
            if (s.stepCount() == 1000 && !thrown[0]) {
                thrown[0] = true;
                throw new IllegalStateException("hook failed");
            }
        });
        Simulation sim = net.build();
        assertEquals(1, runCatching(sim));
        assertArrayEquals(spikeSteps(undisturbed), spikeSteps(sim));
    }

    @Test
    void theStepIsCompleteWhenAListenerExceptionArrives() {
        Simulation sim = driven().build();
        long[] seenByLater = {-1};
        sim.addSpikeListener((step, pop, neurons, count) -> { throw new IllegalStateException("first"); });
        sim.addSpikeListener((step, pop, neurons, count) -> seenByLater[0] = step);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runSteps(3000));
        assertEquals("first", e.getMessage());
        assertTrue(seenByLater[0] >= 0, "the listener after the throwing one saw the step");
        assertEquals(seenByLater[0] + 1, sim.stepCount(), "the counter advanced past the step that threw");
        long recorded = 0;
        for (long[] neuron : spikeSteps(sim)) recorded += neuron.length;
        assertEquals(sim.spikes().count(), recorded);
        assertTrue(recorded > 0, "the recorder has the spikes of the step that threw");
    }

    @Test
    void aKernelExceptionMarksTheSimulationFailed() {
        Network net = new Network(1e-4).plugins(new org.spikelane.spi.PluginRegistry().register(new Throwing()));
        net.addLif("lif", 4, Map.of());
        net.addInput("throwing", "lif", Map.of());
        Simulation sim = net.build();
        sim.runSteps(5);
        assertThrows(ArithmeticException.class, sim::step);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runSteps(1));
        assertTrue(e.getMessage().contains("failed in step 5"), e.getMessage());
        assertTrue(e.getMessage().contains("restore a checkpoint"), e.getMessage());
        assertEquals(5, sim.stepCount());
    }

    /** An input whose kernel throws at step 5, as a buggy plugin would. */
    private static final class Throwing implements org.spikelane.spi.InputPlugin {
        @Override public String name() { return "throwing"; }

        @Override public String description() { return "throws at step 5 (tests)"; }

        @Override public java.util.List<org.spikelane.spi.ParamSpec> params() { return java.util.List.of(); }

        @Override public org.spikelane.spi.InputKernel create(org.spikelane.spi.InputContext c, org.spikelane.spi.Params p) {
            return (step, from, to, current) -> {
                if (step == 5) throw new ArithmeticException("kernel bug");
            };
        }
    }

    @Test
    void aSecondThreadIsRefusedNamingTheFirst() throws Exception {
        Network net = driven();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        net.every(0.01, s -> {
            if (s.stepCount() == 0) {
                inside.countDown();
                try {
                    assertTrue(release.await(30, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Simulation sim = net.build();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                sim.runSteps(100);
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "runner-1");
        first.start();
        // bounded waits: a broken guard fails the test instead of hanging the build
        assertTrue(inside.await(30, java.util.concurrent.TimeUnit.SECONDS), "runner-1 reached its hook");
        for (Runnable call : new Runnable[] {sim::step, () -> sim.runSteps(1), () -> sim.run(0.001), () -> sim.stepInRanges(8)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
            assertTrue(e.getMessage().contains("while thread 'runner-1' runs this simulation"), e.getMessage());
        }
        release.countDown();
        first.join(30_000);
        assertEquals(null, failed.get());
        assertEquals(100, sim.stepCount(), "the refused calls ran nothing");
        sim.runSteps(10); // free again once the first thread is out
        assertEquals(110, sim.stepCount());
    }

    @Test
    void aListenerCannotRunAStepInsideAStep() {
        Simulation sim = driven().build();
        sim.addSpikeListener((step, pop, neurons, count) -> sim.step());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runSteps(3000));
        assertTrue(e.getMessage().startsWith("step called from inside a step"), e.getMessage());
    }

    @Test
    void setRefusesValuesNoStateCanHold() {
        Simulation sim = driven().build();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (String param : org.spikelane.neuron.LifModel.CHANGEABLE) {
                ParameterException e = assertThrows(ParameterException.class, () -> sim.lif("lif").set(param, 0, bad));
                assertEquals(param, e.parameter());
                assertEquals("population 'lif' parameter '" + param + "': must be a finite number, got " + bad, e.getMessage());
                assertThrows(ParameterException.class, () -> sim.set("population 'lif'", param, 0, bad));
            }
            ParameterException e = assertThrows(ParameterException.class, () -> sim.set("input 'constant' #1", "amplitude", -1, bad));
            assertEquals("amplitude", e.parameter());
        }
        ParameterException v = assertThrows(ParameterException.class, () -> sim.lif("lif").set("v", 0, 1e39));
        assertTrue(v.getMessage().contains("beyond the float32 range"), v.getMessage());
        ParameterException c = assertThrows(ParameterException.class, () -> sim.lif("lif").set("C", 0, 1e-45));
        assertTrue(c.getMessage().contains("gives R = tau_m / C"), c.getMessage());
        ParameterException ref = assertThrows(ParameterException.class, () -> sim.lif("lif").set("refractory", 0, 300000));
        assertTrue(ref.getMessage().contains("3000000000 steps"), ref.getMessage());
        // nothing was changed by the refused calls
        assertEquals(2e-3, sim.lif("lif").parameters().get("refractory", 0), 1e-12);
        assertEquals(-70e-3, sim.stateRegistry().recordable("population 'lif'", "v").value(0), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void setRefusesNaNInEveryFormat(Precision precision) {
        Network net = new Network(1e-4).precision(precision);
        net.addLif("lif", 4, Map.of("refractory", "0 ms", "v_reset", "-70 mV")); // as loihi's LIF: no refractory period, reset to E_L
        Simulation sim = net.build();
        ParameterException e = assertThrows(ParameterException.class, () -> sim.lif("lif").set("v_threshold", 0, Double.NaN));
        assertEquals("v_threshold", e.parameter());
    }

    @Test
    void nullArgumentsAreNamed() {
        Network net = driven();
        assertMessage("addLif: params must not be null", () -> net.addLif("other", 2, null));
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("tau_m", null);
        ParameterException nullValue = assertThrows(ParameterException.class, () -> net.addLif("other", 2, withNull));
        assertEquals("population 'other' parameter 'tau_m': is null; leave it out for its default", nullValue.getMessage());
        assertMessage("addInput: params must not be null", () -> net.addInput("constant", "lif", null));
        assertMessage("addInput: plugin must not be null", () -> net.addInput(null, "lif", Map.of()));
        assertMessage("addInput: target must not be null", () -> net.addInput("constant", null, Map.of()));
        assertMessage("connect: from must not be null", () -> net.connect(null, "lif", "delta", null, 1e-3, null, null));
        assertMessage("every: action must not be null", () -> net.every(0.01, null));
        assertMessage("recordSpikes: name must not be null", () -> net.recordSpikes((String) null));
        assertMessage("recordState: variables must not be null", () -> net.recordState("lif", null, null, 1));
        assertMessage("precision: precision must not be null", () -> net.precision(null));
        Simulation sim = net.build();
        assertMessage("set: owner must not be null", () -> sim.set(null, "v", 0, 0));
        assertMessage("set: parameter must not be null", () -> sim.set("population 'lif'", null, 0, 0));
        assertMessage("set: param must not be null", () -> sim.lif("lif").set(null, 0, 0));
        assertMessage("checkpoint: file must not be null", () -> sim.checkpoint(null));
        assertMessage("restore: file must not be null", () -> sim.restore(null));
        assertMessage("addSpikeListener: listener must not be null", () -> sim.addSpikeListener(null));
        assertMessage("population: name must not be null", () -> sim.population(null));
        assertMessage("runSteps: progress must not be null", () -> sim.runSteps(5, null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void negativeStepCountsAndMissingInputsAreErrors() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 2, Map.of());
        for (int k = 0; k < 3; k++) net.addInput("constant", "lif", Map.of("amplitude", "1 nA"));
        Simulation sim = net.build();
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> sim.runSteps(-5));
        assertEquals("runSteps: steps must be >= 0, got -5", steps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.runSteps(-5, (done, total) -> { }));
        IndexOutOfBoundsException input = assertThrows(IndexOutOfBoundsException.class, () -> sim.input(5));
        assertEquals("no input 5: the network has 3 inputs (indices 0 to 2)", input.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> sim.input(-1));
        assertEquals(0, sim.stepCount());
    }

    /** The README's way to read v: the registry's recordable, the same call in every format. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void vReadsThroughTheRegistryInEveryFormat(Precision precision) {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry()).precision(precision);
        net.addLif("lif", 4, Map.of("v_init", "-60 mV", "refractory", "0 ms", "v_reset", "-70 mV"));
        net.recordState("lif", java.util.List.of("v"), null, 1);
        Simulation sim = net.build();
        org.spikelane.record.Variable v = sim.stateRegistry().recordable("population 'lif'", "v");
        assertEquals(-60e-3, v.value(2), 0.5e-3, "v_init, within the format's LSB");
        sim.runSteps(50);
        // it relaxes toward E_L = -70 mV, and reads what the recorder samples
        assertTrue(v.value(2) < -60.5e-3, "v decays toward E_L: " + v.value(2));
        if (precision != Precision.FLOAT32) {
            assertThrows(IllegalStateException.class, () -> sim.lif("lif").state());
        } else {
            assertEquals(sim.lif("lif").state().v[2], v.value(2), 0);
        }
    }
}
