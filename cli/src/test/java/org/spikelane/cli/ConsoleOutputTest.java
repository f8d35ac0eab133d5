package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.output.Counted;
import org.spikelane.cli.output.Figures;

/** What a user reads: counts in the right number, figures without binary noise, an eta that holds. */
class ConsoleOutputTest {
    @TempDir
    Path tmp;

    @Test
    void countsUseTheSingularForOne() {
        assertEquals("1 spike", Counted.of(1, "spike"));
        assertEquals("0 spikes", Counted.of(0, "spike"));
        assertEquals("2 populations", Counted.of(2, "population"));
    }

    /** The 5 nA neuron fires from 20 ms at 24.1 ms and 29.4 ms (8 ms ln 5/3, then 2 ms + 8 ms ln 1.5): 26 ms hold one spike. */
    @Test
    void aRunWithOneSpikeSaysSpike() {
        Cli.Outcome o = Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--set", "duration=26 ms",
                "--out", tmp.resolve("one").toString(), "-q");
        assertTrue(o.out().contains(": 260 steps, 1 spike, "), o.out());
        Cli.Outcome v = Cli.ok("validate", Cli.example("quickstart.yaml").toString());
        assertTrue(v.out().contains("1 population with 3 neurons, 2000 steps of"), v.out());
    }

    @Test
    void figuresLoseOnlyTheBinaryNoise() {
        assertEquals(0.3, Figures.round(3 * 0.1));
        assertEquals(70.0, Figures.round(69.99999999999999));
        assertEquals(1.23456789012e-9, Figures.round(1.2345678901234e-9));
        assertEquals(Double.NaN, Figures.round(Double.NaN));
        assertEquals(1.235, Figures.millis(1.2346));
    }

    /** summary.json: rates and durations with at most twelve significant digits, and still right. */
    @Test
    void summaryFiguresAreRounded() throws IOException {
        Path out = tmp.resolve("quickstart");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", out.toString(), "-q");
        String text = Files.readString(out.resolve("summary.json"));
        Matcher m = Pattern.compile("\"[a-z_]+\" : (-?[0-9][0-9.eE+-]*)").matcher(text);
        int numbers = 0;
        while (m.find()) {
            numbers++;
            String digits = m.group(1).replaceAll("[eE].*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "");
            assertTrue(digits.length() <= 12, "too many digits: " + m.group());
        }
        assertTrue(numbers >= 8, text);
        JsonNode summary = new ObjectMapper().readTree(text);
        assertEquals(0.2, summary.get("duration_s").asDouble());
        JsonNode lif = summary.get("populations").get(0);
        assertEquals(lif.get("spikes").asLong() / 0.6, lif.get("mean_rate_hz").asDouble(), 1e-9);
    }

    /**
     * The eta follows the recent rate: a run whose first 10 % of steps take 0.5 s (warm-up) and whose
     * rest runs at 10 000 steps/s has, at 1.2 s, 0.6 s left; the rate since the start would say 1.3 s.
     */
    @Test
    void etaIgnoresTheWarmUp() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", true, () -> now[0]);
        long total = 20_000;
        for (long done = 0; done <= 2_000; done += 10) {
            now[0] = done * 250_000L; // 0.5 s for the first 2000 steps
            bar.onProgress(done, total);
        }
        for (long done = 2_010; done <= 14_000; done += 10) {
            now[0] = 500_000_000L + (done - 2_000) * 100_000L; // then 0.1 ms per step
            bar.onProgress(done, total);
        }
        assertEquals(1.7e9, now[0], 1e6);
        assertEquals(0.6, bar.eta(14_000, total), 0.02);
        String last = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
        assertTrue(last.contains("14000/20000 steps, 1.7 s, eta 0.6 s"), last);
        bar.status("writing spikes.csv");
        String status = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
        assertTrue(status.startsWith("x: writing spikes.csv ..."), status);
        bar.close();
        assertTrue(text.toString().endsWith("\r"), "the line is cleared for the summary");
    }
}
