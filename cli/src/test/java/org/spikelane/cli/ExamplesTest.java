package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example with {@code spikelane run} and checks its CSVs against analytic oracles. */
class ExamplesTest {
    private static final double DT = Oracles.DT;

    @TempDir
    Path tmp;

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Cli.EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /**
     * The overrides that make an example small enough for tests that run every example: the full
     * microcircuit is 3e8 synapses, so those take its 2 % model for 100 ms (MicrocircuitTest runs
     * the 10 % one); nothing for the others.
     */
    static List<String> testSized(String example) {
        return example.startsWith("microcircuit") ? List.of("scale.neurons=0.02", "scale.indegree=0.02", "duration=100 ms") : List.of();
    }

    /** Every example runs, writes all outputs, and its summary agrees with spikes.csv. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRuns(String example) throws IOException {
        Path out = tmp.resolve(example);
        List<String> args = new java.util.ArrayList<>(List.of("run", Cli.example(example).toString(), "--out", out.toString(), "--quiet"));
        for (String set : testSized(example)) args.addAll(List.of("--set", set));
        Cli.Outcome o = Cli.ok(args.toArray(String[]::new));
        assertTrue(java.util.regex.Pattern.compile(": \\d+ steps, \\d+ spikes?, .* steps/s -> ").matcher(o.out()).find(), o.out());
        assertEquals("population,neuron,time_s", Cli.header(out.resolve("spikes.csv")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long spikes = 0;
        for (JsonNode p : summary.get("populations")) spikes += p.get("spikes").asLong();
        assertEquals(Cli.rows(out.resolve("spikes.csv")).size(), spikes);
        assertTrue(summary.get("vector_species").asText().contains("Species"));
        assertTrue(summary.get("jdk_version").asText().startsWith(Integer.toString(Runtime.version().feature())));
        boolean state = Files.exists(out.resolve("state.csv"));
        if (state) assertEquals("population,neuron,variable,time_s,value", Cli.header(out.resolve("state.csv")));
        for (String png : state ? List.of("raster.png", "traces.png") : List.of("raster.png")) {
            var image = ImageIO.read(out.resolve(png).toFile());
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400, png);
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** step-and-sine: 2.05 nA from 5 ms, first spike and ISI on the grid; the sine neuron stays below threshold. */
    @Test
    void stepAndSineMatchTheLifFormulas() {
        Path out = tmp.resolve("step-and-sine");
        Cli.ok("run", Cli.example("step-and-sine.yaml").toString(), "--out", out.toString(), "-q");
        double first = Oracles.firstSpike(5e-3, 2.05e-9);
        double isi = Oracles.isi(2.05e-9, 2e-3);
        for (int n : new int[] {0, 1}) {
            double[] t = Cli.spikeTimes(out, "lif", n);
            assertEquals(3, t.length, "spikes of neuron " + n + " before the step ends at 100 ms");
            assertEquals(first, t[0], DT / 2);
            assertEquals(isi, t[1] - t[0], DT / 2);
            assertEquals(isi, t[2] - t[1], DT / 2);
        }
        assertEquals(0, Cli.spikeTimes(out, "lif", 2).length);
        double[][] v = Cli.trace(out, "lif", 0, "v");
        assertEquals(2000, v[0].length);
        assertEquals(0.0, v[0][0]);
        assertEquals(-0.07, v[1][0], 1e-7);
        double[][] current = Cli.trace(out, "lif", 0, "I");
        assertEquals(0.0, current[1][49], 1e-15, "step is off before 5 ms");
        assertEquals(2.05e-9, current[1][50], 1e-15, "step is on from the 5 ms sample");
        assertEquals(2.05e-9, current[1][999], 1e-15);
        assertEquals(0.0, current[1][1000], 1e-15, "stop is exclusive");
    }

    /** Neuronal Dynamics 1.1: exactly 2.0 nA never fires (v creeps to -50 mV from below), 2.01 nA fires. */
    @Test
    void rheobaseStep() {
        Path out = tmp.resolve("step");
        Cli.ok("run", Cli.example("neurodynex-step.yaml").toString(), "--out", out.toString(), "-q");
        assertEquals(0, Cli.spikeTimes(out, "lif", 0).length);
        double vMax = java.util.Arrays.stream(Cli.trace(out, "lif", 0, "v")[1]).max().orElseThrow();
        assertTrue(vMax < -0.05 && vMax > -0.0500015, "v peaks just below threshold: " + vMax);
        double[] t = Cli.spikeTimes(out, "lif", 1);
        assertTrue(t.length >= 1, "2.01 nA must fire");
        assertEquals(Oracles.firstSpike(5e-3, 2.01e-9), t[0], DT * 1.01);
    }

    /** Quickstart: 1.5 nA silent, 2.5 nA and 5 nA fire with the grid ISI. */
    @Test
    void quickstartRates() {
        Path out = tmp.resolve("quick");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", out.toString(), "-q");
        assertEquals(0, Cli.spikeTimes(out, "lif", 0).length);
        double[] currents = {0, 2.5e-9, 5e-9};
        for (int n = 1; n <= 2; n++) {
            double[] t = Cli.spikeTimes(out, "lif", n);
            assertEquals(Oracles.firstSpike(20e-3, currents[n]), t[0], DT / 2);
            for (int k = 1; k < t.length; k++) assertEquals(Oracles.isi(currents[n], 2e-3), t[k] - t[k - 1], DT / 2);
            assertTrue(t[t.length - 1] < 180e-3);
        }
    }

    /** precision fixed (int state, docs/fixed-point.md) fires at the float32 times, within one step, on the quickstart. */
    @Test
    void fixedPrecisionMatchesFloat32() throws IOException {
        Path f32 = tmp.resolve("f32");
        Path fixed = tmp.resolve("fixed");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", f32.toString(), "-q");
        Cli.Outcome o = Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", fixed.toString(), "-q", "--set", "precision=fixed");
        assertTrue(o.out().contains("quickstart:"), o.out());
        for (int n = 0; n < 3; n++) {
            double[] a = Cli.spikeTimes(f32, "lif", n);
            double[] b = Cli.spikeTimes(fixed, "lif", n);
            assertEquals(a.length, b.length, "spike count of neuron " + n);
            for (int k = 0; k < a.length; k++) assertEquals(a[k], b[k], DT * 1.01, "spike " + k + " of neuron " + n);
        }
        // the summary reports the quantized tau_m (decay rounded to 16 bits) and no clipping
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixed.resolve("summary.json").toFile());
        assertEquals("vector Species[int, 8, S_256_BIT]".replaceAll("\\d+", ""), summary.get("vector_species").asText()
                .replaceAll("\\d+", "").replace("scalar reference", "vector"));
        var tauM = java.util.stream.StreamSupport.stream(summary.get("quantization").spliterator(), false)
                .filter(q -> q.get("parameter").asText().equals("tau_m")).findFirst().orElseThrow();
        assertEquals(0.008, tauM.get("requested").asDouble(), 1e-12);
        double err = tauM.get("relative_error").asDouble();
        assertTrue(err > 0 && err < 1e-3, "tau_m relative error " + err);
        for (var count : summary.get("overflows")) assertEquals(0, count.get("count").asLong(), count.toString());
    }

    /** f-I example run once at 3 nA with a 3 ms refractory period. */
    @Test
    void fiCurveSingleRun() {
        Path out = tmp.resolve("fi");
        Cli.ok("run", Cli.example("fi-curve.yaml").toString(), "--out", out.toString(), "-q");
        double[] t = Cli.spikeTimes(out, "lif", 0);
        double isi = Oracles.isi(3e-9, 3e-3);
        assertEquals(Oracles.firstSpike(0, 3e-9), t[0], DT / 2);
        for (int k = 1; k < t.length; k++) assertEquals(isi, t[k] - t[k - 1], DT / 2);
        assertEquals(1 + (int) Math.floor((0.5 - DT - t[0]) / isi + 1e-9), t.length);
    }

    /**
     * Neuronal Dynamics 1.4: steady-state amplitude of v under a sine current is
     * R I0 / sqrt(1 + (2 pi f tau_m)^2); checked within 1 % after the transient (100 ms = 12 tau).
     */
    @Test
    void subthresholdSineAmplitude() {
        Path out = tmp.resolve("sine");
        Cli.ok("run", Cli.example("neurodynex-sine.yaml").toString(), "--out", out.toString(), "-q");
        double[] frequencies = {10, 30, 60, 250};
        for (int n = 0; n < frequencies.length; n++) {
            double[][] v = Cli.trace(out, "lif", n, "v");
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < v[0].length; s++) {
                if (v[0][s] < 0.1) continue;
                lo = Math.min(lo, v[1][s]);
                hi = Math.max(hi, v[1][s]);
            }
            double wTau = 2 * Math.PI * frequencies[n] * Oracles.TAU;
            double expected = Oracles.R * 2.5e-9 / Math.sqrt(1 + wTau * wTau);
            assertEquals(expected, (hi - lo) / 2, expected * 0.01, "amplitude at " + frequencies[n] + " Hz");
            assertEquals(Oracles.E_L, (hi + lo) / 2, expected * 0.01, "oscillates around E_L at " + frequencies[n] + " Hz");
            assertEquals(0, Cli.spikeTimes(out, "lif", n).length);
        }
    }
}
