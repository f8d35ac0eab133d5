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
}
