package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;

/**
 * {@code spikelane nir show / run} end to end on NIR paper test data (kept in the nir module's
 * test resources): the lif_norse graph's spike steps, a braille batch against the committed
 * Python reference's Output counts, thread-count independence, and one-line errors.
 */
class NirCommandTest {
    static final Path DATA = Path.of("..", "nir", "src", "test", "resources", "nir").toAbsolutePath().normalize();

    /** The paper's input pattern, as Norse's CSV holds it in its first column, as a [T, 1] array. */
    static Path lifInput(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DATA.resolve("lif_norse.csv"));
        double[] x = lines.stream().filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(l.split(",")[0])).toArray();
        Path file = dir.resolve("lif_input.npy");
        Npy.writeFloat64(file, x, x.length, 1);
        return file;
    }

    @Test
    void runsTheLifGraphToNorsesSpikeSteps(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Cli.ok("nir", "run", DATA.resolve("lif_norse.nir").toString(), "--input", lifInput(dir).toString(), "--dt", "0.1 ms",
                "--record", "1:v", "--out", out.toString());
        assertEquals("population,neuron,time_s,step", Cli.header(out.resolve("spikes.csv")));
        List<String> rows = Cli.rows(out.resolve("spikes.csv")).stream().map(r -> String.join(",", r)).toList();
        assertEquals(List.of("1,0,0.046,460", "1,0,0.051,510", "1,0,0.071,710", "1,0,0.076,760"), rows);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("[4]", summary.at("/outputs/output/spike_counts").toString());
        assertEquals(0, summary.at("/outputs/output/argmax").asInt());
        assertEquals("euler", summary.get("integration").asText());
        // Norse's v one step after the first input: dt/tau r x = 0.04
        String v61 = Cli.rows(out.resolve("state.csv")).get(60)[5];
        assertEquals(0.04, Double.parseDouble(v61), 1e-7);
    }

    /** Under loihi lif_norse's weight 1, at gain (dv / 4096) r = 164 / 4096, is a_in 2.5625, stored as 2: summary and console name the error. */
    @Test
    void quantizedRunsReportTheErrorPerNode(@TempDir Path dir) throws Exception {
        String model = DATA.resolve("lif_norse.nir").toString();
        for (String precision : List.of("fixed", "loihi")) {
            Path out = dir.resolve(precision);
            Cli.Outcome o = Cli.run("nir", "run", model, "--input", lifInput(dir).toString(), "--dt", "0.1 ms", "--precision", precision, "--out", out.toString());
            assertEquals(0, o.exitCode(), o.err());
            JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            assertEquals(precision, summary.get("precision").asText());
            JsonNode weight = null;
            for (JsonNode q : summary.get("quantization")) if (q.get("node").asText().equals("0") && q.get("parameter").asText().equals("weight")) weight = q;
            assertTrue(weight != null, summary.toString());
            assertEquals(0, summary.at("/overflows/1").asLong(), summary.toString());
            assertTrue(o.out().contains("quantization: node '0' weight: max |quantized - float| = "), o.out());
            if (precision.equals("loihi")) {
                assertEquals(1 - 2 / 2.5625, weight.get("max_abs_error").asDouble(), 1e-6);
            } else {
                assertTrue(weight.get("max_abs_error").asDouble() < 1e-6, weight.toString());
                assertEquals("[4]", summary.at("/outputs/output/spike_counts").toString());
            }
        }
    }

    @Test
    void aBatchRunsEachSampleIndependentlyWhateverTheThreads(@TempDir Path dir) throws Exception {
        String model = DATA.resolve("braille_noDelay_noBias_subtract.nir").toString();
        String input = DATA.resolve("braille/inputs.npy").toString();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Cli.ok("nir", "run", model, "--input", input, "--dt", "0.1 ms", "--reset", "subtract", "--threads", "1", "--out", one.toString());
        Cli.ok("nir", "run", model, "--input", input, "--dt", "0.1 ms", "--reset", "subtract", "--threads", "2", "--out", two.toString());
        assertEquals(Files.readString(one.resolve("spikes.csv")), Files.readString(two.resolve("spikes.csv")));
        JsonNode summary = new ObjectMapper().readTree(two.resolve("summary.json").toFile());
        NpyArray ref = Npy.read(DATA.resolve("braille/braille_noDelay_noBias_subtract/reference_lif2_spikes.npy"));
        int samples = ref.shape()[0], steps = ref.shape()[1], n = ref.shape()[2];
        assertEquals(samples, summary.get("samples").asInt());
        for (int b = 0; b < samples; b++) {
            int best = 0;
            int[] counts = new int[n];
            for (int t = 0; t < steps; t++) for (int i = 0; i < n; i++) counts[i] += (int) ref.data()[(b * steps + t) * n + i];
            for (int i = 1; i < n; i++) if (counts[i] > counts[best]) best = i;
            assertEquals(java.util.Arrays.toString(counts).replace(" ", ""), summary.at("/outputs/output/spike_counts/" + b).toString(), "sample " + b);
            assertEquals(best, summary.at("/outputs/output/argmax/" + b).asInt(), "sample " + b);
        }
        assertEquals("sample,population,neuron,time_s,step", Cli.header(two.resolve("spikes.csv")));
    }

    @Test
    void showListsNodesInStepOrderAndMarksTheEdgeClosingTheCycle() {
        Cli.Outcome o = Cli.ok("nir", "show", DATA.resolve("braille_noDelay_bias_zero.nir").toString());
        assertTrue(o.out().contains("NIR format 0.2.0, 7 nodes, 7 edges"), o.out());
        assertTrue(o.out().matches("(?s).*input .*fc1 .*lif1\\.lif .*fc2 .*lif2 .*output .*lif1\\.w_rec .*edges.*"), o.out());
        assertTrue(o.out().contains("lif1.w_rec -> lif1.lif   (closes a cycle: carries the previous step)"), o.out());
        assertTrue(o.out().contains("CubaLIF    38 -> 38"), o.out());
    }

    @Test
    void badRequestsAreOneLineErrorsNamingTheField(@TempDir Path dir) throws Exception {
        String lif = DATA.resolve("lif_norse.nir").toString();
        String in = lifInput(dir).toString();
        String out = dir.resolve("o").toString();
        Path three = dir.resolve("three.npy");
        Npy.writeFloat64(three, new double[30], 10, 3);
        assertError("error: --input " + three + ": shape [10, 3] has C = 3 channels; the graph's Input node takes 1",
                "nir", "run", lif, "--input", three.toString(), "--dt", "0.1 ms", "--out", out);
        assertError("error: --dt: '0.1 mV' is a voltage, expected a time such as '20 ms'", "nir", "run", lif, "--input", in, "--dt", "0.1 mV", "--out", out);
        assertError("error: --integration must be euler or exact, not 'rk4'", "nir", "run", lif, "--input", in, "--dt", "0.1 ms", "--integration", "rk4", "--out", out);
        assertError("error: --reset must be value or subtract, not 'zero'", "nir", "run", lif, "--input", in, "--dt", "0.1 ms", "--reset", "zero", "--out", out);
        assertError("error: --precision must be float32 or fixed or loihi, not 'double'",
                "nir", "run", lif, "--input", in, "--dt", "0.1 ms", "--precision", "double", "--out", out);
        assertError("error: --record 1:q: node '1' (LIF) has no variable 'q' (it has: v, out)",
                "nir", "run", lif, "--input", in, "--dt", "0.1 ms", "--record", "1:q", "--out", out);
        Cli.Outcome cnn = Cli.run("nir", "show", DATA.resolve("cnn_sinabs.nir").toString());
        assertEquals(Main.BAD_INPUT, cnn.exitCode());
        assertTrue(cnn.err().startsWith("error: node '0' has type Conv2d, which the NIR import does not run"), cnn.err());
        assertError("error: NIR file '" + dir.resolve("none.nir") + "' does not exist or is not a file", "nir", "show", dir.resolve("none.nir").toString());
    }

    private static void assertError(String line, String... args) {
        Cli.Outcome o = Cli.run(args);
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals(line, o.err().strip());
    }
}
