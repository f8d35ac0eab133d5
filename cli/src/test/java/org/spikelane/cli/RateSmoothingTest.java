package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record.rate_smoothing}: the Gaussian-smoothed rate in rates.csv's {@code smoothed_hz}
 * against the kernel's analytic values. A single spike gives the kernel itself, peak
 * {@code 1 / (sqrt(2 pi) sigma)}; a regular train of period T gives its rate 1 / T in the interior
 * (the sum of Gaussians a period apart differs from 1 / T by {@code 2 exp(-2 pi^2 sigma^2 / T^2)},
 * 1e-34 for sigma = 2T) and half of it at the run's edge, where the kernel reaches into time
 * without spikes.
 */
class RateSmoothingTest {
    private static final String GENERATOR = """
            dt: 0.1 ms
            duration: %s
            populations:
              - name: G
                size: 1
                model: spike_generator
                spikes: {times: [%s], period: %s}
            record:
              rate_smoothing: %s
            """;

    @TempDir
    Path tmp;

    private List<String[]> rates(String duration, String times, String period, String sigma) throws Exception {
        Path file = Files.writeString(tmp.resolve("g.yaml"), GENERATOR.formatted(duration, times, period, sigma));
        Path out = tmp.resolve("out");
        Cli.ok("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals("population,bin_start_s,bin_width_s,rate_hz,smoothed_hz", Cli.header(out.resolve("rates.csv")));
        return Cli.rows(out.resolve("rates.csv"));
    }

    /**
     * One spike at 45 ms in 100 ms: 10 bins of 10 ms; every bin's centre has the kernel's value
     * there, at the centre 45 ms its peak, at 35 and 55 ms e^-2 of it, beyond 5 sigma nothing.
     */
    @Test
    void aSingleSpikeGivesTheKernel() throws Exception {
        List<String[]> rows = rates("100 ms", "45 ms", "0 ms", "5 ms");
        assertEquals(10, rows.size());
        double[] spike = Cli.spikeTimes(tmp.resolve("out"), "G", 0);
        assertEquals(1, spike.length);
        assertEquals(0.045, spike[0], 1e-12);
        double sigma = 5e-3;
        double peak = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        for (String[] r : rows) {
            double centre = Double.parseDouble(r[1]) + Double.parseDouble(r[2]) / 2;
            double z = (centre - spike[0]) / sigma;
            double expected = Math.abs(z) <= 5 ? peak * Math.exp(-0.5 * z * z) : 0;
            assertEquals(expected, Double.parseDouble(r[4]), peak * 1e-9, "at " + centre + " s");
        }
        assertEquals(peak, Double.parseDouble(rows.get(4)[4]), peak * 1e-9, "the peak 1 / (sqrt(2 pi) sigma) = 79.79 Hz");
        assertEquals(peak * Math.exp(-2), Double.parseDouble(rows.get(5)[4]), peak * 1e-9);
        // the histogram keeps its own numbers: one spike in a 10 ms bin is 100 Hz
        assertEquals(100, Double.parseDouble(rows.get(4)[3]), 1e-9);
    }

    /** A spike every 10 ms (100 Hz) for 1 s, sigma 20 ms: 100 Hz from 5 sigma on, 50 Hz at the start. */
    @Test
    void aRegularTrainGivesItsRateInTheInterior() throws Exception {
        List<String[]> rows = rates("1 s", "0 ms", "10 ms", "20 ms");
        int interior = 0;
        for (String[] r : rows) {
            double centre = Double.parseDouble(r[1]) + Double.parseDouble(r[2]) / 2;
            if (centre >= 0.1 && centre <= 0.9) {
                assertEquals(100, Double.parseDouble(r[4]), 1e-3, "at " + centre + " s");
                interior++;
            }
        }
        assertTrue(interior >= 5, "interior bins: " + interior);
    }

    @Test
    void aWidthOutsideOneStepToTheDurationIsAOneLineError() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), GENERATOR.formatted("100 ms", "45 ms", "0 ms", "0.01 ms"));
        Cli.Outcome o = Cli.run("run", file.toString(), "--out", tmp.resolve("bad").toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertTrue(o.err().contains("record.rate_smoothing") && o.err().contains("[0.1 ms, 100 ms]"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }
}
