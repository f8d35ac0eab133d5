package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikelane sweep} on the f-I example reproduces the analytic f-I curve. */
class SweepTest {
    @TempDir
    Path tmp;

    @Test
    void fiCurveMatchesTheIsiFormulaWithinOneStep() throws Exception {
        Path out = tmp.resolve("fi");
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=0 nA..10 nA:41",
                "--out", out.toString(), "-q");
        assertTrue(o.out().contains("41 runs") && o.out().contains("rheobase between 2.00000 and 2.25000 nA"), o.out());
        assertTrue(Cli.header(out.resolve("fi.csv")).startsWith("value_nA,population,spikes,rate_hz,isi_rate_hz"));
        List<String[]> rows = Cli.rows(out.resolve("fi.csv"));
        assertEquals(41, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            double nA = Double.parseDouble(r[0]);
            assertEquals(k * 0.25, nA, 1e-12);
            long spikes = Long.parseLong(r[2]);
            double isiRate = Double.parseDouble(r[4]);
            if (nA <= 2.0) {
                assertEquals(0, spikes, "no spike at or below the rheobase, I = " + nA + " nA");
                continue;
            }
            double isi = Oracles.isi(nA * 1e-9, 3e-3);
            // one step per ISI: the measured rate lies between 1/(ISI + dt) and 1/(ISI - dt)
            assertTrue(isiRate >= 1 / (isi + Oracles.DT) && isiRate <= 1 / (isi - Oracles.DT),
                    "I = " + nA + " nA: measured " + isiRate + " Hz, analytic ISI " + isi + " s");
            double first = Oracles.firstSpike(0, nA * 1e-9);
            long expectedSpikes = 1 + (long) Math.floor((0.5 - Oracles.DT - first) / isi + 1e-9);
            assertEquals(expectedSpikes, spikes, "spike count at " + nA + " nA");
            double continuous = 1 / (3e-3 + Oracles.timeToThreshold(Oracles.V_RESET, nA * 1e-9));
            assertEquals(continuous, Double.parseDouble(r[5]), continuous * 1e-6, "analytic column");
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2e-9, summary.get("analytic_rheobase_si").asDouble(), 1e-15);
        assertEquals(2e-9, summary.get("rheobase_low_si").asDouble(), 1e-15);
        assertEquals(2.25e-9, summary.get("rheobase_high_si").asDouble(), 1e-15);
        assertEquals(41, summary.get("runs").asInt());
        var png = ImageIO.read(out.resolve("fi.png").toFile());
        assertTrue(png.getWidth() >= 800);
    }

    @Test
    void badVarySpecIsAOneLineError() {
        Cli.Outcome o = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=0 nA..10 mV:5", "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("--vary") && o.err().contains("voltage"), o.err());
        Cli.Outcome shape = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=3 nA", "-q");
        assertEquals(Main.BAD_INPUT, shape.exitCode());
        assertTrue(shape.err().contains("PATH=FROM..TO:COUNT"), shape.err());
    }

    /** fi-curve's neuron has its rheobase at 2 nA: 3 nA down to 1 nA in 0.25 nA steps brackets it by 2 and 2.25 nA. */
    @Test
    void aDescendingRangeFindsTheRheobaseBracket() throws Exception {
        JsonNode summary = shortSweep("inputs.0.amplitude=3 nA..1 nA:9", "; rheobase between 2.00000 and 2.25000 nA");
        assertEquals(2e-9, summary.get("rheobase_low_si").asDouble(), 1e-15);
        assertEquals(2.25e-9, summary.get("rheobase_high_si").asDouble(), 1e-15);
    }

    /** A sweep of tau_m has no rheobase: the line says nothing of one (it used to say "not crossed"). */
    @Test
    void aSweepOfATimeConstantClaimsNoRheobase() throws Exception {
        JsonNode summary = shortSweep("populations.0.params.tau_m=5 ms..20 ms:4", "4 runs, ");
        assertTrue(!summary.has("rheobase_low_si") && !summary.has("analytic_rheobase_si"), summary.toString());
    }

    /** A 100 ms sweep of fi-curve whose line contains {@code expected} (and "rheobase" only if that does); its summary. */
    private JsonNode shortSweep(String vary, String expected) throws java.io.IOException {
        Path out = tmp.resolve(Integer.toHexString(vary.hashCode()));
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", vary, "--set", "duration=100 ms",
                "--out", out.toString(), "-q");
        assertTrue(o.out().contains(expected), o.out());
        assertEquals(expected.contains("rheobase"), o.out().contains("rheobase"), o.out());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }
}
