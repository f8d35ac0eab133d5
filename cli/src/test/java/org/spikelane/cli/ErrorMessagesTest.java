package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of scenario mistake gives one line on stderr naming file, line and field, and exit
 * code 2, from both {@code validate} and {@code run}.
 */
class ErrorMessagesTest {
    @TempDir
    Path tmp;

    /** A valid scenario; each case replaces one line (1-based {@code line}) with a mistake. */
    private static final String[] GOOD = {
        "dt: 0.1 ms",                      // 1
        "duration: 50 ms",                 // 2
        "populations:",                    // 3
        "  - name: lif",                   // 4
        "    size: 3",                     // 5
        "    params:",                     // 6
        "      tau_m: 8 ms",               // 7
        "      v_threshold: -50 mV",       // 8
        "inputs:",                         // 9
        "  - type: step",                  // 10
        "    target: lif",                 // 11
        "    neurons: [0, 1]",             // 12
        "    amplitude: 2.5 nA",           // 13
        "    start: 5 ms",                 // 14
        "    stop: 40 ms",                 // 15
        "record:",                         // 16
        "  spikes: [lif]",                 // 17
    };

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown top-level key", 2, "durration: 50 ms", "durration", "did you mean 'duration'?"),
                Arguments.of("unknown model parameter", 7, "      tau_mm: 8 ms", "populations.0.params.tau_mm", "did you mean 'tau_m'?"),
                Arguments.of("unknown input key", 13, "    amplitdue: 2.5 nA", "inputs.0.amplitdue", "did you mean 'amplitude'?"),
                Arguments.of("unknown plugin", 10, "  - type: stepp", "inputs.0.type", "unknown input plugin 'stepp' (did you mean 'step'?); known: bias, "),
                Arguments.of("wrong unit", 7, "      tau_m: 5 mV", "populations.0.params.tau_m", "is a voltage, expected a time"),
                Arguments.of("missing unit", 7, "      tau_m: 5", "populations.0.params.tau_m", "'5' has no unit"),
                Arguments.of("unknown unit", 13, "    amplitude: 2.5 nX", "inputs.0.amplitude", "unknown unit 'nX'"),
                Arguments.of("negative tau_m", 7, "      tau_m: -8 ms", "populations.0.params.tau_m", "must be > 0 s, got -8 ms"),
                Arguments.of("dt <= 0", 1, "dt: 0 ms", "dt", "must be > 0 s"),
                Arguments.of("stop before start", 15, "    stop: 2 ms", "inputs.0.stop", "must be after start"),
                Arguments.of("neuron index out of range", 12, "    neurons: [0, 5]", "inputs.0.neurons", "index 5 is out of range [0, 2]"),
                Arguments.of("unknown target population", 11, "    target: lfi", "inputs.0.target", "unknown population 'lfi' (did you mean 'lif'?)"),
                Arguments.of("unknown recorded population", 17, "  spikes: [lfi]", "record.spikes.0", "unknown population 'lfi'"),
                Arguments.of("unknown precision", 1, "precision: fixd", "precision", "unknown precision 'fixd' (did you mean 'fixed'?)"),
                Arguments.of("malformed YAML", 12, "    neurons: [0, 1", "", "malformed YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneLineNamingFileLineAndField(String what, int line, String replacement, String field, String problem) throws IOException {
        String[] lines = GOOD.clone();
        lines[line - 1] = replacement;
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        for (String command : new String[] {"validate", "run"}) {
            Cli.Outcome o = command.equals("run") ? Cli.run(command, file.toString(), "--out", tmp.resolve("out").toString(), "-q")
                    : Cli.run(command, file.toString());
            assertEquals(Main.BAD_INPUT, o.exitCode(), what + ": " + o.err());
            String err = o.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            int reportedLine = line == 12 && what.startsWith("malformed") ? -1 : line;
            if (reportedLine > 0) {
                assertTrue(err.startsWith("error: " + file + ":" + line + ":"), what + ": " + err);
            } else {
                assertTrue(err.startsWith("error: " + file + ":"), what + ": " + err);
            }
            if (!field.isEmpty()) assertTrue(err.contains(": " + field + ": "), what + ": " + err);
            assertTrue(err.contains(problem), what + ": " + err);
        }
    }

    /** Two projections with the same owner name ("a -> b"): errors found at build time still name the right one. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "tau_syn: 5 ms}|tau_sin: 5 ms}|16|projections.1.params.tau_sin|did you mean 'tau_syn'?",
        "tau_syn: 5 ms}|tau_syn: -5 ms}|16|projections.1.params.tau_syn|must be > 0 s",
        "p: 0.1}|p: 1.5}|18|projections.1.connect.p|must be in [0, 1]",
        "synapse: exp_current|synapse: exp_curent|15|projections.1.synapse|did you mean 'exp_current'?"})
    void projectionErrorsNameTheRightProjection(String from, String to, int line, String field, String problem) throws IOException {
        String one = """
                  - from: a
                    to: b
                    synapse: exp_current
                    params: {tau_syn: 5 ms}
                    weight: 1 mV
                    connect: {rule: probability, p: 0.1}
                """;
        String text = "dt: 0.1 ms\nduration: 50 ms\npopulations:\n  - {name: a, size: 10}\n  - {name: b, size: 10}\nprojections:\n"
                + one + one.replace(from, to);
        Path file = tmp.resolve("proj.yaml");
        Files.writeString(file, text);
        Cli.Outcome o = Cli.run("validate", file.toString());
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        String err = o.err().strip();
        assertTrue(err.startsWith("error: " + file + ":" + line + ":") && err.contains(": " + field + ": ") && err.contains(problem), err);
    }

    /** Under precision loihi a LIF population takes raw hardware parameters; physical ones are refused where they stand. */
    @Test
    void loihiNeedsAZeroRefractoryPeriod() throws IOException {
        String[] lines = GOOD.clone();
        lines[0] = "precision: loihi";
        Path file = tmp.resolve("loihi.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Cli.Outcome o = Cli.run("validate", file.toString());
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        String err = o.err().strip();
        // Loihi's LIF has no refractory period and the default is 2 ms: the error points at the
        // population's params (the key is absent) and says how to proceed
        assertTrue(err.matches("error: .*loihi\\.yaml:6:5: populations\\.0\\.params\\.refractory: must be 0 under precision loihi.*raw hardware parameters.*"), err);
    }

    @Test
    void theGoodScenarioValidates() throws IOException {
        Path file = tmp.resolve("good.yaml");
        Files.writeString(file, String.join("\n", GOOD) + "\n");
        Cli.Outcome o = Cli.ok("validate", file.toString());
        assertTrue(o.out().startsWith("ok: "), o.out());
    }

    @Test
    void setOverrideErrorsNameTheOption() throws IOException {
        Path file = tmp.resolve("good.yaml");
        Files.writeString(file, String.join("\n", GOOD) + "\n");
        Cli.Outcome o = Cli.run("validate", file.toString(), "--set", "populations.lif.params.tau_m=5 mV");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("(--set populations.lif.params.tau_m=5 mV)") && o.err().contains("populations.0.params.tau_m"), o.err());
        Cli.Outcome missing = Cli.run("validate", file.toString(), "--set", "inputs.3.amplitude=1 nA");
        assertEquals(Main.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("index 3 is out of range"), missing.err());
    }

    @Test
    void missingFile() {
        Cli.Outcome o = Cli.run("run", tmp.resolve("nope.yaml").toString());
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("nope.yaml: no such file"), o.err());
    }

    @Test
    void jsonIsAcceptedToo() throws IOException {
        Path file = tmp.resolve("s.json");
        Files.writeString(file, """
                {"dt": "0.1 ms", "duration": "20 ms",
                 "populations": [{"name": "lif", "size": 1}],
                 "inputs": [{"type": "step", "target": "lif", "amplitude": "3 nA"}]}
                """);
        Cli.Outcome o = Cli.ok("run", file.toString(), "--out", tmp.resolve("j").toString(), "-q");
        assertTrue(o.out().contains("200 steps"), o.out());
        Files.writeString(file, "{\"dt\": \"0.1 ms\", \"duration\": 20}");
        Cli.Outcome bad = Cli.run("validate", file.toString());
        assertEquals(Main.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("s.json:1:") && bad.err().contains("duration: '20' has no unit"), bad.err());
    }
}
