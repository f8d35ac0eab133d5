package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;

class PulseInputTest {
    private static final double NA = 1e-9;
    private static final double DT = 1e-4;
    /** Pulses are dropped below 1e-12 of their height; that is the absolute tolerance. */
    private static final double DROPPED = ExponentialPulses.NEGLIGIBLE;

    /** Sum over events (step k, neuron) with k <= n of A exp(-(n - k) dt / tau). */
    private static double exponential(long[][] events, int neuron, long n, double amp, double tau) {
        double sum = 0;
        for (long[] e : events) if (e[1] == neuron && e[0] <= n) sum += amp * Math.exp(-(n - e[0]) * DT / tau);
        return sum;
    }

    /** A / (1 + alpha (n - k) dt) with k the neuron's latest event step <= n, or 0 before its first. */
    private static double inverse(long[][] events, int neuron, long n, double amp, double alpha) {
        long last = -1;
        for (long[] e : events) if (e[1] == neuron && e[0] <= n) last = Math.max(last, e[0]);
        return last < 0 ? 0 : amp / (1 + alpha * (n - last) * DT);
    }

    @Test
    void exponentialPulsesJumpDecayAndSuperpose() {
        for (int size : new int[] {5, 17, 1000, 4099}) {
            FakeInputContext ctx = FakeInputContext.whole(size);
            InputKernel k = ctx.create(new PulseInput(), Map.of("amplitude", "1 nA", "tau", "2 ms",
                    "events", Map.of("times", List.of("1 ms", "1.5 ms", "1.5 ms", 0.003), "neurons", List.of(2, 2, 0, 4))));
            long[][] events = {{10, 2}, {15, 2}, {15, 0}, {30, 4}};
            float[][] I = ctx.run(k, 1000);
            for (int n = 0; n < 1000; n++) {
                for (int i = 0; i < size; i++) {
                    Close.check(exponential(events, i, n, NA, 2e-3), I[n][i], DROPPED * NA, "size " + size + " step " + n + " neuron " + i);
                }
            }
            assertEquals(0f, I[9][2]);                                  // the step before the event
            assertEquals((float) NA, I[10][2]);                          // the event's own step: the full height
            Close.check(NA * Math.exp(-0.05), I[11][2], "one step later");
            assertEquals(0f, I[999][2]);                                 // long gone: dropped, exactly zero
        }
    }

    @Test
    void exponentialStaysAccurateAcrossRenormalizationsAndRestarts() {
        // an event every 10 ms for 300 ms, then silence, then one more: the reference step moves
        // many times (every ~20.8 ms at tau = 2 ms) and the pulses die out and restart
        FakeInputContext ctx = new FakeInputContext(DT, 3, new int[] {0, 2}, 1);
        List<String> times = new ArrayList<>();
        List<Integer> neurons = new ArrayList<>();
        List<long[]> ev = new ArrayList<>();
        for (int j = 0; j < 30; j++) {
            times.add((10 * j) + " ms");
            neurons.add(j % 3 == 0 ? 2 : 0);
            ev.add(new long[] {100L * j, j % 3 == 0 ? 2 : 0});
        }
        times.add("450 ms");
        neurons.add(0);
        ev.add(new long[] {4500, 0});
        long[][] events = ev.toArray(long[][]::new);
        float[][] I = ctx.run(ctx.create(new PulseInput(), Map.of("amplitude", "-3 nA", "events",
                Map.of("times", times, "neurons", neurons))), 5000);
        for (int n = 0; n < 5000; n++) {
            for (int i = 0; i < 3; i++) {
                Close.check(exponential(events, i, n, -3 * NA, 2e-3), I[n][i], DROPPED * 3 * NA, "step " + n + " neuron " + i);
            }
        }
    }

    @Test
    void inversePulsesRestartAtEachEventOfTheirNeuron() {
        FakeInputContext ctx = FakeInputContext.whole(17);
        InputKernel k = ctx.create(new PulseInput(), Map.of("shape", "inverse", "amplitude", "10 nA", "alpha", "1000 Hz",
                "events", Map.of("times", List.of("1 ms", "3 ms", "2 ms"), "neurons", List.of(1, 1, 16))));
        long[][] events = {{10, 1}, {30, 1}, {20, 16}};
        float[][] I = ctx.run(k, 3000);
        for (int n = 0; n < 3000; n++) {
            for (int i = 0; i < 17; i++) Close.check(inverse(events, i, n, 10 * NA, 1000), I[n][i], "step " + n + " neuron " + i);
        }
        assertEquals(0f, I[9][1]);
        assertEquals((float) (10 * NA), I[10][1]);
        Close.check(10 * NA / 1.1, I[11][1], "one step after: 1 + alpha dt = 1.1");
        Close.check(10 * NA / 2.9, I[29][1], "just before the restart");
        assertEquals((float) (10 * NA), I[30][1]);
    }

    @Test
    void scheduledEventsReachOnlyTheirNeuronInASubset() {
        FakeInputContext ctx = new FakeInputContext(DT, 8, new int[] {7, 2, 5}, 1);
        float[][] I = ctx.run(ctx.create(new PulseInput(), Map.of("amplitude", "1 nA",
                "events", Map.of("times", List.of("0 ms", "0.2 ms"), "neurons", List.of(5, 7)))), 3);
        for (int i = 0; i < 8; i++) assertEquals(i == 5 ? (float) NA : 0f, I[0][i], "neuron " + i);
        Close.check(NA, I[2][7], "neuron 7 at its event");
        Close.check(NA * Math.exp(-0.1), I[2][5], "neuron 5 two steps on");
    }

    @Test
    void periodicEventsStartAtEveryByDefaultAndPickOneNeuronEach() {
        FakeInputContext ctx = new FakeInputContext(DT, 10, null, 42);
        InputKernel k = ctx.create(new PulseInput(), Map.of("amplitude", "10 nA",
                "events", Map.of("every", "500 ms", "random_neuron", true)));
        List<Integer> picked = new ArrayList<>();
        float[] acc = new float[16];
        for (long n = 0; n <= 25_000; n++) {
            java.util.Arrays.fill(acc, 0);
            k.beginStep(n);
            k.addCurrent(n, 0, acc.length, acc);
            int at = -1;
            for (int i = 0; i < 10; i++) {
                if (Math.abs(acc[i] - 10 * NA) < 1e-6 * 10 * NA) at = i;
                else if (n % 5000 == 0 && n > 0) assertEquals(0f, acc[i], "only one neuron at step " + n);
            }
            if (n % 5000 == 0 && n > 0) {
                assertTrue(at >= 0, "an event at step " + n);
                picked.add(at);
            } else {
                assertEquals(-1, at, "no event at step " + n);
            }
        }
        assertEquals(5, picked.size());
        // the event at step s goes to bounded(s, 0, targets) of the input's stream "random_neuron"
        org.spikelane.random.RandomStream r = org.spikelane.random.RandomStream.root(42).substream("random_neuron");
        for (int e = 0; e < 5; e++) assertEquals(r.bounded(5000L * (e + 1), 0, 10), picked.get(e), "event " + e);
    }

    @Test
    void randomNeuronsAreUniformOverTheTargets() {
        FakeInputContext ctx = new FakeInputContext(DT, 30, new int[] {3, 11, 12, 20, 29}, 7);
        // one event per step from step 0; a tau far below dt leaves only the current step's pulse
        InputKernel k = ctx.create(new PulseInput(), Map.of("amplitude", "1 nA", "tau", "1 us",
                "events", Map.of("every", "0.1 ms", "start", 0, "random_neuron", "true")));
        int[] counts = new int[30];
        float[] acc = new float[32];
        int events = 20_000;
        for (long n = 0; n < events; n++) {
            java.util.Arrays.fill(acc, 0);
            k.beginStep(n);
            k.addCurrent(n, 0, acc.length, acc);
            int hits = 0;
            for (int i = 0; i < 30; i++) {
                if (Math.abs(acc[i] - NA) < 1e-6 * NA) { counts[i]++; hits++; }
            }
            assertEquals(1, hits, "step " + n);
        }
        double mean = events / 5.0;
        double sd = Math.sqrt(events * 0.2 * 0.8);
        for (int i = 0; i < 30; i++) {
            boolean target = i == 3 || i == 11 || i == 12 || i == 20 || i == 29;
            if (!target) assertEquals(0, counts[i], "neuron " + i + " is not a target");
            else assertTrue(Math.abs(counts[i] - mean) < 5 * sd, "neuron " + i + ": " + counts[i] + " events, expected " + mean);
        }
    }

    @Test
    void periodicWithoutRandomNeuronReachesEveryTargetAndCountLimitsIt() {
        FakeInputContext ctx = FakeInputContext.whole(4);
        InputKernel k = ctx.create(new PulseInput(), Map.of("shape", "inverse", "amplitude", "1 nA",
                "events", Map.of("every", "1 ms", "start", "0.5 ms", "count", 2)));
        float[][] I = ctx.run(k, 40);
        long[][] events = new long[8][];
        for (int i = 0; i < 4; i++) {
            events[i] = new long[] {5, i};
            events[4 + i] = new long[] {15, i};
        }
        for (int n = 0; n < 40; n++) {
            for (int i = 0; i < 4; i++) Close.check(inverse(events, i, n, NA, 1000), I[n][i], "step " + n + " neuron " + i);
        }
    }

    @Test
    void seedsGiveDifferentButReproducibleSequences() {
        List<Integer> a = randomPicks(3);
        assertEquals(a, randomPicks(3));
        assertNotEquals(a, randomPicks(4));
    }

    private static List<Integer> randomPicks(long seed) {
        FakeInputContext ctx = new FakeInputContext(DT, 10, null, seed);
        InputKernel k = ctx.create(new PulseInput(), Map.of("amplitude", "1 nA", "tau", "1 us",
                "events", Map.of("every", "0.1 ms", "random_neuron", true)));
        List<Integer> picks = new ArrayList<>();
        float[] acc = new float[16];
        for (long n = 1; n <= 30; n++) {
            java.util.Arrays.fill(acc, 0);
            k.beginStep(n);
            k.addCurrent(n, 0, acc.length, acc);
            for (int i = 0; i < 10; i++) if (Math.abs(acc[i] - 1e-9) < 1e-15) picks.add(i);
        }
        return picks;
    }

    @Test
    void spikesOfAnotherPopulationDriveTheSameIndexInTheStepTheyAreSeen() {
        FakeInputContext ctx = new FakeInputContext(DT, 5, new int[] {0, 1, 3}, 1);
        FakeInputContext.ScriptedSpikes src = new FakeInputContext.ScriptedSpikes("src", 5);
        ctx.sources.put("src", src);
        InputKernel k = ctx.create(new PulseInput(), Map.of("amplitude", "2 nA", "events", Map.of("from", "src")));
        float[] acc = new float[8];
        k.beginStep(0);
            k.addCurrent(0, 0, acc.length, acc);
        for (float v : acc) assertEquals(0f, v);
        // what the source holds during step 1's input phase are the spikes of step 0
        src.set(List.of(1, 2));
        acc = new float[8];
        k.beginStep(1);
            k.addCurrent(1, 0, acc.length, acc);
        assertEquals(2e-9f, acc[1]);
        assertEquals(0f, acc[2], "neuron 2 is not a target");
        src.set(List.of());
        acc = new float[8];
        k.beginStep(2);
            k.addCurrent(2, 0, acc.length, acc);
        Close.check(2 * NA * Math.exp(-0.05), acc[1], "decaying");
    }
}
