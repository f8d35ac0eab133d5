package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bias inputs summed on one neuron under {@code precision: fixed}. With R = 10 Mohm and LSB_v = 2^-28 V
 * the drive holds +-(2^29 - 1) LSB_v, about +-2 V of {@code R I}: one 199 nA bias (1.99 V) fits, each
 * further one clips. Before the additions saturated, eight of them (15.92 V) wrapped in int to about
 * -80 mV of drive, the neuron never fired, and every count said 0.
 */
class FixedOverflowWarningTest {
    @TempDir
    Path tmp;

    private static final int STEPS = 1000;

    private Path scenario(int biases, String precision) throws IOException {
        StringBuilder s = new StringBuilder("""
                name: bias-sum
                dt: 0.1 ms
                duration: 100 ms
                seed: 1
                precision: %s
                populations:
                  - name: P
                    size: 1
                    model: lif
                    params: {E_L: -70 mV, v_reset: -65 mV, v_threshold: -50 mV, R: 10 Mohm, tau_m: 8 ms, refractory: 2 ms}
                inputs:
                """.formatted(precision));
        for (int k = 0; k < biases; k++) s.append("  - {type: bias, target: P, amplitude: 199 nA}\n");
        s.append("record:\n  spikes: [P]\n");
        Path file = tmp.resolve(biases + "-" + precision + ".yaml");
        Files.writeString(file, s);
        return file;
    }

    private record Run(int spikes, Map<String, Long> overflows, List<String> warnings) {}

    private Run run(int biases, String precision) throws IOException {
        Path out = tmp.resolve("out-" + biases + "-" + precision);
        Cli.Outcome o = Cli.ok("run", scenario(biases, precision).toString(), "--out", out.toString(), "--quiet");
        Map<String, Long> overflows = new TreeMap<>();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (JsonNode e : summary.path("overflows")) overflows.put(e.get("variable").asText(), e.get("count").asLong());
        List<String> warnings = new ArrayList<>();
        for (String line : o.err().split("\\R")) if (line.startsWith("warning: fixed-point")) warnings.add(line);
        return new Run(Cli.rows(out.resolve("spikes.csv")).size(), overflows, warnings);
    }

    /**
     * The clipped drive is still about 2 V of {@code R I}, a hundred times the 20 mV from rest to
     * threshold, so the neuron fires on the first step after each refractory period, as under
     * float32 with the full 15.92 V: one spike per 2 ms, 50 in 100 ms (the refractory limit, reached
     * by both). Seven of the eight additions clip on every step: 7 x 1000 counted.
     */
    @Test
    void eightBiasesClipInsteadOfWrappingAndSaySo() throws IOException {
        Run fixed = run(8, "fixed");
        Run float32 = run(8, "float32");
        assertEquals(50, float32.spikes());
        assertEquals(50, fixed.spikes(), "the saturated drive fires at the refractory limit, as float32 does");
        assertEquals(Map.of("v", 0L, "I", 7L * STEPS, "dv", 0L), fixed.overflows());
        assertEquals(List.of("warning: fixed-point overflow: population 'P' I clipped 7000 times (see summary.json)"), fixed.warnings());
        assertEquals(List.of(), float32.warnings(), "float32 has no fixed-point ranges");
    }

    /** The count is each clipped addition: with two biases one addition clips per step. */
    @Test
    void twoBiasesClipOncePerStep() throws IOException {
        Run fixed = run(2, "fixed");
        assertEquals(Map.of("v", 0L, "I", (long) STEPS, "dv", 0L), fixed.overflows());
        assertEquals(List.of("warning: fixed-point overflow: population 'P' I clipped 1000 times (see summary.json)"), fixed.warnings());
    }

    /** Within the range nothing is counted and nothing is printed. */
    @Test
    void oneBiasFitsAndNothingIsPrinted() throws IOException {
        Run fixed = run(1, "fixed");
        assertEquals(50, fixed.spikes());
        assertEquals(Map.of("v", 0L, "I", 0L, "dv", 0L), fixed.overflows());
        assertEquals(List.of(), fixed.warnings());
    }
}
