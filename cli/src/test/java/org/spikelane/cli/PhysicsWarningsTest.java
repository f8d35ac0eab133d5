package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/** Item 6 of issue 11: parameters that run but rarely mean what was meant are warned about; --strict makes them errors. */
class PhysicsWarningsTest {
    @TempDir
    Path tmp;

    /** Line 6 holds the params map; each warning names the line and column of the parameter's key. */
    private Path scenario(String params) throws IOException {
        Path file = tmp.resolve("physics.yaml");
        Files.writeString(file, "dt: 0.1 ms\nduration: 20 ms\npopulations:\n  - name: P\n    size: 4\n    params:\n" + params
                + "inputs:\n  - {type: step, target: P, amplitude: 3 nA}\n");
        return file;
    }

    private static final String V_RESET_WARNING = ":7:7: populations.0.params.v_reset: v_reset (-50 mV) is not below"
            + " v_threshold (-50 mV) in 4 of 4 neurons: a neuron is reset to or above its threshold and fires again as soon"
            + " as its refractory period ends";

    /** Runs a scenario with these params; it must succeed (warnings never stop a run). Returns stderr. */
    private String warningsOf(String params) throws IOException {
        Cli.Outcome o = Cli.run("run", scenario(params).toString(), "--out", tmp.resolve("out").toString(), "-q");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(Files.exists(tmp.resolve("out").resolve("spikes.csv")));
        return o.err();
    }

    @Test
    void resetAtThresholdIsWarnedAboutAndTheRunGoesOn() throws IOException {
        String err = warningsOf("      v_reset: -50 mV\n      v_threshold: -50 mV\n");
        assertEquals("warning: " + tmp.resolve("physics.yaml") + V_RESET_WARNING + "\n", err);
    }

    @Test
    void aStepCoarseAgainstTauMIsWarnedAbout() throws IOException {
        String err = warningsOf("      tau_m: 0.5 ms\n");
        assertEquals("warning: " + tmp.resolve("physics.yaml") + ":7:7: populations.0.params.tau_m: dt (100 us) is more than tau_m / 10 (tau_m = 500 us)"
                + " in 4 of 4 neurons: inputs are held over steps long against the membrane time constant and spike times fall"
                + " on a coarse grid; make dt at most tau_m / 10\n", err);
    }

    @Test
    void aRefractoryPeriodOfOneStepIsWarnedAbout() throws IOException {
        String err = warningsOf("      refractory: 0.1 ms\n");
        assertEquals("warning: " + tmp.resolve("physics.yaml") + ":7:7: populations.0.params.refractory: refractory (100 us) is not longer than dt"
                + " (100 us) in 4 of 4 neurons: it rounds to 1 step, so a neuron may fire again in the step after its spike;"
                + " make it several steps long or 0\n", err);
    }

    /** No refractory period at all is a choice, not a rounding accident; defaults raise nothing. */
    @Test
    void zeroRefractoryAndTheDefaultsRaiseNoWarning() throws IOException {
        Cli.Outcome o = Cli.run("run", scenario("      refractory: 0 ms\n").toString(), "--out", tmp.resolve("out").toString(), "-q",
                "--strict");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("", o.err());
    }

    /** Only the neurons that are off are counted, and the first of them is quoted. */
    @Test
    void perNeuronValuesAreCountedNeuronByNeuron() throws IOException {
        String err = warningsOf("      v_reset: [-65 mV, -50 mV, -40 mV, -70 mV]\n");
        assertTrue(err.contains("populations.0.params.v_reset: v_reset (-50 mV) is not below v_threshold (-50 mV) in 2 of 4"
                + " neurons"), err);
    }

    @Test
    void strictTurnsEveryWarningIntoAnErrorLineAndWritesNothing() throws IOException {
        Path file = scenario("      v_reset: -50 mV\n      v_threshold: -50 mV\n      tau_m: 0.5 ms\n");
        Path out = tmp.resolve("strict");
        Cli.Outcome o = Cli.run("run", file.toString(), "--out", out.toString(), "-q", "--strict");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        List<String> lines = o.err().lines().toList();
        assertEquals(3, lines.size(), o.err());
        assertEquals("error: " + file + V_RESET_WARNING, lines.get(0));
        assertTrue(lines.get(1).startsWith("error: " + file + ":9:7: populations.0.params.tau_m: dt (100 us) is more than"), lines.get(1));
        assertEquals("error: --strict: 2 warnings treated as errors", lines.get(2));
        assertEquals("", o.out());
        assertFalse(Files.exists(out.resolve("spikes.csv")));
    }

    @Test
    void sweepWarnsOnceAndHonoursStrict() throws IOException {
        Path file = scenario("      tau_m: 0.5 ms\n");
        Cli.Outcome o = Cli.run("sweep", file.toString(), "--vary", "inputs.0.amplitude=1 nA..3 nA:3", "--out",
                tmp.resolve("sweep").toString(), "-q");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().count(), "one warning for three runs: " + o.err());
        Cli.Outcome strict = Cli.run("sweep", file.toString(), "--vary", "inputs.0.amplitude=1 nA..3 nA:3", "--out",
                tmp.resolve("sweep").toString(), "-q", "--strict");
        assertEquals(Main.BAD_INPUT, strict.exitCode());
        assertEquals(2, strict.err().lines().count(), strict.err());
    }

    /**
     * A recording over 1 GiB is a warning (checked directly: running it would take the memory):
     * 20000 neurons x 2 variables x 10000 samples = 1.5 GiB.
     */
    @Test
    void aRecordingOverOneGibIsWarnedAbout() throws IOException {
        Path file = tmp.resolve("rec.yaml");
        Files.writeString(file, "dt: 0.1 ms\nduration: 1 s\npopulations:\n  - {name: P, size: 20000}\n"
                + "record:\n  state:\n    - {population: P, variables: [v, I]}\n");
        StringWriter err = new StringWriter();
        try {
            Preflight.check(Scenario.load(file, List.of()), PluginRegistry.discover(), false, new PrintWriter(err, true), new HashSet<>());
        } catch (CommandFailure heapTooSmall) {
            // the warning comes first either way
        }
        assertEquals("warning: " + file + ":7:7: record.state.0: will hold 1.5 GiB (20000 neurons x 2 variables x 10000 samples),"
                + " and state.csv several times that; record fewer neurons or sample less often (every)\n", err.toString());
    }

    /** validate says the same warnings as run, and --strict makes them errors there too. */
    @Test
    void validateWarnsAsRunDoes() throws IOException {
        Path file = scenario("      v_reset: -50 mV\n      v_threshold: -50 mV\n");
        Cli.Outcome o = Cli.run("validate", file.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("warning: " + file + V_RESET_WARNING + "\n", o.err());
        assertTrue(o.out().startsWith("ok: "), o.out());
        Cli.Outcome strict = Cli.run("validate", file.toString(), "--strict");
        assertEquals(Main.BAD_INPUT, strict.exitCode(), strict.err());
        assertTrue(strict.err().contains("--strict: 1 warning treated as errors"), strict.err());
    }
}
