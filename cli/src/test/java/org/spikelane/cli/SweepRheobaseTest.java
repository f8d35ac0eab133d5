package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rheobase bracket: found in a descending range too, and not claimed for a sweep of anything but a current. */
class SweepRheobaseTest {
    @TempDir
    Path tmp;

    /** fi-curve's neuron has its rheobase at 2 nA: 3 nA down to 1 nA in 0.25 nA steps brackets it by 2 and 2.25 nA. */
    @Test
    void aDescendingRangeFindsTheBracket() throws IOException {
        Path out = tmp.resolve("down");
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=3 nA..1 nA:9",
                "--set", "duration=100 ms", "--out", out.toString(), "-q");
        assertTrue(o.out().contains("; rheobase between 2.00000 and 2.25000 nA"), o.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2e-9, summary.get("rheobase_low_si").asDouble(), 1e-15);
        assertEquals(2.25e-9, summary.get("rheobase_high_si").asDouble(), 1e-15);
    }

    /** A sweep of tau_m has no rheobase: the line says nothing of one (it used to say "not crossed"). */
    @Test
    void aSweepOfATimeConstantClaimsNoRheobase() throws IOException {
        Path out = tmp.resolve("tau");
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "populations.0.params.tau_m=5 ms..20 ms:4",
                "--set", "duration=100 ms", "--out", out.toString(), "-q");
        assertTrue(!o.out().contains("rheobase") && o.out().contains("4 runs, "), o.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(!summary.has("rheobase_low_si") && !summary.has("analytic_rheobase_si"), summary.toString());
    }
}
