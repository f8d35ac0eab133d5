package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenario (examples/seed-pulses.yaml: heterogeneous population, 20 nA bias, an
 * exponential 10 nA, 2 ms pulse every 500 ms into a random neuron) against Brian2
 * {@code method='exact'}, spike for spike and step for step. The reference comes from
 * src/test/resources/brian2/seed_pulses_exact.py (its spikes and pulsed-neuron v beside it).
 * The spikes alone do not tell the exact pulse from the held one here (no spike of this seed
 * moves a step); v does: within 0.2 uV of Brian2 over the 5 ms after each pulse (measured 19 nV,
 * float32), where the pulse held over each step is up to 43 uV off. Under {@code precision: fixed}
 * the pulse is exact too (held drive plus a jump correction); see {@link #fixedIsExactToo}.
 */
class Brian2SeedPulsesTest {
    static final Path REFERENCE = Path.of("src", "test", "resources", "brian2", "seed_pulses_exact_spikes.csv");
    static final Path REFERENCE_V = Path.of("src", "test", "resources", "brian2", "seed_pulses_exact_v.csv");

    @TempDir
    Path tmp;

    @Test
    void float32MatchesBrian2ExactSpikeForSpike() {
        Cli.ok("run", Cli.example("seed-pulses.yaml").toString(), "--out", tmp.toString(), "-q");
        List<String> expected = new ArrayList<>();
        for (String[] row : Cli.rows(REFERENCE)) expected.add(row[0] + "@" + row[1]);
        List<String> actual = new ArrayList<>();
        // spikes.csv is ordered by step, then neuron: as the reference
        for (String[] row : Cli.rows(tmp.resolve("spikes.csv"))) {
            actual.add(row[1] + "@" + Math.round(Double.parseDouble(row[2]) / Oracles.DT));
        }
        assertEquals(1023, expected.size(), "reference spikes");
        assertEquals(expected, actual, "neuron@step of every spike against Brian2 method='exact'");

        var v = Cli.traces(tmp, "neurons", "v");
        int compared = 0;
        for (String[] row : Cli.rows(REFERENCE_V)) {
            double[][] trace = v.get(Integer.parseInt(row[0]));
            long step = Long.parseLong(row[1]);
            int sample = 0;
            while (Math.round(trace[0][sample] / Oracles.DT) != step) sample++;
            assertEquals(Double.parseDouble(row[2]), trace[1][sample], 2e-7, "v of neuron " + row[0] + " at step " + step);
            compared++;
        }
        assertEquals(100, compared);
    }

    /**
     * The same scenario under {@code precision: fixed}. Neuron 1 (pulsed at 500 and 1000 ms): v within
     * 4 uV of Brian2 over the 5 ms after each pulse (measured 2.25 uV; the held pulse fixed had
     * before was 13.6 uV off). The tolerance is the format's own error plus a margin: at the pulse
     * onset, before the pulse has acted, fixed is already 2.08 uV from Brian2 (its Q16 membrane
     * decay and quantized thresholds, the same with either pulse form). Neuron 3 is left out of the
     * v comparison: under fixed its second spike comes one step later (step 292 vs 291, long before
     * the first pulse at step 5000, so the format's quantization and not the pulse), and it stays
     * out of phase with Brian2 for the rest of the run; every other neuron fires spike for spike as in Brian2.
     */
    @Test
    void fixedIsExactToo() {
        Cli.ok("run", Cli.example("seed-pulses.yaml").toString(), "--set", "precision=fixed", "--out", tmp.toString(), "-q");
        java.util.Map<Integer, List<Long>> expected = new java.util.TreeMap<>(), actual = new java.util.TreeMap<>();
        for (String[] row : Cli.rows(REFERENCE)) expected.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(Long.parseLong(row[1]));
        for (String[] row : Cli.rows(tmp.resolve("spikes.csv"))) {
            actual.computeIfAbsent(Integer.parseInt(row[1]), k -> new ArrayList<>()).add(Math.round(Double.parseDouble(row[2]) / Oracles.DT));
        }
        for (int neuron = 0; neuron < 8; neuron++) {
            if (neuron == 3) {
                int k = 0;
                while (expected.get(3).get(k).equals(actual.get(3).get(k))) k++;
                assertEquals(List.of(291L, 292L), List.of(expected.get(3).get(k), actual.get(3).get(k)),
                        "neuron 3's first spike that differs: Brian2's and fixed's step");
                continue;
            }
            assertEquals(expected.get(neuron), actual.get(neuron), "spike steps of neuron " + neuron + " against Brian2 method='exact'");
        }
        var v = Cli.traces(tmp, "neurons", "v");
        double worst = 0;
        int compared = 0;
        for (String[] row : Cli.rows(REFERENCE_V)) {
            if (Integer.parseInt(row[0]) != 1) continue;
            double[][] trace = v.get(1);
            long step = Long.parseLong(row[1]);
            int sample = 0;
            while (Math.round(trace[0][sample] / Oracles.DT) != step) sample++;
            double difference = trace[1][sample] - Double.parseDouble(row[2]);
            assertEquals(0, difference, 4e-6, "v of neuron 1 at step " + step);
            worst = Math.max(worst, Math.abs(difference));
            compared++;
        }
        assertEquals(50, compared);
        System.out.printf("seed pulses under fixed: v of neuron 1 within %.3g V of Brian2 exact%n", worst);
    }
}
