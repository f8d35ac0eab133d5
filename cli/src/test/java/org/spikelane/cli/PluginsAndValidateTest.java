package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsAndValidateTest {
    @TempDir
    Path tmp;

    /** The listing comes from the plugins' own declarations, with units, defaults and origin. */
    @Test
    void pluginsListsEveryInputWithParametersAndOrigin() {
        String out = Cli.ok("plugins").out();
        for (String name : new String[] {"bias", "step", "sine", "ramp", "pulse"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + name + ": ")), name + " in\n" + out);
        }
        assertTrue(out.contains("spikelane-inputs") || out.contains("plugins/inputs"), "origin of the input plugins:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("frequency") && l.contains("Hz")), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("tau_m") && l.contains("default 8 ms")), out);
        String md = Cli.ok("plugins", "--markdown").out();
        assertTrue(md.contains("#### `sine`") && md.contains("| `frequency` |"), md);
    }

    @Test
    void everyExampleValidates() throws IOException {
        try (Stream<Path> files = Files.list(Cli.EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Cli.Outcome o = Cli.run("validate", f.toString());
                assertEquals(0, o.exitCode(), f + ": " + o.err());
                assertTrue(o.out().startsWith("ok: "), o.out());
            }
        }
    }

    @Test
    void setOverridesAValueForTheRun() {
        Path out = tmp.resolve("o");
        // below rheobase: the issue scenario's step neurons go silent
        Cli.ok("run", Cli.example("issue3-scenario.yaml").toString(), "--out", out.toString(), "-q",
                "--set", "inputs.0.amplitude=1.9 nA", "--set", "duration=120 ms");
        assertEquals(0, Cli.rows(out.resolve("spikes.csv")).size());
        assertEquals(1200, Cli.trace(out, "lif", 0, "v")[0].length);
    }

    /** The bar stays silent for runs shorter than a second and when disabled (not a terminal, --quiet). */
    @Test
    void progressBarIsSilentForShortOrDisabledRuns() {
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", true)) {
            for (int i = 1; i <= 200; i++) bar.onProgress(i, 200);
        }
        assertEquals("", text.toString());
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", false)) {
            bar.onProgress(1, 2);
        }
        assertEquals("", text.toString());
    }
}
