package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forum scenario (seed 000): per-neuron Gaussian parameters, a 20 nA bias on every neuron and
 * every 500 ms a 10 nA pulse into one random neuron, exponential (tau 2 ms) or 1 / (1 + alpha t).
 */
class SeedScenarioTest {
    private static final int NEURONS = 8;
    private static final double BIAS = 20e-9;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"seed-pulses.yaml, exponential", "seed-pulses-inverse.yaml, inverse"})
    void pulsesHitOneNeuronEvery500msWithTheirShape(String example, String shape) throws Exception {
        Path out = tmp.resolve("a");
        Cli.ok("run", Cli.example(example).toString(), "--out", out.toString(), "-q");
        var traces = Cli.traces(out, "neurons", "I");
        assertEquals(NEURONS, traces.size());
        double[][][] current = new double[NEURONS][][];
        for (int n = 0; n < NEURONS; n++) current[n] = traces.get(n);
        double[] t = current[0][0];
        int hits = 0;
        for (double event = 0.5; event < 2.1; event += 0.5) {
            int hit = -1;
            for (int n = 0; n < NEURONS; n++) {
                double peak = extraPeak(t, current[n][1], event);
                if (peak > 1e-9) {
                    assertEquals(-1, hit, "one neuron per event at " + event + " s");
                    hit = n;
                }
            }
            assertTrue(hit >= 0, "a pulse at " + event + " s");
            hits++;
            checkShape(t, current[hit][1], event, shape);
        }
        assertEquals(4, hits);
        // between events every neuron carries the bias only
        for (int n = 0; n < NEURONS; n++) assertEquals(BIAS, current[n][1][index(t, 0.3)], 1e-15);

        // per-neuron parameters differ: the steady ISIs of unpulsed stretches are not all equal
        java.util.Set<Long> isis = new java.util.TreeSet<>();
        for (int n = 0; n < NEURONS; n++) {
            double[] s = Cli.spikeTimes(out, "neurons", n);
            assertTrue(s.length > 20, "neuron " + n + " fires regularly on the bias");
            isis.add(Math.round((s[5] - s[4]) / Oracles.DT));
        }
        assertTrue(isis.size() >= 3, "Gaussian tau_m / v_reset / v_threshold give different ISIs: " + isis);

        // same seed, same result
        Path again = tmp.resolve("b");
        Cli.ok("run", Cli.example(example).toString(), "--out", again.toString(), "-q");
        assertEquals(Files.readString(out.resolve("spikes.csv")), Files.readString(again.resolve("spikes.csv")));
    }

    /** Largest current above the bias within 1 ms after the event. */
    private static double extraPeak(double[] t, double[] current, double event) {
        double peak = 0;
        for (int s = index(t, event); s < t.length && t[s] < event + 1e-3; s++) peak = Math.max(peak, current[s] - BIAS);
        return peak;
    }

    /**
     * The pulse starts at 10 nA (within one sample of the event) and decays as its shape says:
     * the ratio of the extra current 2 ms (exponential) or 9 ms (inverse) after the first pulsed
     * sample, predicted from that sample's own offset.
     */
    private static void checkShape(double[] t, double[] current, double event, String shape) {
        int s0 = index(t, event);
        while (current[s0] - BIAS < 1e-12) s0++;
        double offset = t[s0] - event;
        assertTrue(offset >= -1e-9 && offset <= 0.2e-3 + 1e-9, "pulse starts at the event, offset " + offset);
        DoubleUnaryOperator pulse = shape.equals("exponential")
                ? s -> 10e-9 * Math.exp(-s / 2e-3)
                : s -> 10e-9 / (1 + 1000 * s);
        double later = shape.equals("exponential") ? 2e-3 : 9e-3;
        int s1 = index(t, t[s0] + later);
        double expected0 = pulse.applyAsDouble(offset);
        assertEquals(expected0, current[s0] - BIAS, expected0 * 0.01, shape + " pulse height");
        double expected1 = pulse.applyAsDouble(t[s1] - event);
        assertEquals(expected1, current[s1] - BIAS, expected0 * 0.01, shape + " pulse after " + later + " s");
    }

    private static int index(double[] t, double time) {
        int s = 0;
        while (s < t.length && t[s] < time - 1e-9) s++;
        return s;
    }
}
