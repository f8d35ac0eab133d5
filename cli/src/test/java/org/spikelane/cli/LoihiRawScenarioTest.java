package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Raw loihi populations from a scenario file: integer weights (one, or a list per synapse), delay 0
 * and {@code exp_current} without parameters reproduce, through {@code spikelane run}, Lava's
 * published {@code PyLifModelBitAcc} traces that the engine's {@code LoihiTraceTest} holds.
 */
class LoihiRawScenarioTest {
    @TempDir
    Path tmp;

    /** Lava's one-step Dense delay is Spikelane delay 0: the sample of step n + 2 holds Lava's step n + 1. */
    private static final int FIRST = 2;

    private static long[] lava(Path out, int neuron, String variable) {
        double[] values = Cli.traces(out, "lava", variable).get(neuron)[1];
        long[] whole = new long[values.length - FIRST];
        for (int i = 0; i < whole.length; i++) {
            double x = values[FIRST + i];
            assertEquals(Math.rint(x), x, "raw integers are recorded as they are");
            whole[i] = (long) x;
        }
        return whole;
    }

    @Test
    void exampleReproducesLavasTraces() {
        Path out = tmp.resolve("out");
        Cli.ok("run", Cli.example("loihi-raw.yaml").toString(), "--out", out.toString(), "-q");
        // du = 2047, dv = 0, one input of 128: u halves each step
        long[] halving = new long[8];
        for (int j = 0; j < 8; j++) halving[j] = 1L << (13 - j);
        assertArrayEquals(halving, lava(out, 0, "u"), "u = 8192, 4096, ..., 64");
        // du = 0, dv = 2048
        assertArrayEquals(new long[] {8192, 12286, 14331, 15351, 15859, 16111, 16235, 16295}, lava(out, 1, "v"));
        // du = dv = 0, bias_mant = 2, bias_exp = 6, vth = 8: spikes on steps 4 and 9 of 10
        assertArrayEquals(new double[] {0.004, 0.009}, Cli.spikeTimes(out, "bias", 0), 1e-12);
    }

    private Path scenario(String name, String... lines) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private Cli.Outcome withWeight(String weight) throws IOException {
        Path file = scenario("raw.yaml",
                "dt: 1 ms",
                "duration: 5 ms",
                "precision: loihi",
                "populations:",
                "  - {name: in, model: spike_generator, size: 2, spikes: {times: [0 ms, 0 ms], neurons: [0, 1]}}",
                "  - {name: lava, size: 1, params: {du: 4095, dv: 4095, vth: 131072}}",
                "projections:",
                "  - from: in",
                "    to: lava",
                "    synapse: exp_current",
                "    weight: " + weight,
                "    delay: 0",
                "record:",
                "  state: [{population: lava, variables: [u]}]");
        return Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "-q");
    }

    /** du = 4095 keeps no u from the step before: u = (sum of the weights) << 6 in the step after delivery. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"32767; 65534", "[120, 79]; 199", "[-32767, 32767]; 0", "-5; -10"})
    void integerWeightsOneOrOnePerSynapse(String weight, long sum) throws IOException {
        Cli.Outcome o = withWeight(weight);
        assertEquals(0, o.exitCode(), o.err());
        double[] u = Cli.traces(tmp.resolve("out"), "lava", "u").get(0)[1];
        assertEquals(sum << 6, (long) u[FIRST], Arrays.toString(u));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1.5; 11:5; projections.0.weight: must be an integer, got '1.5'",
            "[120, 7.9]; 11:19; projections.0.weight.1: must be an integer, got '7.9'",
            "32768; 11:5; projections.0.weight: must be in [-32767, 32767], got '32768'",
            "[1, -40000]; 11:17; projections.0.weight.1: must be in [-32767, 32767], got '-40000'",
            "4 nA; 11:5; projections.0.weight: must be an integer, got '4 nA'",
            "1.0e300; 11:5; projections.0.weight: must be in [-32767, 32767]"})
    void otherWeightsAreOneLineErrors(String weight, String place, String problem) throws IOException {
        Cli.Outcome o = withWeight(weight);
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("raw.yaml:" + place + ": " + problem) && err.contains("a_in"), err);
    }

    /** The exception is only for raw loihi targets: elsewhere a bare weight still needs its unit. */
    @Test
    void physicalTargetsStillNeedAUnit() throws IOException {
        Path file = scenario("physical.yaml",
                "dt: 0.1 ms",
                "duration: 5 ms",
                "precision: loihi",
                "populations:",
                "  - {name: in, model: spike_generator, size: 1, spikes: {times: [0 ms]}}",
                "  - {name: lif, size: 1, params: {E_L: -70 mV, v_reset: -70 mV, refractory: 0 ms}}",
                "projections:",
                "  - {from: in, to: lif, synapse: exp_current, weight: 128}");
        Cli.Outcome o = Cli.run("validate", file.toString());
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertTrue(o.err().contains("projections.0.weight: '128' has no unit (expected a current"), o.err());
    }
}
